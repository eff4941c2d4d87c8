package io.github.seckill.compensation.ops;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.common.problem.ProblemTypes;
import jakarta.servlet.http.HttpServletResponse;

/** The ops API needs role OPS over HTTP Basic; health and metrics are open; 401/403 as problem+json. */
@Configuration(proxyBeanMethods = false)
class OpsSecurity {

    private static final Set<String> LOCAL_PROFILES = Set.of("local", "default", "test");

    @Bean
    SecurityFilterChain ops(HttpSecurity http, ObjectMapper json) throws Exception {
        return http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/ops/api/v1/**").hasRole("OPS")
                        .anyRequest().denyAll())
                .httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> {
                    res.setHeader("WWW-Authenticate", "Basic realm=\"ops\"");
                    write(res, json, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Authentication required");
                }))
                .exceptionHandling(x -> x.accessDeniedHandler((req, res, e) -> write(res, json, HttpStatus.FORBIDDEN,
                        ProblemTypes.FORBIDDEN, "The ops role is required")))
                .build();
    }

    @Bean
    UserDetailsService opsUsers(OpsAccount account, Environment environment) {
        boolean local = environment.getActiveProfiles().length == 0
                || Set.of(environment.getActiveProfiles()).stream().allMatch(LOCAL_PROFILES::contains);
        if (!local && OpsAccount.LOCAL_PASSWORD.equals(account.password())) {
            throw new IllegalStateException("seckill.ops.password (SECKILL_OPS_PASSWORD) must be set outside the "
                    + "local, default and test profiles");
        }
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new InMemoryUserDetailsManager(User.withUsername(account.username())
                .password(encoder.encode(account.password())).roles("OPS").build());
    }

    private static void write(HttpServletResponse res, ObjectMapper json, HttpStatus status, java.net.URI type,
            String detail) throws java.io.IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(status.getReasonPhrase());
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(res.getOutputStream(), problem);
    }
}
