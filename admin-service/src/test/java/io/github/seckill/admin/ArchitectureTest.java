package io.github.seckill.admin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Module boundaries: only seckill-common contracts from outside, and controllers go through services.
 * Plain JUnit tests, so that Surefire runs and counts every rule.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.github.seckill.admin");
    }

    @Test
    void dependsOnNoOtherService() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "io.github.seckill.api..", "io.github.seckill.order..", "io.github.seckill.compensation..",
                "io.github.seckill.coordinator..")
                .because("services share only seckill-common contracts")
                .check(classes);
    }

    @Test
    void controllersGoThroughServices() {
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .because("controllers go through the feature's service")
                .check(classes);
    }

    @Test
    void featuresAreFreeOfCycles() {
        slices().matching("io.github.seckill.admin.(*)..").should().beFreeOfCycles().check(classes);
    }
}
