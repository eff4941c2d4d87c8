package io.github.seckill.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.problem.ProblemTypes;
import io.github.seckill.common.redis.Reservations;
import io.github.seckill.stack.FaultStack.Server;
import io.lettuce.core.cluster.SlotHash;

/**
 * The platform scaled out on a Redis Cluster (3 masters, 3 replicas) with two seckill-api and two
 * order-service processes, the shoppers' clicks spread over both APIs in turn as a load balancer spreads
 * them, both order-services in one consumer group: one hot sale and four others at once sell exactly
 * their stock, and a sale goes on when the Redis master holding its slot is SIGKILLed. Each sale is judged
 * as the fault suite judges ({@link SaleVerdict}), and so is a sale during which one of the two
 * order-services, one of the two seckill-apis, or one of the two Seata TCs (on MySQL's store, 2.5.0 clients
 * against the 2.0.0 server) is SIGKILLed and restarted. The instances' sold-out flags stay in step over the
 * cluster's pub/sub when the node an instance subscribed on dies.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterSaleIT {

    private static final int SHOPPERS = 140;
    private static final Duration QUIET = Duration.ofMinutes(4);

    private static FaultStack stack;
    private static List<String> tokens;

    @BeforeAll
    static void startPlatform() throws Exception {
        stack = FaultStack.start(FaultStack.Mode.REDIS_CLUSTER, Map.of());
        tokens = stack.shoppers(SHOPPERS);
    }

    @AfterAll
    static void stopPlatform() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aHotSaleAndFourOthersAtOnceSellExactlyTheirStock() throws Exception {
        record Sale(long id, int stock, Crowd crowd) {
        }
        List<Sale> sales = new ArrayList<>();
        long start = System.nanoTime();
        try {
            long hot = stack.backOffice().saleOf(100, 1);
            sales.add(new Sale(hot, 100, Crowd.buying(stack.apis(), hot, tokens, 30)));
            for (int i = 0; i < 4; i++) {
                long sale = stack.backOffice().saleOf(25, 1);
                sales.add(new Sale(sale, 25, Crowd.buying(stack.apis(), sale, tokens, 6)));
            }
            SaleVerdict verdict = stack.verdict();
            for (Sale sale : sales) {
                verdict.awaitSoldOutAndSettled(sale.id(), sale.crowd(), QUIET);
                System.out.printf("sale %d (stock %d): %d accepted, sold out and settled %.1f s after the start;"
                        + " answers %s%n", sale.id(), sale.stock(), sale.crowd().accepted().size(),
                        (System.nanoTime() - start) / 1e9, sale.crowd().answers("before"));
            }
        } finally {
            sales.forEach(s -> s.crowd().close());
        }
        // both instances of each did their share: the clicks reached both APIs, both placed orders
        for (URI api : stack.apis()) {
            assertThat(Scrape.sum(api, "http_server_requests_seconds_count", "status=\"202\""))
                    .as("purchases %s accepted", api).isPositive();
        }
        for (URI orders : stack.orderServices()) {
            assertThat(Scrape.sum(orders, "seckill_orders_placed_total", "outcome=\"committed\""))
                    .as("orders %s placed", orders).isPositive();
            // INFO memory has no one answer on a cluster: the gauge is the fullest master's
            assertThat(Scrape.sum(orders, "seckill_redis_used_memory_bytes")).as("Redis memory read by %s", orders)
                    .isPositive();
        }
        for (Sale sale : sales) {
            assertThat(sale.crowd().clicks()).as("clicks of sale %d", sale.id())
                    .noneSatisfy(c -> assertThat(c.status()).isIn(0, 500));
            stack.verdict().judge(sale.id(), sale.stock(), sale.crowd().accepted(), QUIET);
        }
    }

    @Test
    @Order(2)
    void theRedisMasterOfASaleKilledMidSale() throws Exception {
        int stock = 60;
        long sale = stack.backOffice().saleOf(stock, 1);
        RedisCluster cluster = stack.redisCluster();
        int slot = SlotHash.getSlot(new Reservations(stack.redis(),
                stack.redisPrefix()).keys(new SaleId(sale)).stock());
        int master = cluster.masterOf(slot, cluster.ports().get(0));
        int witness = cluster.ports().stream().filter(port -> port != master).findFirst().orElseThrow();
        FaultRun run;
        try (Crowd crowd = Crowd.buying(stack.apis(), sale, tokens, 10)) {
            await("first orders of sale " + sale).atMost(Duration.ofSeconds(60))
                    .until(() -> crowd.accepted().size() >= 10);
            run = FaultRun.begin(crowd, "Redis Cluster master of the sale's slot SIGKILL");
            cluster.kill(master);
            run.struck();
            await("a replica serving slot " + slot + " in place of " + master).atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> cluster.masterOf(slot, witness) != master);
            run.healing();
            cluster.restart(master);
            await("the old master back, as a replica").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(cluster::formed);
            run.healed();
            stack.verdict().awaitSoldOutAndSettled(sale, crowd, QUIET);
            run.ended();
        }
        // while the slot had no master a purchase was refused at once, never left to hang
        assertThat(run.answeredDuringTheFault()).as("answers while the slot had no master")
                .noneSatisfy(c -> assertThat(c.status()).isIn(0, 500))
                .filteredOn(c -> c.status() == 503)
                .allSatisfy(c -> assertThat(c.retryAfter()).as("Retry-After on %s", c).isTrue());
        assertThat(cluster.masterOf(slot, witness)).as("the slot's master after the failover").isNotEqualTo(master);
        stack.verdict().judge(sale, stock, run.accepted(), QUIET);
        run.print();
    }

    @Test
    @Order(3)
    void oneOfTheTwoOrderServicesKilledMidSaleAndRestarted() throws Exception {
        oneInstanceKilledMidSale(Server.ORDER_SERVICE, "order-service SIGKILL, one of two", () -> { });
    }

    @Test
    @Order(4)
    void oneOfTheTwoSeckillApisKilledMidSaleAndRestarted() throws Exception {
        oneInstanceKilledMidSale(Server.SECKILL_API, "seckill-api SIGKILL, one of two", () -> { });
    }

    @Test
    @Order(6)
    void oneOfTheTwoCoordinatorsKilledMidSaleAndRestarted() throws Exception {
        // the TC to be killed is in use: each batch goes to a TC at random, and its branches to the one it began
        // on. Its counter moves at phase two, which for AT runs after the 202s: wait for it, the crowd buying on.
        oneInstanceKilledMidSale(Server.TC, "Seata TC SIGKILL, one of two on the db store",
                () -> await("a transaction committed by the first TC").atMost(Duration.ofSeconds(30))
                        .until(() -> stack.committedBy(0) > 0));
    }

    /**
     * The first instance of {@code server} SIGKILLed with the sale under way: the other goes on (the
     * surviving order-service takes the dead one's partitions once the group expels it; clicks sent to the
     * dead API get no answer and are sent again, with their key, to the other; the transactions the dead TC
     * began are settled by the other, which shares its store), then the killed one is started again.
     */
    private static void oneInstanceKilledMidSale(Server server, String name, ThrowingRunnable beforeKill)
            throws Exception {
        int stock = 60;
        long sale = stack.backOffice().saleOf(stock, 1);
        FaultRun run;
        try (Crowd crowd = Crowd.buying(stack.apis(), sale, tokens, 10)) {
            await("first orders of sale " + sale).atMost(Duration.ofSeconds(60))
                    .until(() -> crowd.accepted().size() >= 10);
            beforeKill.run();
            run = FaultRun.begin(crowd, name);
            stack.kill(server);
            run.struck();
            await("orders accepted without the killed instance").atMost(Duration.ofSeconds(60))
                    .until(() -> crowd.accepted().size() >= 20);
            run.healing();
            stack.restart(server);
            run.healed();
            stack.verdict().awaitSoldOutAndSettled(sale, crowd, QUIET);
            run.ended();
        }
        assertThat(run.answeredDuringTheFault()).as("answers while one instance was down")
                .anySatisfy(c -> assertThat(c.status()).isEqualTo(202))
                .noneSatisfy(c -> assertThat(c.status()).isEqualTo(500));
        stack.verdict().judge(sale, stock, run.accepted(), QUIET);
        run.print();
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    @Order(5)
    void soldOutAnnouncementsReachAnInstanceWhoseSubscriptionNodeDied() {
        RedisCluster cluster = stack.redisCluster();
        URI first = stack.apis().get(0);
        URI second = stack.apis().get(1);
        List<Integer> before = cluster.subscribedAt("seckill-api-2");
        assertThat(before).as("nodes holding the second instance's subscription").hasSize(1);
        int node = before.get(0);
        int witness = cluster.ports().stream().filter(port -> port != node).findFirst().orElseThrow();
        long sale = stack.backOffice().saleOf(1, 1);
        cluster.kill(node);
        try {
            await("the second instance subscribed again on another node").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200)).until(() -> !cluster.subscribedAt("seckill-api-2").isEmpty());
            // what the node served, if it was a master, is its replica's now
            await("the cluster serving every slot without " + node).atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> cluster.servedWithout(node, witness));

            // the sale of one unit (made before the kill) sold out through the first instance: it announces it
            double flagsBefore = Scrape.sum(second, "seckill_soldout_flags");
            Http http = new Http();
            await("the one unit bought").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> buy(http, first, sale, tokens.get(0)).status() == 202);
            await("the sale sold out, as the first instance hears it").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500)).until(() -> ProblemTypes.SOLD_OUT.toString()
                            .equals(buy(http, first, sale, tokens.get(1)).body().get("type")));
            // the second instance learns it from the announcement, without a purchase of its own
            await("the second instance's sold-out flags").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> Scrape.sum(second, "seckill_soldout_flags") == flagsBefore + 1);
        } finally {
            cluster.restart(node);
            await("the killed node back in the cluster").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(cluster::formed);
        }
    }

    private static Http.Response buy(Http http, URI api, long sale, String token) {
        return http.post(api.resolve("/api/v1/activities/" + sale + "/orders"), Http.bearer(token),
                Map.of("quantity", 1), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }
}
