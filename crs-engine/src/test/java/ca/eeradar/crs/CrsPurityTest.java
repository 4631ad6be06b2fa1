package ca.eeradar.crs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine stays a pure Java package, readable beside the official tables and usable anywhere (issue 3). */
class CrsPurityTest {

    @Test
    void engineImportsNoFrameworks() {
        JavaClasses engine = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ca.eeradar.crs");
        org.junit.jupiter.api.Assertions.assertTrue(engine.size() > 10, "the engine's classes were imported");
        noClasses()
                .that()
                .resideInAPackage("ca.eeradar.crs..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.quarkus..",
                        "jakarta..",
                        "javax..",
                        "com.fasterxml..",
                        "org.hibernate..",
                        "io.smallrye..",
                        "org.eclipse.microprofile..")
                .because("the CRS engine is pure Java: no Quarkus, Jakarta, Jackson or Hibernate")
                .check(engine);
    }

    @Test
    void engineDoesNotReachIntoTheService() {
        JavaClasses engine = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ca.eeradar.crs");
        noClasses()
                .that()
                .resideInAPackage("ca.eeradar.crs..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "ca.eeradar.scoring..",
                        "ca.eeradar.kit..",
                        "ca.eeradar.contracts",
                        "ca.eeradar.contracts.rounds..")
                .because(
                        "the engine reads only the shared validity rules of contracts (contracts.rules), never events or services")
                .check(engine);
    }
}
