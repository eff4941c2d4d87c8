package io.github.seckill.api.purchase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.github.seckill.testsupport.Endpoint;
import io.github.seckill.testsupport.TestServers;

/**
 * Connections to the test run's Redis, straight or through a TCP proxy a test cuts (NetCrusher), with the
 * shopper API's 500 ms command timeout; everything opened here, and what a test hands to {@link #closing},
 * is closed last opened first.
 */
final class RedisLinks implements AutoCloseable {

    private final Deque<AutoCloseable> open = new ArrayDeque<>();
    private NioReactor reactor;

    StringRedisTemplate direct() {
        return template(TestServers.redis().host(), TestServers.redis().port());
    }

    /** A proxy in front of the test run's Redis: {@code freeze()} holds every packet, {@code close()} resets. */
    TcpCrusher proxy() {
        try {
            if (reactor == null) {
                reactor = new NioReactor();
                open.push(reactor::close);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TcpCrusher crusher = TcpCrusherBuilder.builder().withReactor(reactor)
                .withBindAddress("127.0.0.1", Endpoint.freePort())
                .withConnectAddress(TestServers.redis().host(), TestServers.redis().port()).buildAndOpen();
        open.push(crusher::close);
        return crusher;
    }

    StringRedisTemplate through(TcpCrusher proxy) {
        return template(proxy.getBindAddress().getHostString(), proxy.getBindAddress().getPort());
    }

    <T extends AutoCloseable> T closing(T thing) {
        open.push(thing);
        return thing;
    }

    private StringRedisTemplate template(String host, int port) {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
        factory.afterPropertiesSet();
        open.push(factory::destroy);
        return new StringRedisTemplate(factory);
    }

    @Override
    public void close() throws Exception {
        while (!open.isEmpty()) {
            open.pop().close();
        }
    }
}
