package io.github.seckill.order.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.redis.ActivityKeys;
import io.github.seckill.common.redis.EndedSales;
import io.github.seckill.order.OrderTestSupport;
import io.github.seckill.order.placement.Placement;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * An ended sale's Redis keys let go: its failed orders copied to MySQL first, so the order lookup still
 * answers them FAILED with their reason once the ledger expired; a live or unsettled sale is left alone.
 */
class RetentionIntegrationTest extends OrderTestSupport {

    private static final String REFUSED = "no stock left in MySQL";

    @Autowired
    SaleRetention retention;
    @Autowired
    EndedSales endedSales;
    @Autowired
    Placement placement;
    @Autowired
    MeterRegistry meters;
    @Autowired
    WebApplicationContext web;

    private MockMvc mvc;

    @BeforeEach
    void internalApi() {
        mvc = MockMvcBuilders.webAppContextSetup(web).build();
    }

    private OrderPlaced created(long sale, long user) throws Exception {
        OrderPlaced order = reserved(sale, user, 1);
        assertThat(placement.place(order)).isEqualTo(Placement.Outcome.COMMITTED);
        return order;
    }

    /** Moves the sale's end {@code ago} into the past, as a prewarm with new terms would; what was sold stays. */
    private void endedAgo(long sale, Duration ago) {
        Instant end = Instant.now().minus(ago);
        reservations.prewarm(new SaleId(sale), "Sale " + sale, 10, 5, end.minus(Duration.ofHours(1)), end,
                new BigDecimal("19.90"));
    }

    private Map<String, Long> ttls(long sale) {
        ActivityKeys keys = reservations.keys(new SaleId(sale));
        return Map.of("meta", redis.getExpire(keys.meta()), "stock", redis.getExpire(keys.stock()), "buyers",
                redis.getExpire(keys.buyers()), "ledger", redis.getExpire(keys.ledger()), "failed",
                redis.getExpire(keys.failed()));
    }

    private double retired(String outcome) {
        var counter = meters.find("seckill.retention.sales").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void anEndedQuietSaleKeepsItsFailedOrdersInMySqlAndLetsItsKeysGo() throws Exception {
        long sale = openSale(10, 5);
        OrderPlaced created = created(sale, 41);
        OrderPlaced paid = created(sale, 42);
        mvc.perform(post("/internal/api/v1/orders/{id}/payment", paid.orderId())
                .contentType(MediaType.APPLICATION_JSON).content("{\"userId\":42}"))
                .andExpect(jsonPath("$.status").value("PAID"));
        OrderPlaced failed = reserved(sale, 43, 2);
        reservations.release(new SaleId(sale), new OrderId(failed.orderId()), REFUSED);
        OrderPlaced withdrawn = reserved(sale, 44, 1);
        reservations.withdraw(new SaleId(sale), new OrderId(withdrawn.orderId()), "publish failed");
        endedAgo(sale, Duration.ofHours(2));
        double before = retired("retired");

        retention.retireEnded();

        assertThat(retired("retired")).isEqualTo(before + 1);
        assertThat(jdbc.queryForMap("SELECT activity_id, user_id, quantity, amount, reason, failed_at"
                + " FROM failed_orders WHERE id = ?", failed.orderId())).containsEntry("activity_id", sale)
                .containsEntry("user_id", 43L).containsEntry("quantity", 2).containsEntry("reason", REFUSED)
                .containsEntry("amount", new BigDecimal("39.80")).extractingByKey("failed_at").isNotNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM failed_orders WHERE activity_id = ?", Long.class, sale))
                .as("the withdrawal is no order").isEqualTo(1);
        assertThat(ttls(sale)).allSatisfy((key, ttl) -> assertThat(ttl).as(key)
                .isBetween(Duration.ofHours(23).toSeconds(), Duration.ofDays(1).toSeconds()));
        assertThat(endedSales.endedBefore(Instant.now())).doesNotContain(sale);

        redis.delete(reservations.keys(new SaleId(sale)).all()); // the keys expired
        mvc.perform(get("/internal/api/v1/orders/{id}", failed.orderId())).andExpect(MockMvcResultMatchers.status().isOk())
                .andExpect(jsonPath("$.status").value("FAILED")).andExpect(jsonPath("$.reason").value(REFUSED))
                .andExpect(jsonPath("$.userId").value(43)).andExpect(jsonPath("$.activityId").value(sale))
                .andExpect(jsonPath("$.amount").value("39.80"));
        mvc.perform(get("/internal/api/v1/orders/{id}", created.orderId()))
                .andExpect(jsonPath("$.status").value("CREATED"));
        mvc.perform(get("/internal/api/v1/orders/{id}", paid.orderId())).andExpect(jsonPath("$.status").value("PAID"));
        mvc.perform(get("/internal/api/v1/orders/{id}", withdrawn.orderId())).andExpect(MockMvcResultMatchers.status().isNotFound());

        assertThat(retention.retire(sale)).as("again, once the keys are gone").isEqualTo(SaleRetention.Outcome.GONE);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM failed_orders WHERE activity_id = ?", Long.class, sale))
                .isEqualTo(1);
    }

    @Test
    void aSaleStillLiveOrEndedTooRecentlyIsUntouched() throws Exception {
        long sale = openSale(10, 5);
        created(sale, 51);
        OrderPlaced failed = reserved(sale, 52, 1);
        reservations.release(new SaleId(sale), new OrderId(failed.orderId()), REFUSED);

        retention.retireEnded();
        assertThat(retention.retire(sale)).isEqualTo(SaleRetention.Outcome.LIVE);
        endedAgo(sale, Duration.ofMinutes(10));
        retention.retireEnded();
        assertThat(retention.retire(sale)).isEqualTo(SaleRetention.Outcome.LIVE);

        assertThat(ttls(sale)).allSatisfy((key, ttl) -> assertThat(ttl).as(key).isEqualTo(-1L));
        assertThat(reservations.salesOpenAt(Instant.now().minus(Duration.ofHours(1)))).contains(sale);
    }

    @Test
    void anEndedSaleWithALiveReservationWaitsForIt() throws Exception {
        long sale = openSale(10, 5);
        created(sale, 61);
        OrderPlaced held = reserved(sale, 62, 1);
        endedAgo(sale, Duration.ofHours(2));
        double before = retired("unsettled");

        retention.retireEnded();

        assertThat(retired("unsettled")).isEqualTo(before + 1);
        assertThat(ttls(sale)).allSatisfy((key, ttl) -> assertThat(ttl).as(key).isIn(-1L, -2L));
        assertThat(endedSales.endedBefore(Instant.now())).contains(sale);

        reservations.release(new SaleId(sale), new OrderId(held.orderId()), "reservation timed out");
        retention.retireEnded();

        assertThat(endedSales.endedBefore(Instant.now())).doesNotContain(sale);
        assertThat(jdbc.queryForObject("SELECT reason FROM failed_orders WHERE id = ?", String.class, held.orderId()))
                .isEqualTo("reservation timed out");
    }

    @Autowired
    RedisMemory redisMemory;

    @Test
    void redisMemoryIsExportedAgainstItsLimit() {
        redisMemory.read();

        assertThat(meters.get("seckill.redis.used.memory").gauge().value()).isPositive();
        assertThat(meters.get("seckill.redis.max.memory").gauge().value()).isNotNegative();
    }
}
