package io.tributary;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Layering inside modules: the domain knows neither SQL nor HTTP; nobody uses JPA or LocalDateTime for instants. */
class ArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tributary");

    @Test
    void domainDependsOnNeitherPersistenceNorWeb() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..persistence..", "..web..", "org.springframework.jdbc..",
                        "org.springframework.web..", "jakarta.servlet..")
                .check(CLASSES);
    }

    @Test
    void onlyPersistenceWritesSql() {
        noClasses().that().resideOutsideOfPackages("..persistence..", "io.tributary.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc.core..")
                .check(CLASSES);
    }

    @Test
    void noJpaAndNoLocalDateTime() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.LocalDateTime")
                .check(CLASSES);
    }
}
