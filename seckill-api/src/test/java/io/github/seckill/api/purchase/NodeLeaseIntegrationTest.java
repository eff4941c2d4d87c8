package io.github.seckill.api.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netcrusher.tcp.TcpCrusher;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.github.seckill.common.redis.NodeKeys;
import io.github.seckill.testsupport.TestServers;

/** Order-id nodes leased in a real Redis: never shared, replaced when lost, given up when unvouched. */
class NodeLeaseIntegrationTest {

    private final NodeKeys keys = new NodeKeys(TestServers.redisPrefix());
    /** Closed last opened first: a lease before its connection. */
    private final RedisLinks links = new RedisLinks();

    private StringRedisTemplate redis() {
        return links.direct();
    }

    private NodeLease lease(StringRedisTemplate redis, Duration ttl) {
        NodeLease lease = new NodeLease(redis, new NodeKeys(TestServers.redisPrefix()), ttl);
        links.closing(lease::destroy);
        return lease;
    }

    private static int nodeOf(long orderId) {
        return (int) (orderId >> 12) & (NodeLease.NODES - 1);
    }

    @AfterEach
    void close() throws Exception {
        links.close();
    }

    @Test
    void twoInstancesNeverShareANodeSoTheirIdsNeverCollide() {
        NodeLease a = lease(redis(), Duration.ofSeconds(30));
        NodeLease b = lease(redis(), Duration.ofSeconds(30));
        int nodeA = a.node().orElseThrow();
        int nodeB = b.node().orElseThrow();
        assertThat(nodeA).isNotEqualTo(nodeB);

        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            long fromA = a.nextId();
            long fromB = b.nextId();
            assertThat(nodeOf(fromA)).isEqualTo(nodeA);
            assertThat(nodeOf(fromB)).isEqualTo(nodeB);
            ids.add(fromA);
            ids.add(fromB);
        }
        assertThat(ids).hasSize(20_000);

        a.destroy();
        assertThat(redis().hasKey(keys.lease(nodeA))).as("given back at shutdown").isFalse();
        assertThat(redis().hasKey(keys.lease(nodeB))).isTrue();
    }

    @Test
    void aLeaseTakenOverIsReplacedByAnotherNodeAndTheOtherHolderKeepsIt() {
        NodeLease a = lease(redis(), Duration.ofSeconds(30));
        int first = a.node().orElseThrow();
        // it lapsed (a long pause, a cut) and another instance took it
        redis().opsForValue().set(keys.lease(first), "another-instance");

        a.holdOrTake();

        int second = a.node().orElseThrow();
        assertThat(second).isNotEqualTo(first);
        assertThat(nodeOf(a.nextId())).isEqualTo(second);
        assertThat(redis().opsForValue().get(keys.lease(first))).isEqualTo("another-instance");
    }

    @Test
    void idsStopWhileRedisIsCutOffAndComeBackWithALeaseAfterwards() throws Exception {
        TcpCrusher cut = links.proxy();
        NodeLease a = lease(links.through(cut), Duration.ofMillis(1_500));
        assertThat(a.nextId()).isPositive();

        cut.close(); // every connection reset, nothing listens: no renewal gets through
        await().atMost(Duration.ofSeconds(5)).until(() -> a.node().isEmpty());
        assertThatThrownBy(a::nextId).isInstanceOf(NodeLease.NoNode.class);

        cut.open();
        await().atMost(Duration.ofSeconds(30)).until(() -> a.node().isPresent());
        assertThat(nodeOf(a.nextId())).isEqualTo(a.node().orElseThrow());
    }
}
