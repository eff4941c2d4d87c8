package io.github.seckill.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;

/**
 * The layout rules every service keeps, run by each service's {@code ArchitectureTest} on its own classes:
 * features (the packages right under the service's root) free of cycles, a feature reaching another only
 * through that feature's own package (its sub-packages are its internals), settings read through
 * {@code @ConfigurationProperties} records and never {@code @Value}, and the web layer apart from the
 * domain (nothing but the web layer depends on a controller or an advice). The classes are imported once per
 * test class, not once per rule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ArchitectureContract {

    private final String root;
    private final JavaClasses classes;

    protected ArchitectureContract(String root) {
        this(root, new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS));
    }

    ArchitectureContract(String root, ClassFileImporter importer) {
        this.root = root;
        this.classes = importer.importPackages(root);
    }

    protected JavaClasses classes() {
        return classes;
    }

    @Test
    void featuresAreFreeOfCycles() {
        slices().matching(root + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void aFeatureUsesNoOtherFeaturesInternals() {
        ArchRuleDefinition.classes().should(stayOutOfOtherFeaturesSubPackages()).check(classes);
    }

    @Test
    void settingsComeFromSettingsRecordsNotValue() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName(Value.class.getName())
                .because("settings are @ConfigurationProperties records, validated and documented in one place")
                .check(classes);
    }

    @Test
    void theDomainDependsOnNoController() {
        DescribedPredicate<JavaClass> web = DescribedPredicate.describe("web layer",
                c -> c.isMetaAnnotatedWith(Controller.class) || c.isMetaAnnotatedWith(ControllerAdvice.class));
        DescribedPredicate<JavaClass> controllers = DescribedPredicate.describe("controllers",
                c -> !c.isAnnotation() && c.isMetaAnnotatedWith(Controller.class));
        noClasses().that(DescribedPredicate.not(web)).should().dependOnClassesThat(controllers)
                .because("the web layer calls the domain, never the other way round")
                .check(classes);
    }

    private ArchCondition<JavaClass> stayOutOfOtherFeaturesSubPackages() {
        return new ArchCondition<>("stay out of other features' sub-packages") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String from = feature(item.getPackageName());
                for (Dependency d : item.getDirectDependenciesFromSelf()) {
                    String target = d.getTargetClass().getPackageName();
                    String to = feature(target);
                    if (to != null && !to.equals(from) && !target.equals(root + "." + to)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }

    /** The feature a package belongs to (the first segment under the root), or null outside the root. */
    private String feature(String packageName) {
        if (!packageName.startsWith(root + ".")) {
            return null;
        }
        String rest = packageName.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
