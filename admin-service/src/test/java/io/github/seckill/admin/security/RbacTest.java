package io.github.seckill.admin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import io.github.seckill.admin.AdminIntegrationTest;

/**
 * Every UI page and REST call, asked by each role: the roles it is meant for get past security (any
 * answer but 401/403), the others get 403. Ids point at nothing, so an allowed call changes nothing.
 */
class RbacTest extends AdminIntegrationTest {

    private static final Set<String> ALL = Set.of("ADMIN", "OPERATOR", "VIEWER");
    private static final Set<String> OPS = Set.of("ADMIN", "OPERATOR");
    private static final Set<String> ADMIN = Set.of("ADMIN");
    private static final String JSON_SALE = """
            {"productId":999999,"title":"x","price":"1.00","stock":1,"limitPerUser":1,
             "startAt":"2030-01-01T00:00:00Z","endAt":"2030-01-01T01:00:00Z"}""";

    static Stream<Arguments> endpoints() {
        return Stream.of(
                ui("GET", "/", ALL), ui("GET", "/dashboard/figures", ALL), ui("GET", "/products", ALL),
                ui("GET", "/sales", ALL), ui("GET", "/sales/999999", ALL), ui("GET", "/orders", ALL),
                ui("GET", "/orders/1", ALL), ui("GET", "/failed-orders", ALL), ui("GET", "/failed-orders/1", ALL),
                ui("GET", "/failed-orders/policy", ALL), ui("GET", "/stuck", ALL),
                ui("GET", "/products/new", ADMIN), ui("GET", "/products/999999/edit", ADMIN),
                ui("POST", "/products", ADMIN), ui("POST", "/products/999999", ADMIN),
                ui("POST", "/products/999999/archive", ADMIN),
                ui("GET", "/sales/new", OPS), ui("GET", "/sales/999999/edit", OPS), ui("POST", "/sales", OPS),
                ui("POST", "/sales/999999", OPS), ui("POST", "/sales/999999/prewarm", OPS),
                ui("POST", "/sales/999999/close", OPS),
                ui("POST", "/failed-orders/999999/retry", OPS), ui("POST", "/failed-orders/retries", OPS),
                ui("POST", "/failed-orders/999999/resolution", OPS),
                ui("POST", "/failed-orders/policy", ADMIN),
                ui("GET", "/audit", ADMIN), ui("GET", "/users", ADMIN), ui("GET", "/users/999999", ADMIN),
                ui("POST", "/users", ADMIN), ui("POST", "/users/999999", ADMIN),
                ui("POST", "/users/999999/unlock", ADMIN),
                api("GET", "/admin/api/v1/products", ALL), api("GET", "/admin/api/v1/activities", ALL),
                api("GET", "/admin/api/v1/activities/999999/stats", ALL), api("GET", "/admin/api/v1/orders", ALL),
                api("POST", "/admin/api/v1/products", ADMIN), api("PUT", "/admin/api/v1/products/999999", ADMIN),
                api("POST", "/admin/api/v1/products/999999/archive", ADMIN),
                api("POST", "/admin/api/v1/activities", OPS), api("PUT", "/admin/api/v1/activities/999999", OPS),
                api("POST", "/admin/api/v1/activities/999999/prewarm", OPS),
                api("POST", "/admin/api/v1/activities/999999/close", OPS));
    }

    private static Arguments ui(String method, String path, Set<String> allowed) {
        return Arguments.of(method, path, allowed);
    }

    private static Arguments api(String method, String path, Set<String> allowed) {
        return Arguments.of(method, path, allowed);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void onlyTheIntendedRolesGetThrough(String method, String path, Set<String> allowed) throws Exception {
        for (String role : List.of("ADMIN", "OPERATOR", "VIEWER")) {
            var call = request(HttpMethod.valueOf(method), path).with(user("u-" + role).roles(role)).with(csrf());
            if (path.startsWith("/admin/api") && !method.equals("GET")) {
                call.contentType(MediaType.APPLICATION_JSON).content(path.contains("products") ? """
                        {"name":"x","price":"1.00"}""" : JSON_SALE);
            }
            int status = mvc.perform(call).andReturn().getResponse().getStatus();
            if (allowed.contains(role)) {
                assertThat(status).as(role + " " + method + " " + path).isNotIn(401, 403);
            } else {
                assertThat(status).as(role + " " + method + " " + path).isEqualTo(403);
            }
        }
    }
}
