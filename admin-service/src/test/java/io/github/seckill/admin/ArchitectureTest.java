package io.github.seckill.admin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.web.bind.annotation.RestController;

import io.github.seckill.testsupport.ArchitectureContract;

/** The platform's layout rules (seckill-common's {@link ArchitectureContract}), and one of the back office's. */
class ArchitectureTest extends ArchitectureContract {

    ArchitectureTest() {
        super("io.github.seckill.admin");
    }

    @Test
    void controllersGoThroughServices() {
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .because("controllers go through the feature's service")
                .check(classes());
    }
}
