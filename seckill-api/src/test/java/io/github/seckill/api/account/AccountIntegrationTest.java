package io.github.seckill.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import io.github.seckill.api.ApiTestSupport;
import io.github.seckill.testsupport.TestServers;


class AccountIntegrationTest extends ApiTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    private int users(String name) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM users WHERE username = ?", Integer.class, name);
    }

    @Test
    void registerStoresABcryptHashAndLoginIssuesABearerToken() {
        String name = "alice" + TestServers.RUN;
        ResponseEntity<Map> created = http.postForEntity("/api/v1/auth/register",
                Map.of("username", name, "password", "correct horse"), Map.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("username", name);
        assertThat(jdbc.queryForObject("SELECT password_hash FROM users WHERE username = ?", String.class, name))
                .startsWith("$2a$").doesNotContain("correct horse");

        ResponseEntity<Map> login = http.postForEntity("/api/v1/auth/login",
                Map.of("username", name, "password", "correct horse"), Map.class);
        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(login.getBody()).containsEntry("tokenType", "Bearer").containsEntry("expiresIn", 900);
        assertThat((String) login.getBody().get("accessToken")).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
    }

    @Test
    void theRegisteredLocationIsTheShoppersOwnAccountAndNoOneElses() {
        String name = "erin" + TestServers.RUN;
        ResponseEntity<Map> created = http.postForEntity("/api/v1/auth/register",
                Map.of("username", name, "password", "password123"), Map.class);
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        String location = created.getHeaders().getLocation().toString();
        String token = (String) http.postForEntity("/api/v1/auth/login",
                Map.of("username", name, "password", "password123"), Map.class).getBody().get("accessToken");

        assertThat(location).isEqualTo("/api/v1/users/" + userOf(token));
        ResponseEntity<Map> mine = get(token, location);
        assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(mine.getBody()).containsEntry("username", name).doesNotContainKeys("password", "passwordHash")
                .containsKey("createdAt");
        assertThat(((Number) mine.getBody().get("id")).longValue()).isEqualTo(userOf(token));

        assertProblem(get(shopper(), location), HttpStatus.NOT_FOUND, "not-found");
        assertProblem(get(token, "/api/v1/users/me"), HttpStatus.BAD_REQUEST, "validation");
        assertProblem(http.getForEntity(location, Map.class), HttpStatus.UNAUTHORIZED, "unauthorized");
    }

    @Test
    void takenUsernameIsAConflictAndWritesNothing() {
        String name = "bob" + TestServers.RUN;
        http.postForEntity("/api/v1/auth/register", Map.of("username", name, "password", "password123"), Map.class);

        ResponseEntity<Map> again = http.postForEntity("/api/v1/auth/register",
                Map.of("username", name, "password", "other-password"), Map.class);

        assertProblem(again, HttpStatus.CONFLICT, "username-taken");
        assertThat(users(name)).isEqualTo(1);
    }

    @Test
    void invalidRegistrationNamesTheFieldAndWritesNothing() {
        String name = "x";
        ResponseEntity<Map> response = http.postForEntity("/api/v1/auth/register",
                Map.of("username", name, "password", "short"), Map.class);

        assertProblem(response, HttpStatus.BAD_REQUEST, "validation");
        List<Map<String, String>> errors = (List<Map<String, String>>) response.getBody().get("errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactlyInAnyOrder("username", "password");
        assertThat(users(name)).isZero();
    }

    @Test
    void wrongPasswordAndUnknownUserAreBothUnauthorized() {
        String name = "carol" + TestServers.RUN;
        http.postForEntity("/api/v1/auth/register", Map.of("username", name, "password", "password123"), Map.class);

        assertProblem(http.postForEntity("/api/v1/auth/login", Map.of("username", name, "password", "wrong-password"),
                Map.class), HttpStatus.UNAUTHORIZED, "bad-credentials");
        assertProblem(http.postForEntity("/api/v1/auth/login",
                Map.of("username", "nobody" + TestServers.RUN, "password", "password123"), Map.class),
                HttpStatus.UNAUTHORIZED, "bad-credentials");
    }

    @Test
    void refreshRotatesTokensAndEachRefreshTokenWorksOnce() {
        String name = "dave" + TestServers.RUN;
        Map<String, String> credentials = Map.of("username", name, "password", "password123");
        http.postForEntity("/api/v1/auth/register", credentials, Map.class);
        Map<String, Object> login = http.postForEntity("/api/v1/auth/login", credentials, Map.class).getBody();
        String refresh = (String) login.get("refreshToken");
        assertThat(login).containsEntry("refreshExpiresIn", 7 * 24 * 3600);

        ResponseEntity<Map> renewed = http.postForEntity("/api/v1/auth/refresh", Map.of("refreshToken", refresh),
                Map.class);

        assertThat(renewed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(renewed.getBody()).containsEntry("tokenType", "Bearer").containsKeys("accessToken", "refreshToken");
        assertThat(renewed.getBody().get("refreshToken")).isNotEqualTo(refresh);
        String access = (String) renewed.getBody().get("accessToken");
        assertProblem(get(access, "/api/v1/orders/1"), HttpStatus.NOT_FOUND, "not-found");
        assertProblem(http.postForEntity("/api/v1/auth/refresh", Map.of("refreshToken", refresh), Map.class),
                HttpStatus.UNAUTHORIZED, "unauthorized");
        assertProblem(get(refresh, "/api/v1/orders/1"), HttpStatus.UNAUTHORIZED, "unauthorized");
        assertProblem(http.postForEntity("/api/v1/auth/refresh", Map.of("refreshToken", access), Map.class),
                HttpStatus.UNAUTHORIZED, "unauthorized");
        assertProblem(http.postForEntity("/api/v1/auth/refresh", Map.of("refreshToken", "x.y.z"), Map.class),
                HttpStatus.UNAUTHORIZED, "unauthorized");
    }
}
