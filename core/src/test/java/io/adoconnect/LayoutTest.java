package io.adoconnect;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the package layout of DESIGN.md and STYLE.md honest. */
class LayoutTest {
  private static final String[] AREAS = {
    "io.adoconnect.organizations..",
    "io.adoconnect.projects..",
    "io.adoconnect.repositories..",
    "io.adoconnect.git..",
    "io.adoconnect.pullrequests..",
    "io.adoconnect.builds..",
    "io.adoconnect.pipelines..",
    "io.adoconnect.releases..",
    "io.adoconnect.workitems..",
    "io.adoconnect.hooks.."
  };
  private static JavaClasses core;

  @BeforeAll
  static void load() {
    core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.adoconnect");
  }

  @Test
  void areaClientsDoNotDependOnEachOther() {
    for (String area : AREAS) {
      for (String other : AREAS) {
        if (!area.equals(other)) {
          noClasses()
              .that()
              .resideInAPackage(area)
              .should()
              .dependOnClassesThat()
              .resideInAPackage(other)
              .check(core);
        }
      }
    }
  }

  @Test
  void onlyTheHttpPackageTouchesJavaNetHttp() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.adoconnect.http..", "io.adoconnect.simulator..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("java.net.http..")
        .check(core);
  }

  /**
   * Core is a library every front-end embeds (CLI, service, MCP, another JVM application): it
   * depends on none of them, nor on their frameworks. The front-end rules (no area client built
   * outside core, one path parser) live in cli's {@code FrontEndLayoutTest}, the one module that
   * sees all three.
   */
  @Test
  void coreKnowsNothingOfTheCliServerOrSimulator() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.adoconnect.simulator..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.adoconnect.cli..",
            "io.adoconnect.server..",
            "io.adoconnect.simulator..",
            "picocli..",
            "io.javalin..",
            // what Javalin runs on, and a logging backend: a front-end's choices, not the library's
            "org.eclipse.jetty..",
            "jakarta.servlet..",
            "ch.qos.logback..")
        .check(core);
  }

  @Test
  void storageAndCryptoDoNotCallAzureDevOps() {
    noClasses()
        .that()
        .resideInAnyPackage("io.adoconnect.store..", "io.adoconnect.vault..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.adoconnect.http..",
            "io.adoconnect.discovery..",
            "io.adoconnect.connect..",
            "io.adoconnect.organizations..",
            "io.adoconnect.projects..",
            "io.adoconnect.repositories..",
            "io.adoconnect.git..",
            "io.adoconnect.pullrequests..",
            "io.adoconnect.builds..",
            "io.adoconnect.pipelines..",
            "io.adoconnect.hooks..")
        .check(core);
  }

  @Test
  void onlyTheConnectUseCasesOpenTheStore() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.adoconnect.connect..", "io.adoconnect.store..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.adoconnect.store..")
        .check(core);
  }
}
