package io.github.seckill.compensation.ladder;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Where order-service's internal API answers, and the service account it accepts.
 *
 * @param password the default is for local use only
 */
@ConfigurationProperties("seckill.order-service")
public record OrderServiceSettings(@DefaultValue("http://127.0.0.1:8082") URI url, @DefaultValue("internal") String username,
        @DefaultValue("internal-local-only") String password, @DefaultValue("5s") Duration timeout) {

    /** A client for the internal API: its base URL, the service account and bounded timeouts. */
    public RestClient client(RestClient.Builder builder) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
        return builder.baseUrl(url.toString()).requestFactory(requests)
                .defaultHeaders(h -> h.setBasicAuth(username, password)).build();
    }
}
