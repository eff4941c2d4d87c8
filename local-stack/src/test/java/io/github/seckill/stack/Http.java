package io.github.seckill.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A JSON-over-HTTP client for the end-to-end tests. */
final class Http {

    record Response(int status, Map<String, Object> body, HttpResponse<String> raw) {

        /** The body as a JSON array of objects. */
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list() {
            try {
                return JSON.readValue(raw.body(), List.class);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    Response post(URI uri, String authorization, Object body) {
        return post(uri, authorization, body, Map.of());
    }

    Response post(URI uri, String authorization, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : JSON.writeValueAsString(body)));
            headers.forEach(request::header);
            return send(request, authorization);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Response get(URI uri, String authorization) {
        return send(HttpRequest.newBuilder(uri).GET(), authorization);
    }

    private Response send(HttpRequest.Builder request, String authorization) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, Object> body = response.body().isBlank() || !response.body().startsWith("{") ? Map.of()
                    : JSON.readValue(response.body(), Map.class);
            return new Response(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
