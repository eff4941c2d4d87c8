package io.github.seckill.stack;

import static io.github.seckill.stack.StackSettings.HOST;
import static io.github.seckill.stack.StackSettings.url;

/** What a developer needs once the stack is up: where everything is, how to log in, one purchase. */
final class Banner {

    private Banner() {
    }

    static void print(StackSettings s, long saleId) {
        String api = url(s.apiPort());
        System.out.println("""

                Seckill platform, on this machine
                  shopper API         %s/api/v1
                  admin UI and REST   %s/   (%s/admin/api/v1)
                  order-service       %s
                  compensation        %s
                  Seata TC            %s:%d, console %s (seata / seata)
                  Kafka               %s
                  MariaDB             %s:%d (user %s)
                  Redis               %s:%d

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
                """.formatted(api, url(s.adminPort()), url(s.adminPort()), url(s.orderPort()),
                url(s.compensationPort()), HOST, s.tcPort(), url(s.tcConsolePort()), s.kafkaBootstrap(),
                HOST, s.mysqlPort(), s.mysqlUser(), HOST, s.redisPort(), DemoData.SHOPPER_PASSWORD, saleId,
                api, DemoData.SHOPPER_PASSWORD, api, saleId, api, s.data(), s.logs()));
    }
}
