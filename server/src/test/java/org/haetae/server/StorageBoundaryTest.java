package org.haetae.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service keeps its SQL in one package: everything else reaches the database through the {@code
 * storage} interfaces, and those speak in records, not in JDBC types.
 */
class StorageBoundaryTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.haetae.server");
  }

  @Test
  void onlyStoragePostgresTalksToTheDatabase() {
    noClasses()
        .that()
        .resideInAPackage("org.haetae.server..")
        .and()
        .resideOutsideOfPackages("org.haetae.server.storage.postgres..", "org.haetae.server.db..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "org.postgresql..")
        .check(classes);
  }

  @Test
  void theStorageInterfacesDoNotDependOnTheirPostgresImplementation() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.haetae.server.storage.postgres..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.haetae.server.storage.postgres..")
        .check(classes);
  }
}
