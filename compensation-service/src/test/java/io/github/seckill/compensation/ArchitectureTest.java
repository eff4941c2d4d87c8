package io.github.seckill.compensation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Module boundaries: other services are reached only through seckill-common contracts. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.github.seckill.compensation");
    }

    @Test
    void dependsOnNoOtherService() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.github.seckill.api..", "io.github.seckill.admin..", "io.github.seckill.order..")
                .because("services share only seckill-common contracts")
                .check(classes);
    }

    @Test
    void featuresAreFreeOfCycles() {
        slices().matching("io.github.seckill.compensation.(*)..").should().beFreeOfCycles().check(classes);
    }
}
