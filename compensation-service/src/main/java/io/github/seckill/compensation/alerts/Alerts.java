package io.github.seckill.compensation.alerts;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends alerts to the configured webhook on a thread of its own, retrying with back-off. An alert
 * that cannot be sent is logged and counted ({@code compensation_alerts_total{outcome="failed"}});
 * compensation never waits for it.
 */
@Component
public class Alerts implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Alerts.class);

    private final AlertSettings settings;
    private final MeterRegistry meters;
    private final RestClient http;
    private final RetryTemplate retry;
    private final ExecutorService sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(1000), r -> new Thread(r, "alert-sender"));

    Alerts(AlertSettings settings, MeterRegistry meters, RestClient.Builder builder) {
        this.settings = settings;
        this.meters = meters;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(java.time.Duration.ofSeconds(3));
        requests.setReadTimeout(java.time.Duration.ofSeconds(5));
        this.http = builder.requestFactory(requests).build();
        long first = Math.max(1, settings.backoff().toMillis());
        this.retry = RetryTemplate.builder().maxAttempts(Math.max(1, settings.attempts()))
                .exponentialBackoff(first, 2.0, first * 16).retryOn(RestClientException.class).build();
    }

    public void raise(Alert alert) {
        log.warn("alert [{}] {}: {} (order {}, sale {})", alert.severity(), alert.title(), alert.text(),
                alert.orderId(), alert.activityId());
        if (!settings.enabled()) {
            count(alert, "off");
            return;
        }
        try {
            sender.execute(() -> send(alert));
        } catch (RejectedExecutionException e) {
            log.error("alert dropped, sender queue full: {}", alert.title());
            count(alert, "dropped");
        }
    }

    private void send(Alert alert) {
        try {
            retry.execute(ctx -> http.post().uri(settings.url()).contentType(MediaType.APPLICATION_JSON)
                    .body(settings.shape().body(alert)).retrieve().toBodilessEntity());
            count(alert, "sent");
        } catch (RuntimeException e) {
            log.error("alert not sent after {} tries: {} ({})", settings.attempts(), alert.title(), e.getMessage());
            count(alert, "failed");
        }
    }

    private void count(Alert alert, String outcome) {
        meters.counter("compensation.alerts", "severity", alert.severity(), "outcome", outcome).increment();
    }

    @Override
    public void destroy() throws InterruptedException {
        sender.shutdown();
        sender.awaitTermination(5, TimeUnit.SECONDS);
    }
}
