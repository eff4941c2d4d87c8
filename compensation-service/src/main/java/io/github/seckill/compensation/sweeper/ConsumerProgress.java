package io.github.seckill.compensation.sweeper;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/** How far consumer groups have come on a topic, read through one admin client. */
@Component
class ConsumerProgress implements DisposableBean {

    private static final long TIMEOUT_SECONDS = 10;

    private final AdminClient admin;

    ConsumerProgress(KafkaAdmin kafkaAdmin) {
        this.admin = AdminClient.create(kafkaAdmin.getConfigurationProperties());
    }

    /**
     * The group's committed offset (the next record it takes) per partition of the topic; a partition
     * the group never committed is absent. Throws when Kafka does not answer in time.
     */
    Map<Integer, Long> committed(String group, String topic) throws ProgressUnknown {
        Map<TopicPartition, OffsetAndMetadata> all = await(
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        Map<Integer, Long> mine = new HashMap<>();
        all.forEach((tp, at) -> {
            if (tp.topic().equals(topic) && at != null) {
                mine.put(tp.partition(), at.offset());
            }
        });
        return mine;
    }

    /** Records on the topic the group has not taken yet. */
    long lag(String group, String topic) throws ProgressUnknown {
        Map<Integer, Long> done = committed(group, topic);
        Map<TopicPartition, OffsetSpec> ends = await(admin.describeTopics(List.of(topic)).allTopicNames())
                .get(topic).partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        long lag = 0;
        for (var end : await(admin.listOffsets(ends).all()).entrySet()) {
            lag += Math.max(0, end.getValue().offset() - done.getOrDefault(end.getKey().partition(), 0L));
        }
        return lag;
    }

    private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future) throws ProgressUnknown {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProgressUnknown(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ProgressUnknown(e);
        }
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }

    /** Kafka did not tell: nothing may be concluded from a group's progress this time. */
    static class ProgressUnknown extends Exception {

        ProgressUnknown(Throwable cause) {
            super(cause.getCause() != null ? cause.getCause().toString() : cause.toString(), cause);
        }
    }
}
