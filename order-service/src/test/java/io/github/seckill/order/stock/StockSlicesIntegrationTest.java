package io.github.seckill.order.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.redis.LedgerState;
import io.github.seckill.order.OrderTestSupport;
import io.github.seckill.order.placement.Placement;

/** A sale's MySQL stock in slices (ADR 18), through placement's global transactions on real servers. */
class StockSlicesIntegrationTest extends OrderTestSupport {

    @Autowired
    Placement placement;
    @Autowired
    SaleStocks stocks;

    private List<Long> slices(long sale) {
        return jdbc.queryForList("SELECT remaining FROM activity_stock WHERE activity_id = ? ORDER BY slice",
                Long.class, sale);
    }

    private void ensure(long sale) {
        stocks.ensure(sale, reservations.terms(new SaleId(sale)).orElseThrow());
    }

    @Test
    void aSaleIsDealtIntoSlicesAndABatchTakesFromItsPartitionsSliceAlone() throws Exception {
        long sale = openSale(10, 1);
        List<OrderPlaced> batch = List.of(reserved(sale, 1, 1), reserved(sale, 2, 1));

        assertThat(placement.place(batch, 9).values()).containsOnly(Placement.Outcome.COMMITTED);

        // 10 over 6 slices: 2, 2, 2, 2, 1, 1; partition 9 is slice 3
        assertThat(slices(sale)).containsExactly(2L, 2L, 2L, 0L, 1L, 1L);
        assertThat(jdbc.queryForList("SELECT total FROM activity_stock WHERE activity_id = ? ORDER BY slice",
                Long.class, sale)).containsExactly(2L, 2L, 2L, 2L, 1L, 1L);
        assertThat(stocks.find(sale).orElseThrow()).isEqualTo(new SaleStocks.StockRow(sale, 10, 8, 2));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(invariants(sale).green())
                .as("%s", invariants(sale)).isTrue());
    }

    @Test
    void aShortSliceTakesWhatItHasAndTheRestFromTheOthersInSliceOrder() throws Exception {
        long sale = openSale(10, 1);
        List<OrderPlaced> batch = List.of(reserved(sale, 1, 1), reserved(sale, 2, 1), reserved(sale, 3, 1),
                reserved(sale, 4, 1));

        assertThat(placement.place(batch, 4).values()).containsOnly(Placement.Outcome.COMMITTED);

        // slice 4 had 1: it gives that, slice 0 its 2, slice 1 the last one
        assertThat(slices(sale)).containsExactly(0L, 1L, 2L, 2L, 0L, 1L);
        assertThat(stocks.find(sale).orElseThrow()).isEqualTo(new SaleStocks.StockRow(sale, 10, 6, 4));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(invariants(sale).green())
                .as("%s", invariants(sale)).isTrue());
    }

    @Test
    void aBatchThatTookFromSeveralSlicesAndRolledBackPutsEverySliceBack() throws Exception {
        long sale = openSale(10, 1);
        List<OrderPlaced> batch = List.of(reserved(sale, 1, 1), reserved(sale, 2, 1), reserved(sale, 3, 1));
        // MySQL already counts user 3 at the limit: the whole batch rolls back after its stock was taken
        // from slices 4, 0 and 1, then is placed again in halves
        jdbc.update("INSERT INTO user_purchases (activity_id, user_id, quantity) VALUES (?, 3, 1)", sale);

        var outcomes = placement.place(batch, 4);

        assertThat(outcomes).containsEntry(batch.get(0).orderId(), Placement.Outcome.COMMITTED)
                .containsEntry(batch.get(1).orderId(), Placement.Outcome.COMMITTED)
                .containsEntry(batch.get(2).orderId(), Placement.Outcome.REFUSED);
        assertThat(stocks.find(sale).orElseThrow()).isEqualTo(new SaleStocks.StockRow(sale, 10, 8, 2));
        // [user 1] from slice 4; [user 2, user 3] from slice 0, rolled back; [user 2] from slice 0
        assertThat(slices(sale)).containsExactly(1L, 2L, 2L, 2L, 0L, 1L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE activity_id = ?", Integer.class, sale))
                .isEqualTo(2);
        assertThat(reservations.entry(new SaleId(sale), new OrderId(batch.get(2).orderId())).orElseThrow().state())
                .isEqualTo(LedgerState.RELEASED);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM undo_log", Integer.class) == 0);
    }

    @Test
    void moreThanTheSlicesHoldTogetherIsRefusedAndNothingIsTaken() throws Exception {
        long sale = openSale(10, 5);
        ensure(sale);

        assertThat(stocks.take(sale, 2, 11)).isFalse();
        assertThat(slices(sale)).containsExactly(2L, 2L, 2L, 2L, 1L, 1L);

        assertThat(stocks.take(sale, 5, 10)).isTrue(); // every slice to the last unit
        assertThat(slices(sale)).containsOnly(0L);
        assertThat(stocks.find(sale).orElseThrow()).isEqualTo(new SaleStocks.StockRow(sale, 10, 0, 10));
    }

    @Test
    void unitsGoBackToTheGivenSliceOrToSliceZeroOfASaleMadeWithFewerSlices() throws Exception {
        long sale = openSale(10, 5);
        ensure(sale);
        assertThat(stocks.take(sale, 3, 2)).isTrue();
        stocks.giveBack(sale, 3, 1);
        assertThat(slices(sale)).containsExactly(2L, 2L, 2L, 1L, 1L, 1L);

        long old = openSale(4, 5); // a sale of one row, as before slices
        jdbc.update("INSERT INTO activity_stock (activity_id, slice, total, remaining, sold, limit_per_user, price,"
                + " updated_at) VALUES (?, 0, 4, 3, 1, 5, ?, ?)", old, new BigDecimal("19.90"),
                Timestamp.from(Instant.now()));
        stocks.giveBack(old, 4, 1);
        assertThat(stocks.find(old).orElseThrow()).isEqualTo(new SaleStocks.StockRow(old, 4, 4, 0));
        assertThat(stocks.take(old, 5, 3)).isTrue(); // its slice 5 does not exist: all from slice 0
        assertThat(slices(old)).containsExactly(1L);
    }
}
