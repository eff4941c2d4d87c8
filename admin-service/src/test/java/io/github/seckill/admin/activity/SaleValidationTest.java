package io.github.seckill.admin.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.RequestBuilder;

import io.github.seckill.admin.AdminIntegrationTest;
import io.github.seckill.common.problem.ProblemTypes;

/** Every bad sale is refused as a problem, with its type and field, and writes nothing. */
class SaleValidationTest extends AdminIntegrationTest {

    private static final Instant START = Instant.parse("2030-01-01T10:00:00Z");
    private static final String VALIDATION = ProblemTypes.VALIDATION.toString();
    private static final String MALFORMED = ProblemTypes.MALFORMED_REQUEST.toString();

    private long productId;

    @BeforeEach
    void product() throws Exception {
        productId = newProduct("Validated");
    }

    private Map<String, Object> validSale() {
        Map<String, Object> sale = new LinkedHashMap<>();
        sale.put("productId", productId);
        sale.put("title", "Sale");
        sale.put("price", "9.90");
        sale.put("stock", 100);
        sale.put("limitPerUser", 2);
        sale.put("startAt", START.toString());
        sale.put("endAt", START.plus(1, ChronoUnit.HOURS).toString());
        return sale;
    }

    static Stream<Arguments> badSales() {
        return Stream.of(
                bad("title missing", s -> s.remove("title"), 400, "title"),
                bad("title blank", s -> s.put("title", "  "), 400, "title"),
                bad("title too long", s -> s.put("title", "x".repeat(201)), 400, "title"),
                bad("productId missing", s -> s.remove("productId"), 400, "productId"),
                bad("price missing", s -> s.remove("price"), 400, "price"),
                bad("price 0", s -> s.put("price", 0), 400, "price"),
                bad("price negative", s -> s.put("price", "-1.00"), 400, "price"),
                bad("price 3 decimals", s -> s.put("price", "9.999"), 400, "price"),
                bad("stock missing", s -> s.remove("stock"), 400, "stock"),
                bad("stock 0", s -> s.put("stock", 0), 400, "stock"),
                bad("stock above 10,000,000", s -> s.put("stock", 10_000_001), 400, "stock"),
                bad("limitPerUser 0", s -> s.put("limitPerUser", 0), 400, "limitPerUser"),
                bad("limitPerUser above stock", s -> s.put("limitPerUser", 101), 400, "limitPerUser"),
                bad("startAt missing", s -> s.remove("startAt"), 400, "startAt"),
                bad("endAt before startAt", s -> s.put("endAt", START.minusSeconds(1).toString()), 400, "endAt"),
                bad("endAt equal to startAt", s -> s.put("endAt", START.toString()), 400, "endAt"),
                bad("unknown productId", s -> s.put("productId", 987_654_321L), 422, "productId"));
    }

    private static Arguments bad(String name, Consumer<Map<String, Object>> change, int status, String field) {
        return Arguments.of(name, change, status, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSales")
    void refusesBadSale(String name, Consumer<Map<String, Object>> change, int status, String field)
            throws Exception {
        Map<String, Object> sale = validSale();
        change.accept(sale);
        long before = rows("activities");

        mvc.perform(post("/admin/api/v1/activities").with(admin())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(sale)))
                .andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(VALIDATION))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.detail").isNotEmpty())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem(field)));

        assertThat(rows("activities")).isEqualTo(before);
    }

    @Test
    void listsEveryMissingField() throws Exception {
        mvc.perform(post("/admin/api/v1/activities").with(admin())
                .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(7))
                .andExpect(jsonPath("$.errors[0].field").value("endAt"))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"title\": ", "not json", "{\"stock\": \"many\"}",
            "{\"startAt\": \"2030-01-01T10:00:00\"}", "[1, 2]"})
    void refusesMalformedBody(String body) throws Exception {
        long before = rows("activities");
        mvc.perform(post("/admin/api/v1/activities").with(admin())
                .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(MALFORMED))
                .andExpect(jsonPath("$.status").value(400));
        assertThat(rows("activities")).isEqualTo(before);
    }

    @Test
    void unknownSaleIsNotFound() throws Exception {
        for (RequestBuilder request : new RequestBuilder[] {
                get("/admin/api/v1/activities/987654321").with(admin()),
                post("/admin/api/v1/activities/987654321/prewarm").with(admin()),
                post("/admin/api/v1/activities/987654321/close").with(admin())}) {
            mvc.perform(request)
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value(ProblemTypes.SALE_NOT_FOUND.toString()))
                    .andExpect(jsonPath("$.detail").value("no sale with id 987654321"));
        }
    }

    @Test
    void nonNumericIdIsAValidationError() throws Exception {
        mvc.perform(get("/admin/api/v1/activities/abc").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(ProblemTypes.VALIDATION.toString()))
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }
}
