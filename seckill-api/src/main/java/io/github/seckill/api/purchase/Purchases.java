package io.github.seckill.api.purchase;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.seckill.api.catalogue.Catalogue;
import io.github.seckill.api.infra.Breakers;
import io.github.seckill.api.infra.TopicSettings;
import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.id.UserId;
import io.github.seckill.common.messaging.KafkaPosition;
import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.redis.ReplicaAcks;
import io.github.seckill.common.redis.Reservation;
import io.github.seckill.common.redis.ReserveOutcome;
import io.github.seckill.common.redis.Reservations;
import io.github.seckill.common.redis.SaleTerms;

/**
 * The purchase path (docs/design.md §3). Cheap refusals first, from memory: unknown sale, outside the sale
 * window, sold-out flag, an open breaker. Then one atomic reserve in Redis and {@code OrderPlaced} to
 * Kafka with a bounded wait for the ack. A reservation is never left without either an acked message
 * or a release: if the send fails, or the reserve's answer is lost, the reservation is given back, at
 * once or as soon as Redis answers again ({@link Withdrawals}), and the shopper hears 503.
 */
@Service
class Purchases {

    private static final Logger log = LoggerFactory.getLogger(Purchases.class);

    private final Reservations reservations;
    private final Catalogue catalogue;
    private final KafkaTemplate<String, String> kafka;
    private final ObjectMapper json;
    private final TopicSettings topics;
    private final PurchaseSettings settings;
    private final PurchaseMetrics metrics;
    private final SoldOutFlags soldOut;
    private final SaleAnnouncements announcements;
    private final Breakers breakers;
    private final NodeLease nodes;
    private final Withdrawals withdrawals;
    private final ReplicaAcks replicaAcks;
    private final Clock clock;

    Purchases(Reservations reservations, Catalogue catalogue, KafkaTemplate<String, String> kafka, ObjectMapper json,
            TopicSettings topics, PurchaseSettings settings, PurchaseMetrics metrics, SoldOutFlags soldOut,
            SaleAnnouncements announcements, Breakers breakers, NodeLease nodes, Withdrawals withdrawals,
            ReplicaAcks replicaAcks, Clock clock) {
        this.reservations = reservations;
        this.catalogue = catalogue;
        this.kafka = kafka;
        this.json = json;
        this.topics = topics;
        this.settings = settings;
        this.metrics = metrics;
        this.soldOut = soldOut;
        this.announcements = announcements;
        this.breakers = breakers;
        this.nodes = nodes;
        this.withdrawals = withdrawals;
        this.replicaAcks = replicaAcks;
        this.clock = clock;
    }

    /** A new order id, unique across instances; 503 while this instance holds no order-id node. */
    OrderId nextOrderId() {
        try {
            return new OrderId(nodes.nextId());
        } catch (NodeLease.NoNode e) {
            metrics.unavailable();
            throw Refusals.unavailable(settings.retryAfter());
        }
    }

    /**
     * Refuses from memory what needs no Redis call: an unknown sale, outside its window, closed, or flagged
     * sold out. A purchase without an Idempotency-Key is screened before the rate limits, so a crowd arriving
     * after the sell-out costs neither a bucket nor a round trip.
     */
    void screen(SaleId sale) {
        admissible(sale, clock.instant());
    }

    /**
     * The sale a request names; an id no sale can have (zero or negative) is refused as an unknown sale, as
     * it always was.
     */
    SaleId sale(long activityId) {
        if (activityId <= 0) {
            throw refuse(ReserveOutcome.NOT_PREWARMED, activityId, null, clock.instant());
        }
        return new SaleId(activityId);
    }

    private SaleTerms admissible(SaleId sale, Instant now) {
        long activityId = sale.value();
        SaleTerms terms = catalogue.terms(activityId).orElseThrow(() -> refuse(ReserveOutcome.NOT_PREWARMED,
                activityId, null, now));
        if (now.plus(settings.clockSkew()).isBefore(terms.startAt())) {
            throw refuse(ReserveOutcome.NOT_STARTED, activityId, terms.startAt(), now);
        }
        if (!now.minus(settings.clockSkew()).isBefore(terms.endAt())) {
            throw refuse(ReserveOutcome.ENDED, activityId, terms.startAt(), now);
        }
        if (terms.closed()) {
            throw refuse(ReserveOutcome.CLOSED, activityId, terms.startAt(), now);
        }
        if (soldOut.refuses(activityId)) {
            throw refuse(ReserveOutcome.SOLD_OUT, activityId, terms.startAt(), now);
        }
        return terms;
    }

    /**
     * Places order {@code order}, or throws the problem that tells the shopper why not.
     *
     * @param index whether to index the order for its shopper here, while Kafka acknowledges it; a purchase
     *              under an Idempotency-Key is indexed with its stored answer instead, in the same call
     */
    void buy(SaleId sale, OrderId order, UserId user, int quantity, boolean index) {
        Instant now = clock.instant();
        SaleTerms terms = admissible(sale, now);
        long activityId = sale.value();
        CircuitBreaker broker = breakers.kafka();
        if (!broker.tryAcquirePermission()) {
            // Kafka is known to be down: taking stock now would only mean releasing it again.
            metrics.unavailable();
            throw Refusals.unavailable(settings.retryAfter());
        }
        OrderPlaced placed = OrderPlaced.of(order.value(), activityId, user.value(), quantity, terms.price(), now);
        String payload = toJson(placed);
        Reservation reservation;
        try {
            reservation = breakers.redis().executeSupplier(
                    () -> reservations.reserve(sale, order, user, quantity, payload));
        } catch (RuntimeException e) {
            broker.releasePermission();
            metrics.unavailable();
            if (!(e instanceof CallNotPermittedException)) {
                // The script may have run before the answer was lost: give back whatever it took.
                release(sale, order, "reserve outcome unknown");
            }
            throw Refusals.unavailable(settings.retryAfter());
        }
        if (!reservation.reserved()) {
            broker.releasePermission();
            if (reservation.outcome() == ReserveOutcome.SOLD_OUT && soldOut.flag(activityId)) {
                announcements.announceSoldOut(activityId);
            }
            throw refuse(reservation.outcome(), activityId, terms.startAt(), now);
        }
        // asked now, answered while Kafka acknowledges the order
        CompletableFuture<Boolean> replicated = replicaAcks.await(activityId);
        publish(sale, order, index ? user : null, payload, broker);
        awaitReplicas(order, replicated);
        metrics.accepted();
    }

    /**
     * Until a replica of the sale's master holds the reservation, so that a failover cannot take it back
     * (ADR 17); one that did not acknowledge in time is answered 202 all the same, and counted: the
     * reservation is lost only if the master now dies before it replicates, a second fault.
     */
    private void awaitReplicas(OrderId order, CompletableFuture<Boolean> replicated) {
        boolean acked;
        try {
            acked = replicated.get(replicaAcks.patience().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acked = false;
        } catch (ExecutionException | TimeoutException e) {
            acked = false;
        }
        if (!acked) {
            metrics.unreplicated();
            log.debug("order {} accepted before a replica acknowledged its reservation", order);
        }
    }

    private RuntimeException refuse(ReserveOutcome outcome, long activityId, Instant startAt, Instant now) {
        metrics.refused(outcome);
        return Refusals.of(outcome, activityId, startAt, now);
    }

    /**
     * Sends the message and indexes the order for its shopper meanwhile (unless {@code user} is null); any
     * failure releases the stock.
     */
    private void publish(SaleId sale, OrderId order, UserId user, String payload, CircuitBreaker broker) {
        long start = System.nanoTime();
        RuntimeException failure = null;
        try {
            CompletableFuture<SendResult<String, String>> sent;
            try {
                sent = kafka.send(topics.orderPlaced(), order.toString(), payload);
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e); // e.g. no metadata within max.block.ms
            }
            if (user != null) {
                try {
                    breakers.redis().executeRunnable(() -> reservations.index(sale, order, user));
                } catch (RuntimeException e) {
                    // only the shopper's view of a still pending order needs the index: not worth a refusal;
                    // once the order is in MySQL, the lookup finds it there and writes the index again
                    log.warn("order {} not indexed for its shopper, found through MySQL once placed: {}",
                            order, e.toString());
                }
            }
            RecordMetadata at = sent.get(settings.sendTimeout().toNanos() - (System.nanoTime() - start),
                    TimeUnit.NANOSECONDS).getRecordMetadata();
            broker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            markSent(sale, order, at);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            broker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            failure = new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            broker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            failure = new IllegalStateException(e.toString(), e);
        }
        if (failure != null) {
            log.warn("order {} not acknowledged by Kafka, releasing its reservation: {}", order,
                    failure.toString());
            if (release(sale, order, "publish failed")) {
                metrics.unavailable();
                throw Refusals.unavailable(settings.retryAfter());
            }
            // the message went through after all and order-service holds the reservation: it is an order
            log.info("order {} reached order-service although the send reported {}", order, failure);
        }
    }

    /**
     * Tells the sweeper the order is Kafka's to deliver now. Without the mark the sweeper only
     * publishes it again, and order-service takes the copy as a duplicate.
     */
    private void markSent(SaleId sale, OrderId order, RecordMetadata at) {
        if (!at.hasOffset()) {
            return;
        }
        try {
            breakers.redis().executeRunnable(
                    () -> reservations.markSent(sale, order, new KafkaPosition(at.partition(), at.offset())));
        } catch (RuntimeException e) {
            log.warn("order {} not marked as sent; the sweeper will publish it again: {}", order,
                    e.toString());
        }
    }

    /**
     * Gives the reservation back before the shopper hears 503 (no order, not a failed one), or as soon as
     * Redis answers again; false when order-service already holds or confirmed it (the message arrived
     * although its send failed), so the purchase stands.
     */
    private boolean release(SaleId sale, OrderId order, String reason) {
        return withdrawals.withdraw(sale, order, reason);
    }

    private String toJson(OrderPlaced placed) {
        try {
            return json.writeValueAsString(placed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + placed, e);
        }
    }
}
