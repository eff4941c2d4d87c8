package io.github.seckill.stack;

import static io.github.seckill.stack.StackSettings.HOST;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import com.fasterxml.jackson.databind.ObjectMapper;

import redis.clients.jedis.Jedis;

/** Asks what listens on a port, each in its own protocol: a server of the right kind is reused. */
final class Probes {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Probes() {
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Empty when a MySQL-compatible server answers and accepts the login; otherwise why not. */
    static Optional<String> mysqlRefusal(int port, String user, String password) {
        String url = "jdbc:mariadb://" + HOST + ":" + port + "/?connectTimeout=3000&socketTimeout=3000";
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            return connection.isValid(3) ? Optional.empty() : Optional.of("the connection is not usable");
        } catch (SQLException e) {
            return Optional.of(e.getMessage());
        }
    }

    static boolean isRedis(int port) {
        try (Jedis jedis = new Jedis(HOST, port, 2000)) {
            return "PONG".equals(jedis.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    static boolean isKafka(int port) {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, HOST + ":" + port,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            return !admin.describeCluster().nodes().get(4, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    /** A Spring Boot service whose {@code /actuator/health} says UP. */
    static boolean isUp(int port) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(StackSettings.url(port) + "/actuator/health"))
                            .timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    && "UP".equals(JSON.readTree(response.body()).path("status").asText());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
