package io.github.seckill.common.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class OrderIdsTest {

    @Test
    void idsAreUniqueAndIncreasingWithinANode() {
        OrderIds ids = new OrderIds(3);
        Set<Long> seen = new HashSet<>();
        long last = 0;
        for (int i = 0; i < 50_000; i++) {
            long id = ids.next();
            assertThat(id).isGreaterThan(last);
            seen.add(id);
            last = id;
        }
        assertThat(seen).hasSize(50_000);
    }

    @Test
    void twoNodesNeverCollide() {
        OrderIds a = new OrderIds(1);
        OrderIds b = new OrderIds(2);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(a.next());
            seen.add(b.next());
        }
        assertThat(seen).hasSize(20_000);
    }

    @Test
    void nodeIdMustFitTenBits() {
        assertThatThrownBy(() -> new OrderIds(1024)).isInstanceOf(IllegalArgumentException.class);
    }
}
