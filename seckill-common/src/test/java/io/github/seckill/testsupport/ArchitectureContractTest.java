package io.github.seckill.testsupport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;

/** Every layout rule fails on a package that breaks it (the fixture under {@code archfixture}). */
class ArchitectureContractTest {

    private final ArchitectureContract broken = new ArchitectureContract(
            "io.github.seckill.testsupport.archfixture", new ClassFileImporter()) {
    };

    @Test
    void aCycleBetweenFeaturesFails() {
        assertThatThrownBy(broken::featuresAreFreeOfCycles).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
    }

    @Test
    void reachingIntoAnotherFeaturesSubPackageFails() {
        assertThatThrownBy(broken::aFeatureUsesNoOtherFeaturesInternals).isInstanceOf(AssertionError.class)
                .hasMessageContaining("sales.Reports").hasMessageContaining("orders.internal.Rows")
                .hasMessageNotContaining("<io.github.seckill.testsupport.archfixture.orders.Orders.size()>");
    }

    @Test
    void valueFails() {
        assertThatThrownBy(broken::settingsComeFromSettingsRecordsNotValue).isInstanceOf(AssertionError.class)
                .hasMessageContaining("orders.Orders");
    }

    @Test
    void theDomainCallingAControllerFails() {
        assertThatThrownBy(broken::theDomainDependsOnNoController).isInstanceOf(AssertionError.class)
                .hasMessageContaining("orders.Orders").hasMessageContaining("SaleController");
    }
}
