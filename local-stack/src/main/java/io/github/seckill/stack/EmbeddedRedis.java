package io.github.seckill.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import redis.embedded.core.ExecutableProvider;
import redis.embedded.core.RedisServerBuilder;

/**
 * Redis from embedded-redis's bundled binary, persisted (append-only file) under {@code <data>/redis}.
 * The launcher runs the command the library builds as its own child: the library's
 * {@code RedisServer} would stop in its own shutdown hook, before the services that use it.
 */
final class EmbeddedRedis {

    private EmbeddedRedis() {
    }

    static ChildProcess start(Stops stops, Path home, int port, Path logs) {
        List<String> command;
        try {
            Files.createDirectories(home.resolve("bin"));
            command = new RedisServerBuilder()
                    .executableProvider(ExecutableProvider.newJarResourceProvider(home.resolve("bin").toFile()))
                    .bind(StackSettings.HOST)
                    .port(port)
                    .setting("dir \"" + home + "\"")
                    .setting("appendonly yes")
                    .buildCommandArgs();
        } catch (IOException e) {
            throw new StackFailure("cannot unpack the embedded Redis: " + e.getMessage(), e);
        }
        ChildProcess redis = ChildProcess.start(stops, "redis", command, home, Map.of(), logs);
        redis.awaitReady(Duration.ofSeconds(20), () -> Probes.isRedis(port));
        return redis;
    }
}
