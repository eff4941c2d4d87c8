package io.github.seckill.stack;

import static io.github.seckill.stack.StackSettings.HOST;
import static io.github.seckill.stack.StackSettings.url;

import java.util.List;

/** What a developer needs once the stack is up: where everything is, how to log in, one purchase. */
final class Banner {

    private Banner() {
    }

    static void print(StackSettings s, long saleId) {
        print(s, """
                  shopper API         %s/api/v1
                  admin UI and REST   %s/   (%s/admin/api/v1)
                  order-service       %s
                  compensation        %s
                  Seata TC            %s:%d, console %s (seata / seata)
                  Kafka               %s
                  MariaDB             %s:%d (user %s)
                  Redis               %s:%d
                """.formatted(url(s.apiPort()), url(s.adminPort()), url(s.adminPort()), url(s.orderPort()),
                url(s.compensationPort()), HOST, s.tcPort(), url(s.tcConsolePort()), s.kafkaBootstrap(),
                HOST, s.mysqlPort(), s.mysqlUser(), HOST, s.redisPort()), saleId);
    }

    static void printCluster(StackSettings s, ClusterLayout cluster, long saleId) {
        print(s, """
                  shopper API         %s/api/v1   (HAProxy; seckill-api-1 %s, seckill-api-2 %s)
                  admin UI and REST   %s/   (%s/admin/api/v1)
                  order-service       %s
                  compensation        %s
                  Seata TCs           %s on MySQL's '%s' database, consoles %s (seata / seata)
                  Kafka, 3 brokers    %s (replication factor 3, min.insync.replicas 2)
                  MariaDB             %s:%d (user %s)
                  Redis Cluster       %s (3 masters, each with a replica)
                """.formatted(url(cluster.balancerPort()), url(cluster.apis().get(0).port()),
                url(cluster.apis().get(1).port()), url(s.adminPort()), url(s.adminPort()),
                urls(cluster, "order-service"), urls(cluster, "compensation-service"),
                String.join(", ", cluster.tcs().stream().map(tc -> cluster.tcHost() + ":" + tc.port()).toList()),
                Coordinator.DATABASE, String.join(", ", cluster.tcs().stream().map(tc -> url(tc.consolePort())).toList()),
                cluster.kafkaBootstrap(), HOST, s.mysqlPort(), s.mysqlUser(),
                String.join(", ", cluster.redisPorts().stream().map(port -> HOST + ":" + port).toList())), saleId);
    }

    private static String urls(ClusterLayout cluster, String module) {
        List<String> urls = cluster.services().stream().filter(service -> service.module().equals(module))
                .map(service -> url(service.port())).toList();
        return String.join(", ", urls);
    }

    private static void print(StackSettings s, String servers, long saleId) {
        String api = url(s.apiPort());
        System.out.println("""

                Seckill platform, on this machine
                %s
                Logins: admin / admin (admin UI and REST, HTTP Basic)
                        demo1, demo2, demo3 / %s (shoppers)
                Demo sale: id %d, stock 100, 1 per shopper, open for 24 h

                Buy one unit as demo1:
                  TOKEN=$(curl -s -X POST %s/api/v1/auth/login -H 'Content-Type: application/json' \\
                    -d '{"username":"demo1","password":"%s"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\\1/')
                  curl -i -X POST %s/api/v1/activities/%d/orders -H "Authorization: Bearer $TOKEN" \\
                    -H 'Content-Type: application/json' -d '{"quantity":1}'
                  curl -s %s/api/v1/orders/ORDER_ID -H "Authorization: Bearer $TOKEN"   # ORDER_ID from the 202

                Data: %s   Logs: %s
                Stop with Ctrl-C.
                """.formatted(servers, DemoData.SHOPPER_PASSWORD, saleId, api, DemoData.SHOPPER_PASSWORD, api, saleId,
                api, s.data(), s.logs()));
    }
}
