package io.github.seckill.order.infra;

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

/**
 * The internal API answers other services (HTTP Basic, one service account); health and metrics are open;
 * 401 and 403 as problem+json like every other error.
 */
@Configuration(proxyBeanMethods = false)
class InternalSecurity {

    @Bean
    SecurityFilterChain internal(HttpSecurity http, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthorized = SecurityProblems.unauthorized(json,
                "Basic realm=\"order-service\"", "send the service account's credentials (HTTP Basic)");
        return http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/internal/**").hasRole("SERVICE")
                        .anyRequest().denyAll())
                .httpBasic(b -> b.authenticationEntryPoint(unauthorized))
                .exceptionHandling(x -> x.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(SecurityProblems.forbidden(json)))
                .build();
    }

    @Bean
    UserDetailsService serviceAccounts(InternalAccount account) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new InMemoryUserDetailsManager(User.withUsername(account.username())
                .password(encoder.encode(account.password())).roles("SERVICE").build());
    }
}
