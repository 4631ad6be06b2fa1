package ca.eeradar.forecast;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The forecast is one pure unit: whatever runs it (a Kafka Streams task, a REST resource) brings the framework. */
class FrameworkFreeTest {
    @Test
    void noFrameworkInTheForecast() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ca.eeradar.forecast");
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.quarkus..",
                        "org.apache.kafka..",
                        "jakarta..",
                        "javax.inject..",
                        "io.smallrye..",
                        "org.jboss..",
                        "io.vertx..",
                        "ca.eeradar.ingest..",
                        "ca.eeradar.scoring..",
                        "ca.eeradar.query..",
                        "ca.eeradar.kit..")
                .check(classes);
    }
}
