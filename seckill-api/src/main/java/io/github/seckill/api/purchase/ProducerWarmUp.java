package io.github.seckill.api.purchase;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.github.seckill.api.infra.TopicSettings;

/**
 * Makes the Kafka producer before the instance reports ready: the producer, its connection and the
 * {@code seckill.order.placed} metadata otherwise cost the first purchases after a start about half a
 * second, most of a send timeout. Kafka being down at start fails nothing: the purchases then answer
 * 503 as they would later.
 */
@Component
class ProducerWarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ProducerWarmUp.class);

    private final KafkaTemplate<String, String> kafka;
    private final TopicSettings topics;

    ProducerWarmUp(KafkaTemplate<String, String> kafka, TopicSettings topics) {
        this.kafka = kafka;
        this.topics = topics;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            log.info("{} has {} partitions", topics.orderPlaced(), kafka.partitionsFor(topics.orderPlaced()).size());
        } catch (RuntimeException e) {
            log.warn("Kafka not reached at start, purchases answer 503 until it is: {}", e.toString());
        }
    }
}
