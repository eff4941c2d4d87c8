package io.github.seckill.admin.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withServerError;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

/** order-service's internal API as the contract states it, and what the client makes of each answer. */
class OrderServiceClientTest {

    private MockRestServiceServer server;
    private OrderServiceClient client;

    @BeforeEach
    void bind() {
        RestClient.Builder builder = RestClient.builder().baseUrl("http://orders")
                .messageConverters(c -> c.add(0, new MappingJackson2HttpMessageConverter(
                        Jackson2ObjectMapperBuilder.json().build())))
                .defaultHeaders(h -> h.setBasicAuth("internal", "secret"));
        server = MockRestServiceServer.bindTo(builder).build();
        client = new OrderServiceClient(builder.build());
    }

    @Test
    void readsTheSaleStockWithBasicAuth() {
        server.expect(requestTo("http://orders/internal/api/v1/activities/1/stock"))
                .andExpect(header("Authorization", "Basic aW50ZXJuYWw6c2VjcmV0"))
                .andRespond(withSuccess("""
                        {"activityId":1,"total":100,"remaining":40,"sold":60,
                         "orders":{"CREATED":3,"PAID":1,"CANCELLED":0,"FAILED":0}}""", MediaType.APPLICATION_JSON));
        Remote<Orders.SaleStock> stock = client.stock(1, 100);
        assertThat(stock.available()).isTrue();
        assertThat(stock.value().remaining()).isEqualTo(40);
        assertThat(stock.value().orders()).containsEntry("CREATED", 3L).containsEntry("PAID", 1L);
    }

    @Test
    void noRowYetMeansTheWholeStockIsLeft() {
        server.expect(requestTo("http://orders/internal/api/v1/activities/2/stock"))
                .andRespond(withStatus(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body("{\"status\":404}"));
        Orders.SaleStock stock = client.stock(2, 70).value();
        assertThat(stock.remaining()).isEqualTo(70);
        assertThat(stock.sold()).isZero();
        assertThat(stock.orders()).containsOnly(Map.entry("CREATED", 0L), Map.entry("PAID", 0L),
                Map.entry("CANCELLED", 0L));
    }

    @Test
    void aFailingServiceIsUnavailableNotAnError() {
        server.expect(requestTo("http://orders/internal/api/v1/activities/3/stock")).andRespond(withServerError());
        Remote<Orders.SaleStock> stock = client.stock(3, 10);
        assertThat(stock.available()).isFalse();
        assertThat(stock.unavailable()).isEqualTo("order-service unavailable");
    }

    @Test
    void aServiceThatIsDownIsUnavailable() {
        OrderServiceClient down = new UpstreamConfig().orderServiceClient(RestClient.builder(),
                new OrderServiceSettings(java.net.URI.create("http://127.0.0.1:9"), "u", "p", Duration.ofSeconds(1)));
        assertThat(down.search(new Orders.Query(null, null, null, null, null, null, null)).unavailable())
                .isEqualTo("order-service unavailable");
    }

    @Test
    void searchesWithEveryFilterAndReadsTheOrderWithItsHistory() {
        server.expect(requestTo("http://orders/internal/api/v1/orders?activityId=5&userId=7&status=PAID"
                + "&from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z&page=2&size=20"))
                .andRespond(withSuccess("""
                        {"content":[{"orderId":"9007199254740993","activityId":5,"userId":7,"quantity":1,
                          "amount":"9.90","status":"PAID","xid":"tc:1"}],"page":2,"size":20,"totalElements":41}""",
                        MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://orders/internal/api/v1/orders/9007199254740993")).andRespond(withSuccess("""
                {"orderId":"9007199254740993","activityId":5,"userId":7,"quantity":1,"amount":"9.90",
                 "status":"PAID","xid":"tc:1","history":[{"status":"PENDING","at":"2026-01-01T00:00:00Z"},
                 {"status":"PAID","at":"2026-01-01T00:00:05Z"}]}""", MediaType.APPLICATION_JSON));
        server.expect(requestTo("http://orders/internal/api/v1/orders/1"))
                .andRespond(withStatus(HttpStatus.NOT_FOUND));

        Orders.Page page = client.search(new Orders.Query(5L, 7L, "PAID", Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-02T00:00:00Z"), 2, 20)).value();
        assertThat(page.totalElements()).isEqualTo(41);
        assertThat(page.hasNext()).isFalse();
        assertThat(page.content().get(0).orderId()).isEqualTo("9007199254740993");
        Orders.Order order = client.order("9007199254740993").value().orElseThrow();
        assertThat(order.xid()).isEqualTo("tc:1");
        assertThat(order.history()).extracting(Orders.StatusChange::status).containsExactly("PENDING", "PAID");
        assertThat(client.order("1").value()).isEmpty();
        server.verify();
    }
}
