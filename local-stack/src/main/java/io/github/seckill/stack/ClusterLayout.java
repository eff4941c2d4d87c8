package io.github.seckill.stack;

import static io.github.seckill.stack.StackSettings.HOST;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Where each server of {@code run.sh --cluster} listens. The first of each kind keeps the stack's standard port;
 * a second instance listens {@value #SECOND} above it. The balancer takes the shoppers' port
 * ({@code SECKILL_API_PORT}), and the two seckill-api instances listen 100 and 200 above it.
 */
record ClusterLayout(List<Integer> redisPorts, List<KafkaBroker.Node> kafka, String tcHost,
        List<Coordinator.Instance> tcs, List<ServiceJars.Service> services, int balancerPort) {

    static final int SECOND = 100;
    static final int FIRST_REDIS_PORT = 7001;
    static final int REDIS_MASTERS = 3;
    static final int KAFKA_REPLICAS = 3;
    /** The only address seckill-api takes X-Forwarded-For from: the balancer connects to it from there. */
    static final String BALANCER_SOURCE = "127.0.0.2";

    /** The layout for the settings' ports, the TCs named {@code tcHost} ({@link Coordinator#advertisedHost()}). */
    static ClusterLayout of(StackSettings s, String tcHost) {
        List<Integer> redis = IntStream.range(0, 2 * REDIS_MASTERS).mapToObj(i -> FIRST_REDIS_PORT + i).toList();
        List<KafkaBroker.Node> kafka = IntStream.range(0, KAFKA_REPLICAS)
                .mapToObj(i -> new KafkaBroker.Node(i + 1, s.kafkaPort() + 2 * i, s.kafkaControllerPort() + 2 * i))
                .toList();
        List<Coordinator.Instance> tcs = List.of(
                new Coordinator.Instance("coordinator-1", s.tcPort(), s.tcConsolePort(), 9898, 1),
                new Coordinator.Instance("coordinator-2", s.tcPort() + SECOND, s.tcConsolePort() + SECOND,
                        9898 + SECOND, 2));

        Map<String, String> common = Map.of(
                "SPRING_DATA_REDIS_CLUSTER_NODES", String.join(",", redis.stream().map(p -> HOST + ":" + p).toList()),
                "SECKILL_KAFKA_BOOTSTRAP", String.join(",", kafka.stream().map(n -> HOST + ":" + n.port()).toList()),
                "SECKILL_TOPICS_REPLICAS", Integer.toString(KAFKA_REPLICAS),
                // Seata's file registry separates a group's addresses with ';'
                "SECKILL_TC_ADDRESS", String.join(";", tcs.stream().map(tc -> tcHost + ":" + tc.port()).toList()));
        int order1 = s.orderPort();
        int order2 = s.orderPort() + SECOND;
        List<ServiceJars.Service> services = new ArrayList<>();
        services.add(service("order-service", "order-service-1", order1, common, Map.of()));
        services.add(service("order-service", "order-service-2", order2, common, Map.of()));
        // each seckill-api reads orders through its own order-service, and trusts forwarded addresses from the
        // balancer only, so that its per-address limits still mean per shopper
        for (int i = 1; i <= 2; i++) {
            services.add(service("seckill-api", "seckill-api-" + i, s.apiPort() + i * SECOND, common, Map.of(
                    "SECKILL_ORDER_SERVICE_URL", StackSettings.url(i == 1 ? order1 : order2),
                    "SPRING_DATA_REDIS_CLIENTNAME", "seckill-api-" + i,
                    // a 202 only once the replica of the sale's master holds the reservation (ADR 17)
                    "SECKILL_PURCHASE_REPLICA_ACKS", "1",
                    "SECKILL_TRUSTED_PROXIES", BALANCER_SOURCE.replace(".", "\\."))));
        }
        services.add(service("admin-service", "admin-service", s.adminPort(), common, Map.of()));
        services.add(service("compensation-service", "compensation-service-1", s.compensationPort(), common,
                Map.of()));
        services.add(service("compensation-service", "compensation-service-2", s.compensationPort() + SECOND, common,
                Map.of("SECKILL_ORDER_SERVICE_URL", StackSettings.url(order2))));
        return new ClusterLayout(redis, kafka, tcHost, tcs, List.copyOf(services), s.apiPort());
    }

    private static ServiceJars.Service service(String module, String name, int port, Map<String, String> common,
            Map<String, String> own) {
        Map<String, String> env = new LinkedHashMap<>(common);
        env.putAll(own);
        return new ServiceJars.Service(module, name, port, Map.copyOf(env));
    }

    /** The seckill-api instances behind the balancer. */
    List<ServiceJars.Service> apis() {
        return services.stream().filter(service -> service.module().equals("seckill-api")).toList();
    }

    String kafkaBootstrap() {
        return services.get(0).env().get("SECKILL_KAFKA_BOOTSTRAP");
    }

    /** Every port the cluster's own servers listen on, with what listens there: each must be free. */
    Map<Integer, String> ports() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        redisPorts.forEach(port -> ports.put(port, "a Redis Cluster node"));
        kafka.forEach(node -> {
            ports.put(node.port(), "Kafka broker " + node.id());
            ports.put(node.controllerPort(), "Kafka controller " + node.id());
        });
        tcs.forEach(tc -> {
            ports.put(tc.port(), tc.name());
            ports.put(tc.consolePort(), tc.name() + "'s console");
            ports.put(tc.metricsPort(), tc.name() + "'s metrics");
        });
        services.forEach(service -> ports.put(service.port(), service.name()));
        ports.put(balancerPort, "the balancer (HAProxy)");
        return ports;
    }
}
