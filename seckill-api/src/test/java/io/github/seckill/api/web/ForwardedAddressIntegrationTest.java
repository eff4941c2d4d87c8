package io.github.seckill.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.github.seckill.api.ApiTestSupport;

/**
 * Behind a load balancer every connection comes from the balancer: the per-address limits mean per client
 * only if seckill-api reads the client's address from {@code X-Forwarded-For}, and only when the balancer
 * sent it. Here the balancer is 127.0.0.1 ({@code server.tomcat.remoteip.internal-proxies}); another
 * loopback address (127.0.0.2) stands for a client that reaches the instance directly and forges the header.
 */
@TestPropertySource(properties = {
        "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1",
        "seckill.limits.auth-ip=3/1m" })
class ForwardedAddressIntegrationTest extends ApiTestSupport {

    private static final String PROXY = "127.0.0.1";
    private static final String DIRECT = "127.0.0.2";

    @LocalServerPort
    int port;

    @Test
    void throughTheProxyEachForwardedClientHasItsOwnLimit() throws IOException {
        String client = forwardedAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(logIn(PROXY, client)).as("attempt %d of %s", i + 1, client).isEqualTo(401);
        }
        assertThat(logIn(PROXY, client)).as("%s over its limit", client).isEqualTo(429);
        assertThat(logIn(PROXY, forwardedAddress())).as("another client behind the same proxy").isEqualTo(401);
    }

    @Test
    void aForgedHeaderFromAnyoneButTheProxyIsNotBelieved() throws IOException {
        for (int i = 0; i < 3; i++) {
            assertThat(logIn(DIRECT, forwardedAddress())).as("attempt %d from %s", i + 1, DIRECT).isEqualTo(401);
        }
        // a new forged address each time, and still the one limit of the connection's own address
        assertThat(logIn(DIRECT, forwardedAddress())).as("%s over its limit", DIRECT).isEqualTo(429);
    }

    /** A documentation address (RFC 5737) no other test uses. */
    private static String forwardedAddress() {
        int n = UUID.randomUUID().hashCode();
        return "198.51." + ((n >>> 8) & 0xff) + "." + (n & 0xff);
    }

    /** A log-in with a wrong password from {@code from}, the header saying it is {@code forwardedFor}'s; the status. */
    private int logIn(String from, String forwardedFor) throws IOException {
        String body = "{\"username\":\"nobody\",\"password\":\"not-the-password\"}";
        String request = "POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + "Content-Type: application/json\r\nX-Forwarded-For: " + forwardedFor + "\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII); // "HTTP/1.1 401"
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}
