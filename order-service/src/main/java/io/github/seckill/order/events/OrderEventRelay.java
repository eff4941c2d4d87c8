package io.github.seckill.order.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.github.seckill.order.infra.TopicSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Sends the outbox's events to {@code seckill.order.events}, keyed by order id, and deletes each once
 * Kafka acknowledged it (ADR 14). At least once: an event sent but not acknowledged in time, or whose
 * deletion did not commit, is sent again. An order's event waits for its earlier ones, so the events of
 * one order go out in the order they were written. One runner across replicas (ShedLock); the rows it
 * works on are locked, and skipped by any other.
 * Exports the backlog as {@code seckill_order_events_pending}.
 */
@Component
class OrderEventRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OrderEventRelay.class);

    private final PendingEvents pending;
    private final ProducerFactory<String, String> producers;
    private final KafkaTemplate<String, String> kafka;
    private final TopicSettings topics;
    private final OrderEventSettings settings;
    private final TransactionTemplate transactions;

    OrderEventRelay(PendingEvents pending, ProducerFactory<String, String> producers, TopicSettings topics,
            OrderEventSettings settings, PlatformTransactionManager transactionManager, MeterRegistry meters) {
        this.pending = pending;
        // Its own producer, bounded by the relay's wait: with Kafka away, a send gives up within the
        // acknowledgement timeout instead of blocking the relay (and its transaction) for a minute.
        long wait = settings.ackTimeout().toMillis();
        this.producers = producers.copyWithConfigurationOverride(Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, wait / 2,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (wait / 2),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) wait));
        this.kafka = new KafkaTemplate<>(this.producers);
        this.topics = topics;
        this.settings = settings;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        Gauge.builder("seckill.order.events.pending", pending, PendingEvents::countOrNaN)
                .description("order status events written and not yet acknowledged by Kafka").register(meters);
    }

    @Scheduled(fixedDelayString = "${seckill.order-events.interval:1s}", initialDelay = 1_000)
    @SchedulerLock(name = "order-events", lockAtMostFor = "PT5M")
    void relay() {
        int sent;
        do {
            sent = relayBatch();
        } while (sent == settings.batch()); // a full batch, all acknowledged: more may be waiting
    }

    /** Claims rows, sends their events, deletes the rows Kafka acknowledged, in one transaction; how many. */
    int relayBatch() {
        Integer acknowledged = transactions.execute(tx -> {
            List<PendingEvent> acked = send(pending.claim(settings.batch()));
            if (!acked.isEmpty()) {
                pending.delete(acked);
            }
            return acked.size();
        });
        return acknowledged == null ? 0 : acknowledged;
    }

    /** The rows whose every event Kafka acknowledged; the others are kept (and sent whole) next time. */
    private List<PendingEvent> send(List<PendingEvent> rows) {
        Map<PendingEvent, List<CompletableFuture<?>>> sent = new LinkedHashMap<>();
        boolean away = false;
        for (PendingEvent row : rows) {
            List<CompletableFuture<?>> acks = new ArrayList<>(row.events().size());
            for (PendingEvent.Message message : row.events()) {
                CompletableFuture<?> ack;
                try {
                    ack = kafka.send(topics.orderEvents(), Long.toString(message.orderId()), message.json());
                } catch (RuntimeException e) {
                    ack = CompletableFuture.failedFuture(e);
                }
                acks.add(ack);
                if (ack.isCompletedExceptionally()) {
                    away = true; // Kafka is away: the rest would only wait as long again
                    break;
                }
            }
            sent.put(row, acks);
            if (away) {
                break;
            }
        }
        long deadline = System.nanoTime() + settings.ackTimeout().toNanos();
        List<PendingEvent> acked = new ArrayList<>(sent.size());
        Throwable failure = null;
        for (Map.Entry<PendingEvent, List<CompletableFuture<?>>> row : sent.entrySet()) {
            try {
                for (CompletableFuture<?> ack : row.getValue()) {
                    ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
                if (row.getValue().size() == row.getKey().events().size()) {
                    acked.add(row.getKey());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
                break;
            } catch (Exception e) {
                failure = e;
            }
        }
        if (failure != null) {
            log.warn("{} of {} order event rows not acknowledged by Kafka, kept for the next run: {}",
                    rows.size() - acked.size(), rows.size(), failure.toString());
        }
        return acked;
    }

    @Override
    public void destroy() {
        producers.reset();
    }
}
