package io.github.seckill.loadtest.sale;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.http.HttpProtocolBuilder;

/** The HTTP protocol both simulations use. */
final class Protocols {

    private Protocols() {
    }

    static HttpProtocolBuilder api(Plan plan) {
        String api = plan.platform.api().toString();
        // Gatling warms its HTTP stack up on its own web site unless told otherwise; only the API is reachable.
        HttpProtocolBuilder protocol = http.baseUrl(api).acceptHeader("application/json")
                .contentTypeHeader("application/json").warmUp(api + "/api/v1/time");
        // Each virtual user keeps one of these addresses: the per-address limits see a crowd, not one host.
        return plan.addresses.isEmpty() ? protocol : protocol.localAddresses(plan.addresses);
    }
}
