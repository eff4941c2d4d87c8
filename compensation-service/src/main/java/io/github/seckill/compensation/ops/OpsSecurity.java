package io.github.seckill.compensation.ops;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.common.problem.SecurityProblems;

/** The ops API needs role OPS over HTTP Basic; health and metrics are open; 401/403 as problem+json. */
@Configuration(proxyBeanMethods = false)
class OpsSecurity {

    @Bean
    SecurityFilterChain ops(HttpSecurity http, ObjectMapper json) throws Exception {
        return http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/ops/api/v1/**").hasRole("OPS")
                        .anyRequest().denyAll())
                .httpBasic(b -> b.authenticationEntryPoint(unauthorized(json)))
                .exceptionHandling(x -> x.authenticationEntryPoint(unauthorized(json))
                        .accessDeniedHandler(SecurityProblems.forbidden(json)))
                .build();
    }

    private static AuthenticationEntryPoint unauthorized(ObjectMapper json) {
        return SecurityProblems.unauthorized(json, "Basic realm=\"ops\"",
                "send an ops account's credentials (HTTP Basic)");
    }

    @Bean
    UserDetailsService opsUsers(OpsAccount account) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new InMemoryUserDetailsManager(User.withUsername(account.username())
                .password(encoder.encode(account.password())).roles("OPS").build());
    }
}
