package io.github.seckill.order.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.seata.core.context.RootContext;
import org.apache.seata.tm.api.GlobalTransaction;
import org.apache.seata.tm.api.GlobalTransactionContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.redis.LedgerEntry;
import io.github.seckill.common.redis.LedgerState;
import io.github.seckill.common.redis.TryOutcome;
import io.github.seckill.order.OrderTestSupport;
import io.github.seckill.order.orders.OrderRows;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Reservations left TRYING by a global transaction that never reached phase two, settled by the
 * real TC's verdict first and MySQL's second.
 */
class HangingTriesIntegrationTest extends OrderTestSupport {

    /** An xid no TC ever issued: the TC answers it as finished, as it does one it lost. */
    private static final String LOST = "10.0.0.9:8091:";

    @Autowired
    HangingTries hangingTries;
    @Autowired
    OrderRows rows;
    @Autowired
    MeterRegistry meters;

    private OrderPlaced heldSinceLongAgo(long sale, long user, String xid) throws Exception {
        OrderPlaced order = reserved(sale, user, 1);
        reservations.tryHold(new SaleId(sale), new OrderId(order.orderId()), xid);
        redis.opsForZSet().add(reservations.keys(new SaleId(sale)).pending(), Long.toString(order.orderId()),
                Instant.now().minus(Duration.ofMinutes(10)).toEpochMilli());
        return order;
    }

    private LedgerEntry entry(long sale, OrderPlaced order) {
        return reservations.entry(new SaleId(sale), new OrderId(order.orderId())).orElseThrow();
    }

    private double settled(String outcome) {
        var counter = meters.find("seckill.tx.hanging.settled").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aTransactionTheTcLostAfterMySqlCommittedIsConfirmedInRedis() throws Exception {
        long sale = openSale(5, 2);
        String xid = LOST + System.nanoTime();
        OrderPlaced order = heldSinceLongAgo(sale, 31, xid);
        rows.insertCreated(List.of(order), xid); // phase one of the AT branch committed, then the TC lost it
        double before = settled("confirmed");

        hangingTries.settleAll();

        assertThat(entry(sale, order).state()).isEqualTo(LedgerState.CONFIRMED);
        assertThat(redis.opsForZSet().score(reservations.keys(new SaleId(sale)).pending(),
                Long.toString(order.orderId())))
                .as("no longer pending").isNull();
        assertThat(reservations.remaining(new SaleId(sale))).contains(4L);
        assertThat(status(order.orderId())).isEqualTo("CREATED");
        assertThat(settled("confirmed")).isEqualTo(before + 1);
    }

    @Test
    void aTransactionTheTcLostBeforeMySqlIsRestoredForTheLadder() throws Exception {
        long sale = openSale(5, 2);
        String xid = LOST + System.nanoTime();
        OrderPlaced order = heldSinceLongAgo(sale, 32, xid);

        hangingTries.settleAll();

        assertThat(entry(sale, order).state()).isEqualTo(LedgerState.RESERVED);
        assertThat(entry(sale, order).xid()).isNull();
        assertThat(reservations.remaining(new SaleId(sale))).as("still reserved: the ladder or the sweeper settles it")
                .contains(4L);
        assertThat(status(order.orderId())).isNull();
        assertThat(reservations.tryHold(new SaleId(sale), new OrderId(order.orderId()),
                "the-ladder's-retry")).as("placeable again")
                .isEqualTo(TryOutcome.TAKEN);
    }

    @Test
    void aTransactionTheTcStillDrivesIsLeftToIt() throws Exception {
        long sale = openSale(5, 2);
        GlobalTransaction running = GlobalTransactionContext.createNew();
        running.begin(60_000, "hanging-tries-test");
        String xid = running.getXid();
        RootContext.unbind(); // begun here, but this thread goes on outside it
        try {
            OrderPlaced order = heldSinceLongAgo(sale, 33, xid);
            double before = settled("under_way");

            hangingTries.settleAll();

            assertThat(entry(sale, order).state()).isEqualTo(LedgerState.TRYING);
            assertThat(entry(sale, order).xid()).isEqualTo(xid);
            assertThat(settled("under_way")).isGreaterThanOrEqualTo(before + 1);
        } finally {
            GlobalTransactionContext.reload(xid).rollback();
        }
    }
}
