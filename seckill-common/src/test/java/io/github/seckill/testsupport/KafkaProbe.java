package io.github.seckill.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads what is published to one topic from the moment it is opened (a consumer of its own,
 * positioned at the end of every partition), for asserting messages in tests.
 */
public final class KafkaProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public KafkaProbe(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafka(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        Awaitility.await("topic " + topic).atMost(Duration.ofSeconds(30))
                .until(() -> !consumer.partitionsFor(topic, Duration.ofSeconds(5)).isEmpty());
        consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before anything is sent
    }

    /** Everything received so far, polling once more. */
    public synchronized List<ConsumerRecord<String, String>> received() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return List.copyOf(seen);
    }

    /** Waits until at least {@code count} records arrived and returns them all. */
    public List<ConsumerRecord<String, String>> await(int count, Duration timeout) {
        Awaitility.await("records").atMost(timeout).until(() -> received().size() >= count);
        return received();
    }

    /**
     * Waits until a record with this key arrived and returns every such record: the topic may carry
     * other tests' records, in any order.
     */
    public List<ConsumerRecord<String, String>> awaitKey(String key, Duration timeout) {
        Awaitility.await("a record with key " + key).atMost(timeout)
                .until(() -> received().stream().anyMatch(r -> key.equals(r.key())));
        return received().stream().filter(r -> key.equals(r.key())).toList();
    }

    /**
     * Waits until {@code group} has committed every record on the topic at the time of the call: each
     * of them was handled by its listener (the offset is committed after the listener returned).
     */
    public void awaitHandledBy(String group, Duration timeout) {
        List<TopicPartition> partitions = new ArrayList<>(consumer.assignment());
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestServers.kafka()))) {
            Awaitility.await("group " + group + " past " + ends).atMost(timeout).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> done = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                return ends.entrySet().stream().allMatch(e -> e.getValue() == 0 || done.get(e.getKey()) != null
                        && done.get(e.getKey()).offset() >= e.getValue());
            });
        }
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
