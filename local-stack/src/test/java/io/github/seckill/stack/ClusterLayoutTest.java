package io.github.seckill.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ClusterLayoutTest {

    private final StackSettings settings = StackSettings.from(new String[] { "--cluster" }, Path.of("/repo"), Map.of());
    private final ClusterLayout cluster = ClusterLayout.of(settings, "192.0.2.7");

    @Test
    void clusterIsAnArgumentAndUnknownOnesAreRefused() {
        assertThat(settings.cluster()).isTrue();
        assertThat(StackSettings.from(new String[] { "--fresh" }, Path.of("/repo"), Map.of()).cluster()).isFalse();
        assertThatThrownBy(() -> StackSettings.from(new String[] { "--clustre" }, Path.of("/repo"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unknown argument '--clustre'");
    }

    @Test
    void everyServerHasItsOwnPortAndTheBalancerTakesTheShoppersPort() {
        assertThat(cluster.balancerPort()).isEqualTo(8080);
        assertThat(cluster.apis()).extracting(ServiceJars.Service::port).containsExactly(8180, 8280);
        assertThat(cluster.services()).extracting(ServiceJars.Service::name).containsExactly("order-service-1",
                "order-service-2", "seckill-api-1", "seckill-api-2", "admin-service", "compensation-service-1",
                "compensation-service-2");
        assertThat(cluster.redisPorts()).containsExactly(7001, 7002, 7003, 7004, 7005, 7006);
        // no two servers on one port: 6 Redis, 3 brokers and 3 controllers, 2 TCs with console and metrics,
        // 7 services and the balancer
        assertThat(cluster.ports()).hasSize(6 + 6 + 6 + 7 + 1);
    }

    @Test
    void theServicesAreToldOfEveryNodeOfEachEngine() {
        for (ServiceJars.Service service : cluster.services()) {
            assertThat(service.env())
                    .containsEntry("SPRING_DATA_REDIS_CLUSTER_NODES",
                            "127.0.0.1:7001,127.0.0.1:7002,127.0.0.1:7003,127.0.0.1:7004,127.0.0.1:7005,127.0.0.1:7006")
                    .containsEntry("SECKILL_KAFKA_BOOTSTRAP", "127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096")
                    .containsEntry("SECKILL_TOPICS_REPLICAS", "3")
                    .containsEntry("SECKILL_TC_ADDRESS", "192.0.2.7:8091;192.0.2.7:8191");
        }
        assertThat(cluster.tcs()).extracting(Coordinator.Instance::node).containsExactly(1, 2);
    }

    @Test
    void eachApiTrustsForwardedAddressesFromTheBalancerOnlyAndReadsThroughItsOwnOrderService() {
        assertThat(cluster.apis().get(0).env()).containsEntry("SECKILL_TRUSTED_PROXIES", "127\\.0\\.0\\.2")
                .containsEntry("SECKILL_ORDER_SERVICE_URL", "http://127.0.0.1:8082")
                .containsEntry("SPRING_DATA_REDIS_CLIENTNAME", "seckill-api-1");
        assertThat(cluster.apis().get(1).env()).containsEntry("SECKILL_ORDER_SERVICE_URL", "http://127.0.0.1:8182");
        assertThat(cluster.apis()).allSatisfy(api -> assertThat(api.env())
                .containsEntry("SECKILL_PURCHASE_REPLICA_ACKS", "1"));

        String config = Balancer.config(8080, cluster.apis());
        assertThat(config).contains("bind 127.0.0.1:8080", "option forwardfor", "source 127.0.0.2",
                "server seckill-api-1 127.0.0.1:8180 check", "server seckill-api-2 127.0.0.1:8280 check",
                "retry-on conn-failure\n");
    }
}
