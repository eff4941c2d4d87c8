package io.github.seckill.admin.security;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Two chains. The REST API (<code>/admin/api/**</code>) takes HTTP Basic (stateless: nothing is kept in
 * a session) or the session of a form login, answers 401/403 as problems, and skips CSRF only for
 * Basic calls: a browser's session cookie is sent on forged requests, an explicit Authorization header
 * from an API client is not. Everything else is the UI: form login at <code>/login</code>, CSRF on;
 * health and metrics are open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ProblemResponses problems) throws Exception {
        return http.securityMatcher("/admin/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().hasRole(AdminRole.ADMIN.name()))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfig::needsCsrf))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain ui(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers(EndpointRequest.to("health", "prometheus")).permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().hasRole(AdminRole.ADMIN.name()))
                .formLogin(form -> form.permitAll())
                .logout(logout -> logout.permitAll())
                .build();
    }

    static boolean needsCsrf(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        return !SAFE_METHODS.contains(request.getMethod()) && !basic;
    }
}
