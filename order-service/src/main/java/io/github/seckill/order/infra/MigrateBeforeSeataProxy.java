package io.github.seckill.order.infra;

import javax.sql.DataSource;

import org.apache.seata.rm.datasource.SeataDataSourceProxy;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.stereotype.Component;

/**
 * Seata's AT proxy refuses a database without {@code undo_log} the moment it wraps the data source,
 * which is before Spring Boot's Flyway would run. So the schema is migrated here, on the raw data
 * source, just before Seata wraps it ({@code spring.flyway.enabled} is off for that reason).
 */
@Component
class MigrateBeforeSeataProxy implements BeanPostProcessor, PriorityOrdered {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof SeataDataSourceProxy)) {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        }
        return bean;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
