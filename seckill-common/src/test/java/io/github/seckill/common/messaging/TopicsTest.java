package io.github.seckill.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.KafkaAdmin;

import io.github.seckill.testsupport.TestServers;

/** The declaration a service's start-up hands to Spring Kafka, against a real broker. */
class TopicsTest {

    @Test
    void everyNamedTopicIsCreatedWithTheSamePartitionsAndReplicas() throws Exception {
        String placed = TestServers.topic("topics-declare-placed");
        String failed = TestServers.topic("topics-declare-failed");
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka());

        // as in a service: Spring Kafka's admin creates the declared topics once the beans exist
        new ApplicationContextRunner().withBean(KafkaAdmin.class, () -> new KafkaAdmin(config))
                .withBean(KafkaAdmin.NewTopics.class, () -> Topics.declare(3, (short) 1, placed, failed))
                .run(context -> assertThat(context).hasNotFailed());

        try (AdminClient admin = AdminClient.create(config)) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(placed, failed)).allTopicNames().get();
            assertThat(topics).containsOnlyKeys(placed, failed);
            assertThat(topics.values()).allSatisfy(t -> {
                assertThat(t.partitions()).hasSize(3);
                assertThat(t.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(1));
            });
        }
    }
}
