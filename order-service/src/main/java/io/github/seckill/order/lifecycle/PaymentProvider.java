package io.github.seckill.order.lifecycle;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.github.seckill.order.orders.StoredOrder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A simulated payment provider with a switch: approve, decline, or hang (no answer until the
 * caller's timeout). Refunds are counted ({@code seckill_payment_refunds_total}).
 */
@Component
class PaymentProvider {

    enum Mode { APPROVE, DECLINE, HANG }

    private static final Logger log = LoggerFactory.getLogger(PaymentProvider.class);

    private final AtomicReference<Mode> mode;
    private final LifecycleSettings settings;
    private final Counter refunds;

    PaymentProvider(LifecycleSettings settings, MeterRegistry registry) {
        this.settings = settings;
        this.mode = new AtomicReference<>(settings.providerMode());
        this.refunds = Counter.builder("seckill.payment.refunds").description("payments refunded")
                .register(registry);
    }

    Mode mode() {
        return mode.get();
    }

    void switchTo(Mode next) {
        log.info("payment provider: {} -> {}", mode.getAndSet(next), next);
    }

    /** Charges the order's amount; throws {@link PaymentDeclined} or {@link PaymentUnavailable}. */
    void charge(StoredOrder order) {
        CompletableFuture<Mode> answer = switch (mode.get()) {
            case APPROVE -> CompletableFuture.completedFuture(Mode.APPROVE);
            case DECLINE -> CompletableFuture.completedFuture(Mode.DECLINE);
            case HANG -> new CompletableFuture<>();
        };
        try {
            if (answer.get(settings.providerTimeout().toMillis(), TimeUnit.MILLISECONDS) == Mode.DECLINE) {
                throw new PaymentDeclined(order.orderId());
            }
        } catch (TimeoutException e) {
            throw new PaymentUnavailable(order.orderId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentUnavailable(order.orderId());
        } catch (ExecutionException e) {
            throw new PaymentUnavailable(order.orderId());
        }
    }

    void refund(StoredOrder order) {
        refunds.increment();
        log.info("order {}: payment of {} refunded", order.orderId(), order.amount());
    }
}
