package org.relaxha.examples.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering of DESIGN.md over every RelaxHA class on the launcher's class path (which holds
 * every module): only ha-core itself, the launcher, the simulator and the benchmarks may use
 * ha-core; adapters and the testkit depend on ha-spi alone; ha-spi depends on nothing of ours.
 */
class LayeringTest {
  private static final JavaClasses ALL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.relaxha");

  @Test
  void onlyTheLauncherSimulatorAndBenchmarksUseTheCore() {
    noClasses()
        .that()
        .resideInAPackage("org.relaxha..")
        .and()
        .resideOutsideOfPackages(
            "org.relaxha.core..",
            "org.relaxha.examples..",
            "org.relaxha.sim..",
            "org.relaxha.benchmarks..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.relaxha.core..")
        .because("adapters depend on ha-spi, never on ha-core (DESIGN.md section 2)")
        .check(ALL);
  }

  @Test
  void theSpiDependsOnNothingOfOurs() {
    noClasses()
        .that()
        .resideInAPackage("org.relaxha.spi..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("org.relaxha.spi..", "java..")
        .check(ALL);
  }

  @Test
  void theCoreDoesNotKnowTheLauncherOrAnyAdapter() {
    noClasses()
        .that()
        .resideInAPackage("org.relaxha.core..")
        .should()
        .dependOnClassesThat(
            JavaClass.Predicates.resideInAPackage("org.relaxha..")
                .and(
                    DescribedPredicate.not(
                        JavaClass.Predicates.resideInAnyPackage(
                            "org.relaxha.core..", "org.relaxha.spi.."))))
        .check(ALL);
  }
}
