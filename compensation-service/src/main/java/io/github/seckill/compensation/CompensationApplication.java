package io.github.seckill.compensation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The compensation service: retry ladder, DLQ, archive, alerts, the ops API and the scheduled
 * sweepers for orders that order-service could not place on the first try.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CompensationApplication {

    public static void main(String[] args) {
        SpringApplication.run(CompensationApplication.class, args);
    }
}
