package io.github.seckill.common.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Lua scripts read from the class path once, at class initialisation. A script built from a
 * resource location instead checks the resource's modification time on every call, which inside
 * a Spring Boot jar means resolving a nested-jar URL per Redis call: measurable on the purchase path.
 */
public final class LuaScripts {

    private LuaScripts() {
    }

    /** The script at {@code path} on the class path, answering {@code type}. */
    public static <T> RedisScript<T> load(String path, Class<T> type) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return RedisScript.of(new String(in.readAllBytes(), StandardCharsets.UTF_8), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Lua script " + path, e);
        }
    }
}
