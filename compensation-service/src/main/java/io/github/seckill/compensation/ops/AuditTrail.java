package io.github.seckill.compensation.ops;

import java.sql.Timestamp;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Every ops API call that passed authentication, in {@code ops_audit}: who, what, when, and the answer. */
@Configuration(proxyBeanMethods = false)
class AuditTrail implements WebMvcConfigurer, HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AuditTrail(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/ops/api/v1/**");
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        String actor = request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
        String query = request.getQueryString();
        try {
            jdbc.update("INSERT INTO ops_audit (actor, method, path, query, status, at) VALUES (?, ?, ?, ?, ?, ?)",
                    actor, request.getMethod(), request.getRequestURI(),
                    query == null || query.length() <= 1000 ? query : query.substring(0, 1000), response.getStatus(),
                    Timestamp.from(clock.instant()));
        } catch (DataAccessException e) {
            log.error("audit row lost: {} {} {} by {}", request.getMethod(), request.getRequestURI(), query, actor);
        }
    }
}
