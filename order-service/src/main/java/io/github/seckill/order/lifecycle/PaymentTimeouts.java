package io.github.seckill.order.lifecycle;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.github.seckill.order.orders.OrderRows;
import io.github.seckill.order.orders.StoredOrder;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** Cancels orders left unpaid past the payment timeout; one runner across replicas (ShedLock). */
@Component
class PaymentTimeouts {

    private static final Logger log = LoggerFactory.getLogger(PaymentTimeouts.class);

    private final OrderRows rows;
    private final OrderLifecycle lifecycle;
    private final LifecycleSettings settings;
    private final Clock clock;

    PaymentTimeouts(OrderRows rows, OrderLifecycle lifecycle, LifecycleSettings settings, Clock clock) {
        this.rows = rows;
        this.lifecycle = lifecycle;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${seckill.lifecycle.scan-interval:10s}")
    @SchedulerLock(name = "payment-timeouts", lockAtMostFor = "PT5M")
    void expireUnpaid() {
        int expired = 0;
        for (StoredOrder order : rows.unpaidSince(clock.instant().minus(settings.paymentTimeout()),
                settings.scanBatch())) {
            try {
                expired += lifecycle.expire(order) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("order {} could not be expired now, next scan retries: {}", order.orderId(), e.toString());
            }
        }
        if (expired > 0) {
            log.info("{} unpaid orders cancelled after {}", expired, settings.paymentTimeout());
        }
    }
}
