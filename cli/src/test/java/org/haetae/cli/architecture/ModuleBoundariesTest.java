package org.haetae.cli.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Module dependencies stay one-way as DESIGN.md draws them, and frameworks stay at the edge: the
 * core modules are plain Java libraries.
 */
class ModuleBoundariesTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.haetae");
  }

  @Test
  void hashingDependsOnNoOtherModule() {
    noClasses()
        .that()
        .resideInAPackage("org.haetae.hashing..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.haetae.matching..",
            "org.haetae.evidence..",
            "org.haetae.telegram..",
            "org.haetae.demo..",
            "org.haetae.cli..")
        .check(classes);
  }

  @Test
  void theDemoGeneratorWritesExportsFromHashingAloneAndOnlyTheCliRunsIt() {
    // Its ground truth measures the reader and the analysis, so it must not be built from them.
    noClasses()
        .that()
        .resideInAPackage("org.haetae.demo..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.haetae.matching..",
            "org.haetae.evidence..",
            "org.haetae.telegram..",
            "org.haetae.analysis..",
            "org.haetae.report..",
            "org.haetae.notices..",
            "org.haetae.faces..",
            "org.haetae.pipeline..",
            "org.haetae.server..",
            "org.haetae.cli..")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackages("org.haetae.demo..", "org.haetae.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.haetae.demo..")
        .check(classes);
  }

  @Test
  void matchingDependsOnlyOnHashing() {
    noClasses()
        .that()
        .resideInAPackage("org.haetae.matching..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.haetae.evidence..", "org.haetae.telegram..", "org.haetae.cli..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void evidenceAndTelegramStandAlone() {
    noClasses()
        .that()
        .resideInAnyPackage("org.haetae.evidence..", "org.haetae.telegram..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.haetae.matching..", "org.haetae.cli..")
        .allowEmptyShould(true)
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("org.haetae.evidence..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.haetae.telegram..")
        .allowEmptyShould(true)
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("org.haetae.telegram..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.haetae.evidence..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void analysisReadsRecordsButNeverTheVaultOrTheCli() {
    noClasses()
        .that()
        .resideInAPackage("org.haetae.analysis..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.haetae.evidence..", "org.haetae.report..", "org.haetae.cli..")
        .check(classes);
  }

  @Test
  void pipelineRunsJobsForEveryFrontEndButKnowsNone() {
    noClasses()
        .that()
        .resideInAPackage("org.haetae.pipeline..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.haetae.cli..", "org.haetae.server..", "picocli..")
        .check(classes);
  }

  @Test
  void reportRendersWhatAnalysisFoundButNeverRunsTheCli() {
    noClasses()
        .that()
        .resideInAPackage("org.haetae.report..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.haetae.cli..", "org.haetae.telegram.read..")
        .check(classes);
  }

  @Test
  void noticesAreWrittenFromTheirRequestAloneNeverFromCasesOrTheService() {
    noClasses()
        .that()
        .resideInAPackage("org.haetae.notices..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.haetae.cli..",
            "org.haetae.server..",
            "org.haetae.pipeline..",
            "org.haetae.evidence..",
            "org.haetae.telegram..")
        .check(classes);
  }

  @Test
  void facesKnowImagesAndModelsNotCasesOrTheService() {
    noClasses()
        .that()
        .resideInAPackage("org.haetae.faces..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.haetae.cli..",
            "org.haetae.server..",
            "org.haetae.pipeline..",
            "org.haetae.evidence..",
            "org.haetae.telegram..",
            "org.haetae.analysis..",
            "org.haetae.matching..")
        .check(classes);
  }

  @Test
  void coreModulesUseNoFrameworkAndNoCliLibrary() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.haetae.hashing..",
            "org.haetae.matching..",
            "org.haetae.evidence..",
            "org.haetae.telegram..",
            "org.haetae.demo..",
            "org.haetae.analysis..",
            "org.haetae.report..",
            "org.haetae.notices..",
            "org.haetae.faces..",
            "org.haetae.pipeline..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "jakarta..",
            "javax.inject..",
            "picocli..",
            "com.google.inject..")
        .check(classes);
  }
}
