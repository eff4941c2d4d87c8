package io.github.seckill.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** A cluster's nodes get ports that are free and all different, taken together. */
class KafkaBrokerPortsTest {

    @Test
    void portsTakenTogetherAreAllDifferent() {
        int[] ports = KafkaBroker.freePorts(64);

        assertThat(ports).hasSize(64);
        assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(64);
        assertThat(Arrays.stream(ports).filter(Probes::listening)).as("ports something listens on").isEmpty();
    }
}
