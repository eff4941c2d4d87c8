package io.github.seckill.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * HAProxy in front of the seckill-api instances of a cluster stack: round robin over the instances that answer
 * their health check, a request whose connection an instance refused tried on the other, the shopper's address
 * passed on in {@code X-Forwarded-For}. It connects to the instances from {@link ClusterLayout#BALANCER_SOURCE},
 * the one address they take that header from.
 */
final class Balancer {

    private static final List<Path> PLACES = Stream.of("/usr/sbin", "/usr/local/sbin", "/usr/bin", "/usr/local/bin")
            .map(dir -> Path.of(dir, "haproxy")).toList();

    private Balancer() {
    }

    /** The haproxy executable; fails, saying what to install, where there is none. */
    static Path executable() {
        return PLACES.stream().filter(Files::isExecutable).findFirst().orElseThrow(() -> new StackFailure(
                "--cluster needs HAProxy in front of the seckill-api instances, and there is no haproxy in " + PLACES
                        + ": install it (Debian: apt-get install haproxy)"));
    }

    static ChildProcess start(Stops stops, StackSettings settings, int port, List<ServiceJars.Service> apis) {
        Path haproxy = executable();
        Path home = settings.data().resolve("haproxy");
        Path config = home.resolve("haproxy.cfg");
        try {
            Files.createDirectories(home);
            Files.writeString(config, config(port, apis));
        } catch (IOException e) {
            throw new StackFailure("cannot write " + config + ": " + e.getMessage(), e);
        }
        // -db: in the foreground, so that the stack stops it as any other child
        ChildProcess balancer = ChildProcess.start(stops, "haproxy",
                List.of(haproxy.toString(), "-db", "-f", config.toString()), home, Map.of(), settings.logs());
        balancer.awaitReady(Duration.ofSeconds(30), () -> Probes.isUp(port));
        return balancer;
    }

    static String config(int port, List<ServiceJars.Service> apis) {
        StringBuilder servers = new StringBuilder();
        for (ServiceJars.Service api : apis) {
            servers.append("    server %s %s:%d check inter 1s fall 2 rise 2%n"
                    .formatted(api.name(), StackSettings.HOST, api.port()));
        }
        return """
                global
                    # no maxconn: HAProxy takes what the open-files limit allows

                defaults
                    mode http
                    timeout connect 1s
                    timeout client 30s
                    timeout server 30s
                    timeout http-keep-alive 30s
                    # the shopper's address, appended to whatever X-Forwarded-For the request carried
                    option forwardfor
                    # a connection an instance refused (it died) is tried once more, on the other instance;
                    # a request an instance took is never sent twice: the shopper retries it with its key
                    retries 1
                    option redispatch
                    retry-on conn-failure

                frontend shoppers
                    bind %s:%d
                    default_backend seckill-api

                backend seckill-api
                    balance roundrobin
                    source %s
                    option httpchk GET /actuator/health
                    http-check expect status 200
                %s""".formatted(StackSettings.HOST, port, ClusterLayout.BALANCER_SOURCE, servers);
    }
}
