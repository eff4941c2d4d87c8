package io.github.seckill.api.web;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/** Strict JSON numbers on every endpoint (the body size limit is seckill-common's, as in every service). */
@Configuration(proxyBeanMethods = false)
class WebConfig {

    /**
     * {@code "quantity": "2"} or {@code 1.5} is a wrong type, not a number to guess at: integers are read
     * only from JSON integers. (Decimal strings such as money still read into BigDecimal.)
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictIntegers() {
        return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
