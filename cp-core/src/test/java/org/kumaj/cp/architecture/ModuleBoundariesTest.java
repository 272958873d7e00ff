package org.kumaj.cp.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module map of docs/architecture.md, enforced. */
class ModuleBoundariesTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.kumaj");

  @Test
  void coreNeverDependsOnARoleModule() {
    noClasses().that().resideInAPackage("org.kumaj.cp..")
        .and().resideOutsideOfPackages("org.kumaj.cp.standalone..", "org.kumaj.cp.zone..", "org.kumaj.cp.global..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("org.kumaj.cp.standalone..", "org.kumaj.cp.zone..", "org.kumaj.cp.global..")
        .check(CLASSES);
  }

  @Test
  void apiModelDependsOnNoServerCode() {
    noClasses().that().resideInAPackage("org.kumaj.model..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("org.kumaj.cp..", "org.kumaj.pki..", "io.micronaut..", "io.grpc..", "io.netty..",
            "jakarta.persistence..", "org.hibernate..", "io.envoyproxy..", "com.google.protobuf..", "picocli..")
        .check(CLASSES);
  }

  @Test
  void pkiIsAPlainLibrary() {
    noClasses().that().resideInAPackage("org.kumaj.pki..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("org.kumaj.cp..", "org.kumaj.model..", "io.micronaut..", "io.grpc..")
        .check(CLASSES);
  }
}
