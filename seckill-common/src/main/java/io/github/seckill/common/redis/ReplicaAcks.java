package io.github.seckill.common.redis;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.codec.StringCodec;

/**
 * Waits until a replica of a sale's master holds what the master has acknowledged for the sale so far
 * (Redis {@code WAIT}), so that a failover, which promotes that replica, cannot take back a reservation
 * its shopper heard 202 for (ADR 17).
 * <p>
 * {@code WAIT} counts the writes of the connection it is sent on, and blocks that connection until the
 * replicas answer. So it never runs on the connection the purchases share: it runs on one of its own,
 * after a write of its own to the sale's slot (the barrier key). The master replicates its writes in the
 * order it ran them, so a replica holding the barrier holds every reservation that was answered before
 * the barrier was written. The waits of one sale are served together: at most one barrier and
 * {@code WAIT} per sale are in flight, and every caller that joined while one was in flight is served by
 * the next one (a group commit).
 */
public final class ReplicaAcks implements AutoCloseable {

    /** How long a sale's barrier key outlives its last write. */
    static final Duration BARRIER_TTL = Duration.ofMinutes(1);

    private final RedisKeys keys;
    private final int replicas;
    private final Duration timeout;
    private final Nodes nodes;
    private final Map<Long, Barrier> barriers = new ConcurrentHashMap<>();

    private ReplicaAcks(RedisKeys keys, int replicas, Duration timeout, Nodes nodes) {
        this.keys = keys;
        this.replicas = replicas;
        this.timeout = timeout;
        this.nodes = nodes;
    }

    /**
     * @param redis    the services' connection factory (started); a connection of its own is opened on its
     *                 client, to a single Redis or to a cluster's masters, on the first wait
     * @param replicas how many replicas must hold the writes; 0 turns waiting off
     * @param timeout  how long one {@code WAIT} may block before it answers with the replicas it has
     */
    public static ReplicaAcks of(LettuceConnectionFactory redis, String prefix, int replicas, Duration timeout) {
        return of(redis, new RedisKeys(prefix), replicas, timeout);
    }

    /** As {@link #of(LettuceConnectionFactory, String, int, Duration)}, with the keys of the services. */
    public static ReplicaAcks of(LettuceConnectionFactory redis, RedisKeys keys, int replicas, Duration timeout) {
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must not be negative: " + replicas);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        ReplicaAcks acks = new ReplicaAcks(keys, replicas, timeout, replicas == 0 ? null : new Nodes(redis));
        if (acks.enabled()) {
            acks.nodes.connection(); // opened now, not on the first purchase; retried there if it fails
        }
        return acks;
    }

    public boolean enabled() {
        return replicas > 0;
    }

    /** The longest a caller waits for {@link #await}'s answer, the {@code WAIT} timeout and a margin. */
    public Duration patience() {
        return timeout.plusMillis(250);
    }

    /**
     * Completes with true once {@code replicas} replicas hold every write made for the sale before this
     * call, with false when they did not within the timeout or the master could not be asked (a failover
     * under way); at once with true when waiting is off. Never completes exceptionally.
     */
    public CompletableFuture<Boolean> await(long activityId) {
        if (!enabled()) {
            return CompletableFuture.completedFuture(true);
        }
        return barriers.computeIfAbsent(activityId, id -> new Barrier(keys.activity(id).replicated()))
                .join();
    }

    @Override
    public void close() {
        if (nodes != null) {
            nodes.close();
        }
    }

    /** One sale's waits: the callers of the next {@code WAIT}, and whether one is in flight. */
    private final class Barrier {

        private final String key;
        private CompletableFuture<Boolean> next;
        private boolean inFlight;

        Barrier(String key) {
            this.key = key;
        }

        synchronized CompletableFuture<Boolean> join() {
            if (next == null) {
                next = new CompletableFuture<>();
            }
            CompletableFuture<Boolean> mine = next;
            if (!inFlight) {
                fire();
            }
            return mine;
        }

        /** Under the lock: sends the barrier and its WAIT for everyone who joined so far. */
        private void fire() {
            CompletableFuture<Boolean> callers = next;
            next = null;
            inFlight = true;
            barrierAndWait().whenComplete((acked, failure) -> {
                callers.complete(failure == null && acked >= replicas);
                synchronized (this) {
                    inFlight = false;
                    if (next != null) {
                        fire();
                    }
                }
            });
        }

        private CompletionStage<Long> barrierAndWait() {
            try {
                return nodes.master(key).thenCompose(node -> {
                    RedisAsyncCommands<String, String> commands = node.async();
                    // one pipeline: the barrier write, then the WAIT that counts it on this connection
                    commands.set(key, "1", SetArgs.Builder.px(BARRIER_TTL.toMillis()));
                    return commands.waitForReplication(replicas, timeout.toMillis());
                }).toCompletableFuture().orTimeout(patience().toMillis(), TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
    }

    /**
     * The connection of its own, to the single Redis or to a cluster, opened without blocking on the first
     * wait and opened again on the next wait after an attempt that failed.
     */
    private static final class Nodes implements AutoCloseable {

        private final LettuceConnectionFactory factory;
        private CompletableFuture<? extends StatefulConnection<String, String>> connection;

        Nodes(LettuceConnectionFactory factory) {
            this.factory = factory;
        }

        private synchronized CompletableFuture<? extends StatefulConnection<String, String>> connection() {
            if (connection == null || connection.isCompletedExceptionally()) {
                AbstractRedisClient client = factory.getRequiredNativeClient();
                connection = client instanceof RedisClusterClient cluster ? cluster.connectAsync(StringCodec.UTF8)
                        : CompletableFuture.supplyAsync(((RedisClient) client)::connect);
            }
            return connection;
        }

        /** The connection to the master serving {@code key}'s slot, as the client's topology has it now. */
        CompletionStage<StatefulRedisConnection<String, String>> master(String key) {
            return connection().thenCompose(opened -> {
                if (!(opened instanceof StatefulRedisClusterConnection<String, String> cluster)) {
                    return CompletableFuture.completedFuture((StatefulRedisConnection<String, String>) opened);
                }
                RedisClusterNode master = cluster.getPartitions().getMasterBySlot(SlotHash.getSlot(key));
                if (master == null) {
                    return CompletableFuture.failedFuture(new IllegalStateException("no master serves " + key));
                }
                return cluster.getConnectionAsync(master.getUri().getHost(), master.getUri().getPort());
            });
        }

        @Override
        public synchronized void close() {
            if (connection != null) {
                connection.thenAccept(StatefulConnection::close);
            }
        }
    }
}
