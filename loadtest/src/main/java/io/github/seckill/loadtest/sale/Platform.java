package io.github.seckill.loadtest.sale;

import java.net.URI;

/**
 * Where the platform under load answers, and where the harness reads the sale's outcome from.
 *
 * @param api           seckill-api's base URL
 * @param admin         admin-service's base URL (its REST API under {@code /admin/api/v1}, HTTP Basic)
 * @param mysqlUrl      JDBC URL of order-service's database, for the invariant check
 * @param redisCluster  {@code host:port,...} of a Redis Cluster's nodes ({@code spring.data.redis.cluster.nodes}),
 *                      or empty for the standalone Redis on {@code redisHost:redisPort}
 * @param redisPrefix   the platform's Redis key prefix ({@code seckill.redis.key-prefix})
 * @param jwtSecret     seckill-api's signing key, only for {@link TokenSource#SIGNED} shoppers
 */
public record Platform(URI api, URI admin, String adminUser, String adminPassword, String mysqlUrl,
        String mysqlUser, String mysqlPassword, String redisHost, int redisPort, String redisCluster,
        String redisPrefix,
        String jwtSecret, String jwtIssuer, String jwtAudience) {

    /** The platform as {@code local-stack/run.sh} starts it, unless {@code sale.*} system properties say otherwise. */
    public static Platform fromSystemProperties() {
        return new Platform(URI.create(prop("api", "http://127.0.0.1:8080")),
                URI.create(prop("admin", "http://127.0.0.1:8081")), prop("admin-user", "admin"),
                prop("admin-password", "admin"),
                prop("mysql-url", "jdbc:mysql://127.0.0.1:3306/seckill_order?useSSL=false&allowPublicKeyRetrieval=true"),
                prop("mysql-user", "root"), prop("mysql-password", ""), prop("redis-host", "127.0.0.1"),
                Integer.parseInt(prop("redis-port", "6379")), prop("redis-cluster", ""), prop("redis-prefix", "sk"),
                prop("jwt-secret", System.getenv().getOrDefault("SECKILL_JWT_SECRET",
                        "local-development-secret-change-me-0123456789")),
                prop("jwt-issuer", "seckill"), prop("jwt-audience", "seckill-api"));
    }

    static String prop(String name, String fallback) {
        return System.getProperty("sale." + name, fallback);
    }
}
