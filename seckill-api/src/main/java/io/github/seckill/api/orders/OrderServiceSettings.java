package io.github.seckill.api.orders;

/**
 * The internal password's local-only default, where the start-up guard reads it. The settings themselves
 * are seckill-common's {@link io.github.seckill.common.orderservice.OrderServiceSettings}.
 */
public final class OrderServiceSettings {

    public static final String DEVELOPMENT_PASSWORD =
            io.github.seckill.common.orderservice.OrderServiceSettings.DEVELOPMENT_PASSWORD;

    private OrderServiceSettings() {
    }
}
