package io.github.seckill.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.seckill.testsupport.TestServers;

/**
 * Three KRaft brokers (each its own controller too) with topics on all three and {@code min.insync.replicas=2}:
 * the broker leading a partition SIGKILLed while orders are written to it with the producer settings
 * seckill-api uses ({@code acks=all}, idempotent). Another broker takes the partition over, every write
 * acknowledged before and after the kill is there once, and the killed broker comes back and catches up.
 */
class KafkaClusterFailoverIT {

    private static final String TOPIC = "failover";

    private static KafkaCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        Path home = Files.createDirectories(Path.of("target")).resolve("kafka-cluster-" + TestServers.RUN);
        cluster = KafkaCluster.start(home, 3, StackSettings.LIGHT_JVM, home.resolve("logs"));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theLeaderOfAPartitionKilledWhileOrdersAreWrittenLosesNoneAndDoublesNone() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
                KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000,
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 3))).all().get(30, TimeUnit.SECONDS);
            // every broker learns of the topic a moment after its creation
            TopicPartitionInfo before = await("the topic's partition on three brokers, all in sync")
                    .atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> partition(admin), p -> p.isr().size() == 3);
            assertThat(before.replicas()).as("replicas of the partition").hasSize(3);

            for (int order = 1; order <= 200; order++) {
                producer.send(new ProducerRecord<>(TOPIC, Integer.toString(order), "order " + order));
            }
            producer.flush();
            int leader = partition(admin).leader().id();
            cluster.kill(leader);
            // every send acknowledged by the two brokers left: they are a controller majority and min.insync
            for (int order = 201; order <= 400; order++) {
                producer.send(new ProducerRecord<>(TOPIC, Integer.toString(order), "order " + order))
                        .get(60, TimeUnit.SECONDS);
            }
            TopicPartitionInfo after = partition(admin);
            assertThat(after.leader().id()).as("the new leader").isNotEqualTo(leader);
            assertThat(after.isr()).as("in-sync replicas without the killed broker").hasSize(2);

            cluster.restart(leader);
            await("the killed broker back in sync").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> partition(admin).isr().size() == 3);
        }
        assertThat(everyValue()).as("each order once, in order").hasSize(400)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 400).mapToObj(i -> "order " + i)
                        .toList());
    }

    private static TopicPartitionInfo partition(Admin admin) throws Exception {
        TopicDescription topic = admin.describeTopics(Set.of(TOPIC)).allTopicNames().get(5, TimeUnit.SECONDS)
                .get(TOPIC);
        return topic.partitions().get(0);
    }

    private static List<String> everyValue() {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "failover-check", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(TOPIC));
            await("every order read back").atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
                return values.size() >= 400;
            });
            // and nothing after the 400th
            consumer.poll(Duration.ofSeconds(1)).forEach(record -> values.add(record.value()));
        }
        return values;
    }
}
