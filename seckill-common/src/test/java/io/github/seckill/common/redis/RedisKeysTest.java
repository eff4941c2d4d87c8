package io.github.seckill.common.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The exact key strings: the Lua scripts and the data already in Redis depend on them, so a change
 * here is a migration, not a refactoring.
 */
class RedisKeysTest {

    private final RedisKeys keys = new RedisKeys(new RedisSettings("sk"));

    @Test
    void saleKeysShareTheSalesHashTag() {
        ActivityKeys sale = keys.activity(42);

        assertThat(sale.stock()).isEqualTo("sk:{a42}:stock");
        assertThat(sale.meta()).isEqualTo("sk:{a42}:meta");
        assertThat(sale.buyers()).isEqualTo("sk:{a42}:buyers");
        assertThat(sale.ledger()).isEqualTo("sk:{a42}:ledger");
        assertThat(sale.pending()).isEqualTo("sk:{a42}:pending");
        assertThat(sale.failed()).isEqualTo("sk:{a42}:failed");
        assertThat(sale.rateLimit()).isEqualTo("sk:{a42}:limit");
        assertThat(sale.replicated()).isEqualTo("sk:{a42}:replicated");
        assertThat(sale.all()).containsExactly("sk:{a42}:meta", "sk:{a42}:stock", "sk:{a42}:buyers",
                "sk:{a42}:ledger", "sk:{a42}:pending", "sk:{a42}:failed", "sk:{a42}:limit");
        assertThat(sale.forReserve()).containsExactly("sk:{a42}:meta", "sk:{a42}:stock", "sk:{a42}:buyers",
                "sk:{a42}:ledger", "sk:{a42}:pending");
        assertThat(sale.forRelease()).containsExactly("sk:{a42}:stock", "sk:{a42}:buyers", "sk:{a42}:ledger",
                "sk:{a42}:pending", "sk:{a42}:failed");
    }

    @Test
    void shopperKeysShareTheShoppersHashTag() {
        UserKeys shopper = keys.user(7);

        assertThat(shopper.orders()).isEqualTo("sk:{u7}:orders");
        assertThat(shopper.idempotency("3f2a-key")).isEqualTo("sk:{u7}:idem:3f2a-key");
        assertThat(shopper.refreshToken("t-1")).isEqualTo("sk:{u7}:refresh:t-1");
        assertThat(shopper.rateLimit()).isEqualTo("sk:{u7}:bucket");
    }

    @Test
    void sharedKeysAndChannelsCarryNoHashTag() {
        NodeKeys shared = keys.shared();

        assertThat(shared.lease(1023)).isEqualTo("sk:node:1023");
        assertThat(shared.catalogue()).isEqualTo("sk:sales");
        assertThat(shared.globalRateLimit()).isEqualTo("sk:limit:global");
        assertThat(shared.ipRateLimit("203.0.113.9")).isEqualTo("sk:limit:ip:203.0.113.9");
        assertThat(shared.authRateLimit("2001:db8::1")).isEqualTo("sk:limit:auth:2001:db8::1");
        assertThat(shared.soldOutChannel()).isEqualTo("sk:sold-out");
        assertThat(shared.restockedChannel()).isEqualTo("sk:restocked");
    }

    @Test
    void everyKeyStartsWithTheConfiguredPrefix() {
        RedisKeys test = new RedisKeys("t-1a2b");

        assertThat(test.activity(1).stock()).isEqualTo("t-1a2b:{a1}:stock");
        assertThat(test.user(1).orders()).isEqualTo("t-1a2b:{u1}:orders");
        assertThat(test.shared().lease(0)).isEqualTo("t-1a2b:node:0");
    }

    @Test
    void aBlankPrefixIsRefused() {
        assertThatThrownBy(() -> new RedisSettings(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seckill.redis.key-prefix");
        assertThatThrownBy(() -> new RedisSettings(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RedisKeys("")).isInstanceOf(IllegalArgumentException.class);
    }
}
