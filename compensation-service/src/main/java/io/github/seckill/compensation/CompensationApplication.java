package io.github.seckill.compensation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The compensation service: retry ladder, DLQ, archive and alerts for failed orders. For now it
 * only runs (health and metrics); order-service already publishes to {@code seckill.order.failed}.
 */
@SpringBootApplication
public class CompensationApplication {

    public static void main(String[] args) {
        SpringApplication.run(CompensationApplication.class, args);
    }
}
