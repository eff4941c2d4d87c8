package io.github.seckill.common.orderservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The one settings record under seckill.order-service, and the auto-configuration that builds the client. */
class OrderServiceSettingsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OrderServiceAutoConfiguration.class));

    @Test
    void defaultsAreTheLocalOrderService() {
        context.run(c -> {
            assertThat(c).hasSingleBean(OrderServiceApi.class);
            OrderServiceSettings s = c.getBean(OrderServiceSettings.class);
            assertThat(s.url()).isEqualTo(URI.create("http://127.0.0.1:8082"));
            assertThat(s.username()).isEqualTo("internal");
            assertThat(s.password()).isEqualTo(OrderServiceSettings.DEVELOPMENT_PASSWORD);
            assertThat(s.connectTimeout()).isEqualTo(Duration.ofMillis(500));
            assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(2));
        });
    }

    @Test
    void timeoutSetsBothUnlessOneIsSetItself() {
        context.withPropertyValues("seckill.order-service.url=http://orders:8082",
                "seckill.order-service.password=p", "seckill.order-service.timeout=5s",
                "seckill.order-service.read-timeout=7s").run(c -> {
                    OrderServiceSettings s = c.getBean(OrderServiceSettings.class);
                    assertThat(s.url()).isEqualTo(URI.create("http://orders:8082"));
                    assertThat(s.password()).isEqualTo("p");
                    assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(7));
                });
    }

    @Test
    void refusesSettingsThatCannotWork() {
        URI url = URI.create("http://127.0.0.1:8082");
        assertThatThrownBy(() -> new OrderServiceSettings(URI.create("orders:8082"), "u", "p", null, null, null))
                .hasMessageContaining("url");
        assertThatThrownBy(() -> new OrderServiceSettings(url, " ", "p", null, null, null))
                .hasMessageContaining("username");
        assertThatThrownBy(() -> new OrderServiceSettings(url, "u", "p", Duration.ZERO, null, null))
                .hasMessageContaining("connect-timeout");
        assertThatThrownBy(() -> new OrderServiceSettings(url, "u", "p", null, null, Duration.ofSeconds(-1)))
                .hasMessageContaining("read-timeout");
        context.withPropertyValues("seckill.order-service.connect-timeout=0s")
                .run(c -> assertThat(c).hasFailed());
    }
}
