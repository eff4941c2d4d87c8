package io.github.seckill.api.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The API description served at {@code /v3/api-docs} and in Swagger UI at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String BEARER = "bearer";

    @Bean
    OpenAPI shopperApi() {
        return new OpenAPI()
                .info(new Info().title("seckill shopper API").version("v1").description("""
                        Flash-sale shopper API: accounts, the sale catalogue, purchase and orders.
                        Errors are RFC 9457 problem+json with a stable `type` (urn:seckill:problem:*).
                        Order ids and money travel as strings; times are ISO-8601."""))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
