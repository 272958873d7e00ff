package org.kumaj.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file comparison shared by every module's tests. Goldens live in the module's
 * {@code src/test/resources} (resolved from the repository root, so updates land in the source
 * tree). {@code -Dgolden.update=true} rewrites them instead of comparing; a missing golden fails
 * with a hint rather than being written silently.
 */
public final class GoldenFiles {
  private GoldenFiles() {}

  /** {@code <repo>/<module>/src/test/resources/<relative>}. */
  public static Path sourceDir(String module, String relative) {
    return KumaFixtures.repoRoot().resolve(module).resolve("src/test/resources").resolve(relative);
  }

  /** Whether this run rewrites goldens. */
  public static boolean updating() {
    return Boolean.getBoolean("golden.update");
  }

  /** Asserts that {@code golden} holds exactly {@code actual}, or rewrites it when updating. */
  public static void assertMatches(Path golden, String actual) {
    try {
      if (updating()) {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(golden).as("%s is missing; run the tests with -Dgolden.update=true and review the diff", golden)
          .exists();
      assertThat(actual).as("differs from %s (rewrite with -Dgolden.update=true)", golden)
          .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
