package io.github.seckill.compensation.sweeper;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.github.seckill.compensation.infra.TopicSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code seckill_dlq_backlog}: records on the DLQ its consumer group has not committed yet (its lag). */
@Component
public class DlqBacklog {

    private static final Logger log = LoggerFactory.getLogger(DlqBacklog.class);

    private final ConsumerProgress progress;
    private final TopicSettings topics;
    private final String group;
    private final AtomicLong backlog = new AtomicLong();

    DlqBacklog(ConsumerProgress progress, TopicSettings topics, MeterRegistry meters,
            KafkaProperties kafka) {
        this.progress = progress;
        this.topics = topics;
        this.group = kafka.getConsumer().getGroupId() + "-dlq";
        Gauge.builder("seckill.dlq.backlog", backlog, AtomicLong::get)
                .description("DLQ records not yet handled by the DLQ consumer").register(meters);
    }

    @Scheduled(fixedDelayString = "${seckill.sweeper.backlog-interval:30s}", initialDelay = 5_000)
    void measure() {
        try {
            backlog.set(progress.lag(group, topics.orderDlq()));
        } catch (ConsumerProgress.ProgressUnknown e) {
            log.warn("DLQ backlog not measured: {}", e.getMessage());
        }
    }

    /** The last measured backlog. */
    public long backlog() {
        return backlog.get();
    }
}
