package org.kumaj.kumactl;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * kumactl talks HTTP to the control plane and depends on api-model and pki only: never on the
 * server (cp-core), Micronaut or gRPC, which would also bloat its start-up.
 */
class ArchitectureTest {
  private static final JavaClasses KUMACTL = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.kumaj.kumactl");

  @Test
  void doesNotDependOnTheControlPlane() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("org.kumaj.cp..", "io.micronaut..", "io.grpc..",
        "io.netty..", "org.kumaj.kds..").check(KUMACTL);
  }

  @Test
  void usesOnlyTheDocumentedLibraries() {
    noClasses().should().dependOnClassesThat().resideOutsideOfPackages("java..", "javax..", "com.sun.net.httpserver..",
        "org.kumaj.kumactl..", "org.kumaj.model..", "org.kumaj.pki..", "picocli..", "com.fasterxml.jackson..",
        "org.yaml.snakeyaml..", "com.nimbusds..").check(KUMACTL);
  }
}
