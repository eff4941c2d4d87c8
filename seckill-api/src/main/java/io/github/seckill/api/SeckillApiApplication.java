package io.github.seckill.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SeckillApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(SeckillApiApplication.class, args);
    }
}
