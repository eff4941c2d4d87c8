package io.github.seckill.loadtest.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.redis.Reservations;

/**
 * The benchmark's set-up and check, around the load that wrk sends.
 * <ul>
 * <li>{@code prepare <api> <redisHost> <redisPort> <prefix> <sale> <users> <tokensFile>}: prewarms a sale
 * with stock enough for any run, registers and logs in the shoppers, writes one access token a line;</li>
 * <li>{@code check <redisHost> <redisPort> <prefix> <sale>}: prints the sale's stock taken, the ledger
 * entries that hold stock and those released (each accepted purchase takes one unit and holds one
 * entry; a purchase answered 503 after its reservation leaves a released one);</li>
 * <li>{@code cleanup <redisHost> <redisPort> <prefix>}: deletes the run's keys.</li>
 * </ul>
 */
public final class Bench {

    static final long STOCK = 100_000_000L;

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "prepare" -> prepare(args[1], args[2], Integer.parseInt(args[3]), args[4], Long.parseLong(args[5]),
                    Integer.parseInt(args[6]), Path.of(args[7]));
            case "check" -> check(args[1], Integer.parseInt(args[2]), args[3], Long.parseLong(args[4]));
            case "cleanup" -> withRedis(args[1], Integer.parseInt(args[2]), args[3], (redis, reservations) ->
                    redis.delete(redis.keys(args[3] + ":*")));
            default -> throw new IllegalArgumentException("prepare or check");
        }
    }

    private static void prepare(String api, String host, int port, String prefix, long sale, int users, Path tokens)
            throws Exception {
        withRedis(host, port, prefix, (redis, reservations) -> reservations.prewarm(new SaleId(sale), "Benchmark sale",
                STOCK, 1_000_000, Instant.now().minusSeconds(60), Instant.now().plusSeconds(6 * 3600),
                new BigDecimal("1.00")));
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> logins = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            String body = "{\"username\":\"" + prefix + "-u" + i + "\",\"password\":\"benchmark-password\"}";
            logins.add(pool.submit(() -> {
                post(http, api + "/api/v1/auth/register", body);
                HttpResponse<String> login = post(http, api + "/api/v1/auth/login", body);
                JsonNode token = json.readTree(login.body()).get("accessToken");
                if (token == null) {
                    throw new IllegalStateException("login failed: " + login.statusCode() + " " + login.body());
                }
                return token.asText();
            }));
        }
        List<String> lines = new ArrayList<>();
        for (Future<String> login : logins) {
            lines.add(login.get());
        }
        pool.shutdown();
        Files.write(tokens, lines);
        System.out.println("PREPARED sale=" + sale + " stock=" + STOCK + " users=" + users);
    }

    private static void check(String host, int port, String prefix, long sale) throws Exception {
        withRedis(host, port, prefix, (redis, reservations) -> {
            long taken = STOCK - reservations.remaining(new SaleId(sale)).orElseThrow();
            Map<String, Long> states = new TreeMap<>();
            redis.opsForHash().entries(reservations.keys(new SaleId(sale)).ledger()).forEach((field, value) -> {
                if (field.toString().endsWith(":s")) {
                    states.merge(value.toString(), 1L, Long::sum);
                }
            });
            long held = states.entrySet().stream().filter(e -> !e.getKey().equals("RELEASED"))
                    .mapToLong(Map.Entry::getValue).sum();
            System.out.println("CHECK taken=" + taken + " heldInLedger=" + held + " released="
                    + states.getOrDefault("RELEASED", 0L));
            return null;
        });
    }

    private static HttpResponse<String> post(HttpClient http, String url, String body)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private interface RedisWork {
        Object run(StringRedisTemplate redis, Reservations reservations) throws Exception;
    }

    private static void withRedis(String host, int port, String prefix, RedisWork work) throws Exception {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port));
        factory.afterPropertiesSet();
        try {
            StringRedisTemplate redis = new StringRedisTemplate(factory);
            work.run(redis, new Reservations(redis, prefix));
        } finally {
            factory.destroy();
        }
    }
}
