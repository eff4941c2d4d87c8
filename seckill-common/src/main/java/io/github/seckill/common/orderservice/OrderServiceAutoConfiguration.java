package io.github.seckill.common.orderservice;

import java.net.http.HttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.ConversionService;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;

/** The one client of order-service's internal API: its base URL, the service account, bounded timeouts. */
@AutoConfiguration(after = RestClientAutoConfiguration.class)
@ConditionalOnClass({ RestClient.class, HttpServiceProxyFactory.class })
@EnableConfigurationProperties(OrderServiceSettings.class)
public class OrderServiceAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OrderServiceApi orderServiceApi(ObjectProvider<RestClient.Builder> builders, OrderServiceSettings settings) {
        return client(builders.getIfAvailable(RestClient::builder), settings);
    }

    /** Also for tests and tools that have no application context. */
    public static OrderServiceApi client(RestClient.Builder builder, OrderServiceSettings settings) {
        // HTTP/1.1: the JDK client would otherwise offer an h2c upgrade on every new connection
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.connectTimeout()).build());
        requests.setReadTimeout(settings.readTimeout());
        RestClient http = builder.clone().baseUrl(settings.url().toString()).requestFactory(requests)
                .defaultHeaders(h -> h.setBasicAuth(settings.username(), settings.password())).build();
        return Failures.around(HttpServiceProxyFactory.builderFor(RestClientAdapter.create(http))
                .conversionService(ids()).build().createClient(OrderServiceApi.class));
    }

    /** Typed ids go into paths as their plain numbers. */
    private static ConversionService ids() {
        DefaultFormattingConversionService conversions = new DefaultFormattingConversionService();
        conversions.addConverter(OrderId.class, String.class, OrderId::toString);
        conversions.addConverter(SaleId.class, String.class, SaleId::toString);
        return conversions;
    }
}
