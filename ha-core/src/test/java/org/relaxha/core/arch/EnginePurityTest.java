package org.relaxha.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pure packages of ha-core (engine, detection, placement, policies, persistent collections)
 * import no I/O, no threads, no clock and no ambient randomness; only the runtime shell and the
 * journal do. And ha-core's pure parts do not reach into the shell.
 */
class EnginePurityTest {
  private static final String[] PURE = {
    "org.relaxha.core.engine..",
    "org.relaxha.core.detect..",
    "org.relaxha.core.placement..",
    "org.relaxha.core.policy..",
    "org.relaxha.core.collect.."
  };

  private static JavaClasses core;

  @BeforeAll
  static void importClasses() {
    core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.relaxha.core");
  }

  @Test
  void pureCodeDoesNoIo() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAnyPackage(PURE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.io..", "java.nio..", "java.net..", "java.sql..")
            .because("the engine and its helpers must stay pure (DESIGN.md section 1)");
    rule.check(core);
  }

  @Test
  void pureCodeStartsNoThreads() {
    noClasses()
        .that()
        .resideInAnyPackage(PURE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.util.concurrent..")
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(Thread.class)
        .because("the engine is single-threaded by construction")
        .check(core);
  }

  @Test
  void pureCodeReadsNoClockAndNoAmbientRandomness() {
    noClasses()
        .that()
        .resideInAnyPackage(PURE)
        .should()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .orShould()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(LocalDateTime.class, "now")
        .orShould()
        .callMethod(Math.class, "random")
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(Clock.class)
        .orShould()
        .dependOnClassesThat()
        .areAssignableTo(InstantSource.class)
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.util.Random")
        .because("every instant comes with an input; the engine reads no clock")
        .check(core);
  }

  @Test
  void pureCodeDoesNotDependOnTheShellOrTheJournal() {
    noClasses()
        .that()
        .resideInAnyPackage(PURE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.relaxha.core.runtime..", "org.relaxha.core.journal..", "org.slf4j..")
        .check(core);
  }

  @Test
  void spiIsReferencedButNeverReferencesCore() {
    noClasses()
        .that()
        .resideInAPackage("org.relaxha.spi..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.relaxha.core..")
        .check(new ClassFileImporter().importPackages("org.relaxha.spi"));
  }
}
