package io.github.seckill.admin.upstream;

import java.time.Duration;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** compensation-service's RestClients, HTTP Basic, bounded timeouts (order-service's comes from seckill-common). */
@Configuration(proxyBeanMethods = false)
class UpstreamConfig {

    @Bean
    CompensationClient compensationClient(RestClient.Builder builder, CompensationSettings s) {
        RestClient calls = builder.clone().baseUrl(s.url().toString())
                .requestFactory(factory(s.timeout(), s.timeout()))
                .defaultHeaders(h -> h.setBasicAuth(s.username(), s.password())).build();
        // the export streams a whole archive: only connecting is bounded
        RestClient export = builder.clone().baseUrl(s.url().toString())
                .requestFactory(factory(s.timeout(), Duration.ofMinutes(10)))
                .defaultHeaders(h -> h.setBasicAuth(s.username(), s.password())).build();
        return new CompensationClient(calls, export);
    }

    private static ClientHttpRequestFactory factory(Duration connect, Duration read) {
        return ClientHttpRequestFactoryBuilder.simple().build(ClientHttpRequestFactorySettings.defaults()
                .withConnectTimeout(connect).withReadTimeout(read));
    }
}
