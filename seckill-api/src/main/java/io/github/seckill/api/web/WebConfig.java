package io.github.seckill.api.web;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/** Request hygiene shared by every endpoint: body size and strict JSON numbers. */
@Configuration(proxyBeanMethods = false)
class WebConfig {

    /** Ahead of Spring Security (order -100): an oversized body costs no token check. */
    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit(WebSettings settings, ObjectMapper json) {
        FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(
                new BodySizeLimit(settings, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

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
