package io.github.seckill.loadtest.bench;

import java.time.Duration;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real single-node Kafka (KRaft) broker on a free loopback port, for the benchmark when no broker
 * runs on 9092. Prints {@code KAFKA READY host:port} and stops after {@code maxSeconds} at the latest.
 * Usage: {@code BenchKafka <maxSeconds>}
 */
public final class BenchKafka {

    private BenchKafka() {
    }

    public static void main(String[] args) throws InterruptedException {
        Duration lifetime = Duration.ofSeconds(Long.parseLong(args[0]));
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6);
        broker.brokerProperty("auto.create.topics.enable", "true");
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "kafka-stop"));
        System.out.println("KAFKA READY " + broker.getBrokersAsString());
        Thread.sleep(lifetime.toMillis());
        System.exit(0);
    }
}
