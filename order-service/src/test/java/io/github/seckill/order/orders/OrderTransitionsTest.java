package io.github.seckill.order.orders;

import static io.github.seckill.common.order.OrderStatus.CANCELLED;
import static io.github.seckill.common.order.OrderStatus.CREATED;
import static io.github.seckill.common.order.OrderStatus.FAILED;
import static io.github.seckill.common.order.OrderStatus.PAID;
import static io.github.seckill.common.order.OrderStatus.PENDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.seckill.common.order.OrderStatus;

/** Every step an order may be asked to take, from every status: the transition, none, or a refusal. */
class OrderTransitionsTest {

    private static final long ID = 42;

    private static StoredOrder order(OrderStatus status) {
        return new StoredOrder(ID, 7, 9, 1, new BigDecimal("19.90"), status, null,
                new OrderTimeline(null, null, null, null, null));
    }

    @Test
    void aCreatedOrderIsPaidCancelledOrExpired() {
        assertThat(order(CREATED).pay()).contains(new Transition(ID, CREATED, PAID, null));
        assertThat(order(CREATED).cancel("changed my mind"))
                .contains(new Transition(ID, CREATED, CANCELLED, "changed my mind"));
        assertThat(order(CREATED).expire()).contains(new Transition(ID, CREATED, CANCELLED, "payment timeout"));
    }

    @Test
    void aPaidOrderPaidAgainNeedsNothing() {
        assertThat(order(PAID).pay()).isEmpty();
    }

    @Test
    void aCancelledOrderCancelledOrExpiredAgainNeedsNothing() {
        assertThat(order(CANCELLED).cancel("changed my mind")).isEmpty();
        assertThat(order(CANCELLED).expire()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = { "PENDING", "CANCELLED", "FAILED" })
    void onlyACreatedOrPaidOrderMayBePaid(OrderStatus status) {
        refused(status, StoredOrder::pay, "paid");
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = { "PENDING", "PAID", "FAILED" })
    void onlyACreatedOrCancelledOrderMayBeCancelled(OrderStatus status) {
        refused(status, o -> o.cancel("changed my mind"), "cancelled");
        refused(status, StoredOrder::expire, "cancelled");
    }

    /** The tests above name every status for every step: a status added later must be placed here too. */
    @Test
    void everyStatusIsCovered() {
        assertThat(Arrays.asList(OrderStatus.values())).containsExactlyInAnyOrder(PENDING, CREATED, PAID,
                CANCELLED, FAILED);
    }

    private static void refused(OrderStatus status, Function<StoredOrder, Optional<Transition>> step,
            String action) {
        assertThatThrownBy(() -> step.apply(order(status))).isInstanceOf(OrderStateConflict.class)
                .hasMessage("order " + ID + " is " + status + " and cannot be " + action);
    }
}
