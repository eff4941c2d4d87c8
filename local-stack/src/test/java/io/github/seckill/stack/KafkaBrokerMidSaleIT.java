package io.github.seckill.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform on three Kafka brokers, its topics on all three with {@code min.insync.replicas=2}: the broker
 * leading the first partition of the orders' topic SIGKILLed with a sale under way, started again later. The
 * two left take its partitions over; purchases meanwhile are accepted or refused with 503 and
 * {@code Retry-After}, never left to hang; the sale sells out and is judged as the fault suite judges
 * ({@link SaleVerdict}): every 202 one order in one terminal state, nothing oversold, stock conserved.
 */
class KafkaBrokerMidSaleIT {

    private static final String ORDERS_TOPIC = "seckill.order.placed";
    private static final Duration QUIET = Duration.ofMinutes(4);

    private static FaultStack stack;
    private static List<String> tokens;

    @BeforeAll
    static void startPlatform() throws Exception {
        stack = FaultStack.start(FaultStack.Mode.KAFKA_CLUSTER, Map.of());
        tokens = stack.shoppers(80);
    }

    @AfterAll
    static void stopPlatform() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void oneBrokerOfThreeKilledMidSaleAndRestarted() throws Exception {
        int stock = 60;
        long sale = stack.backOffice().saleOf(stock, 1);
        KafkaCluster kafka = stack.kafkaCluster();
        FaultRun run;
        int victim;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
                Crowd crowd = Crowd.buying(stack.apis(), sale, tokens, 10)) {
            TopicPartitionInfo before = partition(admin);
            assertThat(before.replicas()).as("replicas of %s-0", ORDERS_TOPIC).hasSize(3);
            await("first orders of sale " + sale).atMost(Duration.ofSeconds(60))
                    .until(() -> crowd.accepted().size() >= 10);
            victim = partition(admin).leader().id();
            run = FaultRun.begin(crowd, "Kafka broker SIGKILL, one of three, leading " + ORDERS_TOPIC + "-0");
            kafka.kill(victim);
            run.struck();
            await("another broker leading " + ORDERS_TOPIC + "-0").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> partition(admin).leader().id() != victim);
            await("orders accepted on the two brokers left").atMost(Duration.ofSeconds(60))
                    .until(() -> crowd.accepted().size() >= 20);
            run.healing();
            kafka.restart(victim);
            await("the killed broker back in sync").atMost(Duration.ofSeconds(90)).ignoreExceptions()
                    .until(() -> partition(admin).isr().size() == 3);
            run.healed();
            stack.verdict().awaitSoldOutAndSettled(sale, crowd, QUIET);
            run.ended();
        }
        assertThat(run.answeredDuringTheFault()).as("answers while a broker was down")
                .anySatisfy(c -> assertThat(c.status()).isEqualTo(202))
                .noneSatisfy(c -> assertThat(c.status()).isIn(0, 500))
                .filteredOn(c -> c.status() == 503)
                .allSatisfy(c -> assertThat(c.retryAfter()).as("Retry-After on %s", c).isTrue());
        stack.verdict().judge(sale, stock, run.accepted(), QUIET);
        run.print();
    }

    private static TopicPartitionInfo partition(Admin admin) throws Exception {
        return admin.describeTopics(Set.of(ORDERS_TOPIC)).allTopicNames().get(5, TimeUnit.SECONDS).get(ORDERS_TOPIC)
                .partitions().get(0);
    }
}
