package io.github.seckill.order.infra;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock every feature reads: one bean, so that a test can set the time. */
@Configuration(proxyBeanMethods = false)
class SystemClock {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
