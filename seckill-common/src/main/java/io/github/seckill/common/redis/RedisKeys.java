package io.github.seckill.common.redis;

/**
 * Every Redis key of the platform under one prefix: the keys of a sale, of a shopper, and those of no
 * single sale or shopper. Key strings are built only by {@link ActivityKeys}, {@link UserKeys} and
 * {@link NodeKeys}, which the Lua scripts and the data already in Redis depend on.
 */
public record RedisKeys(String prefix) {

    public RedisKeys {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("prefix must not be blank");
        }
    }

    public RedisKeys(RedisSettings settings) {
        this(settings.keyPrefix());
    }

    public ActivityKeys activity(long activityId) {
        return new ActivityKeys(prefix, activityId);
    }

    public UserKeys user(long userId) {
        return new UserKeys(prefix, userId);
    }

    public NodeKeys shared() {
        return new NodeKeys(prefix);
    }
}
