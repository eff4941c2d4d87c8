package io.github.seckill.common.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.id.UserId;

class SeckillRedisAutoConfigurationTest {

    private final ApplicationContextRunner services = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SeckillRedisAutoConfiguration.class))
            .withBean(StringRedisTemplate.class, () -> mock(StringRedisTemplate.class));

    @Test
    void isRegisteredAsAnAutoConfiguration() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
                .contains(SeckillRedisAutoConfiguration.class.getName());
    }

    @Test
    void keysAndLedgerUseThePrefixSk() {
        services.run(context -> {
            assertThat(context.getBean(RedisSettings.class).keyPrefix()).isEqualTo("sk");
            assertThat(context.getBean(RedisKeys.class).prefix()).isEqualTo("sk");
            assertThat(context.getBean(Reservations.class).keys(new SaleId(5)).stock()).isEqualTo("sk:{a5}:stock");
        });
    }

    @Test
    void theKeyPrefixPropertyIsHonoured() {
        services.withPropertyValues("seckill.redis.key-prefix=t-42").run(context -> {
            assertThat(context.getBean(RedisKeys.class).prefix()).isEqualTo("t-42");
            assertThat(context.getBean(Reservations.class).userKeys(new UserId(3)).orders())
                    .isEqualTo("t-42:{u3}:orders");
        });
    }

    @Test
    void aBlankKeyPrefixStopsTheService() {
        services.withPropertyValues("seckill.redis.key-prefix= ")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasRootCauseMessage("seckill.redis.key-prefix must not be blank"));
    }

    @Test
    void aServicesOwnLedgerReplacesTheShared() {
        services.withBean("reservations", Reservations.class,
                () -> new Reservations(mock(StringRedisTemplate.class), "own", Duration.ofMinutes(5)))
                .run(context -> assertThat(context.getBean(Reservations.class).keys(new SaleId(1)).stock())
                        .isEqualTo("own:{a1}:stock"));
    }

    @Test
    void templatesHandScriptsTheirConnectionWithoutAProxy() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RedisAutoConfiguration.class,
                        SeckillRedisAutoConfiguration.class))
                .run(context -> {
                    assertThat(context.getBean(StringRedisTemplate.class).isExposeConnection()).isTrue();
                    assertThat(context.getBean("redisTemplate", RedisTemplate.class).isExposeConnection()).isTrue();
                });
    }

    @Test
    void noLedgerWithoutRedis() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SeckillRedisAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasSingleBean(RedisKeys.class);
                    assertThat(context).doesNotHaveBean(Reservations.class);
                });
    }
}
