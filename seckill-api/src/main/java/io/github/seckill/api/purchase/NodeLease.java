package io.github.seckill.api.purchase;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import io.github.seckill.common.order.OrderIds;
import io.github.seckill.common.redis.LuaScripts;
import io.github.seckill.common.redis.NodeKeys;
import io.github.seckill.common.redis.RedisKeys;

/**
 * This instance's order-id node (0..1023), leased in Redis rather than configured, so two running
 * instances never share one whatever the deployment (a rolling update that starts the new task
 * before stopping the old, a replica restarted elsewhere). The lease ({@code SET NX} with a time to
 * live) is renewed every third of {@code seckill.purchase.node-lease}; ids are issued only while a
 * renewal within the last two thirds vouches for it, so a lease that lapses during a network cut is
 * given up before another instance can take it. A lease lost is replaced by a new node.
 */
@Component
class NodeLease implements DisposableBean {

    static final int NODES = 1024;
    private static final Logger log = LoggerFactory.getLogger(NodeLease.class);
    private static final RedisScript<Long> RENEW = LuaScripts.load("lua/node-lease-renew.lua", Long.class);
    private static final RedisScript<Long> RELEASE = LuaScripts.load("lua/node-lease-release.lua", Long.class);

    /** A node held until {@code validUntil} (System.nanoTime), with the ids issued under it. */
    private record Lease(int node, OrderIds ids, long validUntil) {
    }

    private final StringRedisTemplate redis;
    private final NodeKeys keys;
    private final Duration ttl;
    private final String token = UUID.randomUUID().toString();
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "order-id-node-lease");
        t.setDaemon(true);
        return t;
    });
    private volatile Lease lease;

    @Autowired
    NodeLease(StringRedisTemplate redis, RedisKeys keys, PurchaseSettings settings) {
        this(redis, keys.shared(), settings.nodeLease());
    }

    NodeLease(StringRedisTemplate redis, NodeKeys keys, Duration ttl) {
        this.redis = redis;
        this.keys = keys;
        this.ttl = ttl;
        holdOrTake();
        long period = ttl.toMillis() / 3;
        renewer.scheduleWithFixedDelay(this::holdOrTake, period, period, TimeUnit.MILLISECONDS);
    }

    /** The next order id under the leased node; throws {@link NoNode} while no lease vouches for one. */
    long nextId() {
        Lease held = lease;
        if (held == null || System.nanoTime() - held.validUntil() >= 0) {
            throw new NoNode();
        }
        return held.ids().next();
    }

    /** The node held now, if a lease vouches for it. */
    OptionalInt node() {
        Lease held = lease;
        return held == null || System.nanoTime() - held.validUntil() >= 0 ? OptionalInt.empty()
                : OptionalInt.of(held.node());
    }

    /** Renews the lease held, or takes a free node when there is none or it was lost. */
    synchronized void holdOrTake() {
        long asked = System.nanoTime();
        long validUntil = asked + ttl.toNanos() * 2 / 3;
        Lease held = lease;
        try {
            if (held != null) {
                Long renewed = redis.execute(RENEW, List.of(keys.lease(held.node())), token,
                        Long.toString(ttl.toMillis()));
                if (renewed != null && renewed == 1) {
                    lease = new Lease(held.node(), held.ids(), validUntil);
                    return;
                }
                log.warn("order-id node {} was lost (its lease lapsed and another instance may hold it): "
                        + "taking another", held.node());
                lease = null;
            }
            int first = ThreadLocalRandom.current().nextInt(NODES);
            for (int i = 0; i < NODES; i++) {
                int node = (first + i) % NODES;
                if (Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(keys.lease(node), token, ttl))) {
                    lease = new Lease(node, new OrderIds(node), validUntil);
                    log.info("order ids under node {} (leased for {})", node, ttl);
                    return;
                }
            }
            log.error("all {} order-id nodes are leased: purchases answer 503 until one is free", NODES);
        } catch (RuntimeException e) {
            log.warn("order-id node lease not renewed now ({}); ids stop when it lapses", e.toString());
        }
    }

    @Override
    public void destroy() {
        renewer.shutdownNow();
        Lease held = lease;
        lease = null;
        if (held != null) {
            try {
                redis.execute(RELEASE, List.of(keys.lease(held.node())), token);
            } catch (RuntimeException e) {
                log.info("order-id node {} not given back ({}); it lapses by itself", held.node(), e.toString());
            }
        }
    }

    /** No order-id node is held for sure: a purchase cannot be numbered now. */
    static class NoNode extends RuntimeException {

        NoNode() {
            super("no order-id node leased", null, false, false);
        }
    }
}
