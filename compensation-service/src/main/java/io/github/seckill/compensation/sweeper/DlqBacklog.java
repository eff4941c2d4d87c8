package io.github.seckill.compensation.sweeper;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.github.seckill.compensation.infra.TopicSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code seckill_dlq_backlog}: records on the DLQ its consumer group has not committed yet (its lag). */
@Component
public class DlqBacklog implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DlqBacklog.class);

    private final AdminClient admin;
    private final TopicSettings topics;
    private final String group;
    private final AtomicLong backlog = new AtomicLong();

    DlqBacklog(KafkaAdmin kafkaAdmin, TopicSettings topics, MeterRegistry meters,
            @Value("${spring.kafka.consumer.group-id}-dlq") String group) {
        this.admin = AdminClient.create(kafkaAdmin.getConfigurationProperties());
        this.topics = topics;
        this.group = group;
        Gauge.builder("seckill.dlq.backlog", backlog, AtomicLong::get)
                .description("DLQ records not yet handled by the DLQ consumer").register(meters);
    }

    @Scheduled(fixedDelayString = "${seckill.sweeper.backlog-interval:30s}", initialDelay = 5_000)
    void measure() {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> ends = admin.describeTopics(java.util.List.of(topics.orderDlq()))
                    .allTopicNames().get(10, TimeUnit.SECONDS).get(topics.orderDlq()).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topics.orderDlq(), p.partition()),
                            p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest = admin.listOffsets(ends).all()
                    .get(10, TimeUnit.SECONDS);
            long lag = 0;
            for (var e : latest.entrySet()) {
                OffsetAndMetadata done = committed.get(e.getKey());
                lag += Math.max(0, e.getValue().offset() - (done == null ? 0 : done.offset()));
            }
            backlog.set(lag);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("DLQ backlog not measured: {}", e.getMessage());
        }
    }

    /** The last measured backlog. */
    public long backlog() {
        return backlog.get();
    }

    @Override
    public void destroy() {
        admin.close(java.time.Duration.ofSeconds(2));
    }
}
