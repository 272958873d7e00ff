package org.kumaj.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates Kuma 2.14.3's own fixtures in {@code ../shared/conformance} (read in place, never copied).
 * Tests that need them are skipped with a clear message when the directory is absent (a user's
 * fresh clone); in CI it is present.
 */
public final class KumaFixtures {
  private KumaFixtures() {}

  /** The repository root: the nearest directory, upwards from the working directory, with our modules. */
  public static Path repoRoot() {
    String hint = System.getProperty("kumaj.repo.root");
    Path dir = (hint == null || hint.isEmpty() ? Path.of("") : Path.of(hint)).toAbsolutePath().normalize();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("api-model")) && Files.isDirectory(p.resolve("cp-core"))) {
        return p;
      }
    }
    return dir;
  }

  /** {@code ../shared/conformance/kuma-2.14.3}, or the test is skipped. */
  public static Path conformance() {
    Path dir = repoRoot().resolve("../shared/conformance/kuma-2.14.3").normalize();
    assumeTrue(Files.isDirectory(dir), "Kuma's fixtures are not available at " + dir
        + " (../shared is absent on this machine); skipping the conformance checks");
    return dir;
  }
}
