package io.github.seckill.admin.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.common.problem.SecurityProblems;

/**
 * Two chains. The REST API (<code>/admin/api/**</code>) takes HTTP Basic (stateless: nothing is kept in
 * a session) or the session of a form login, answers 401/403 as problems, and skips CSRF only for
 * Basic calls: a browser's session cookie is sent on forged requests, an explicit Authorization header
 * from an API client is not. Everything else is the UI: form login at <code>/login</code>, CSRF on;
 * health and metrics are open. Both chains apply the same roles (see {@link AdminRole}): reads for every
 * role, sales and failed orders for OPERATOR too, the rest for ADMIN.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String REALM = "Basic realm=\"seckill-admin\"";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final String ADMIN = AdminRole.ADMIN.name();
    private static final String OPERATOR = AdminRole.OPERATOR.name();
    private static final String VIEWER = AdminRole.VIEWER.name();

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthorized = SecurityProblems.unauthorized(json, REALM,
                "send an admin's credentials (HTTP Basic)");
        AccessDeniedHandler forbidden = SecurityProblems.forbidden(json);
        return http.securityMatcher("/admin/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers(GET, "/admin/api/**").hasAnyRole(ADMIN, OPERATOR, VIEWER)
                        .requestMatchers(POST, "/admin/api/v1/activities/**").hasAnyRole(ADMIN, OPERATOR)
                        .requestMatchers(PUT, "/admin/api/v1/activities/**").hasAnyRole(ADMIN, OPERATOR)
                        .anyRequest().hasRole(ADMIN))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfig::needsCsrf))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain ui(HttpSecurity http) throws Exception {
        ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl("/login?error");
        failures.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked",
                DisabledException.class.getName(), "/login?disabled"));
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers(EndpointRequest.to("health", "prometheus")).permitAll()
                        .requestMatchers("/error", "/login", "/css/**", "/js/**", "/favicon.ico").permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(ADMIN)
                        .requestMatchers("/users/**", "/audit/**", "/products/new", "/products/*/edit").hasRole(ADMIN)
                        .requestMatchers("/sales/new", "/sales/*/edit").hasAnyRole(ADMIN, OPERATOR)
                        .requestMatchers(POST, "/failed-orders/policy").hasRole(ADMIN)
                        .requestMatchers(POST, "/sales/**", "/failed-orders/**").hasAnyRole(ADMIN, OPERATOR)
                        .requestMatchers(GET, "/**").hasAnyRole(ADMIN, OPERATOR, VIEWER)
                        .anyRequest().hasRole(ADMIN))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).failureHandler(failures)
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .build();
    }

    static boolean needsCsrf(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        return !SAFE_METHODS.contains(request.getMethod()) && !basic;
    }
}
