package org.kumaj.kumactl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kumaj.testing.GoldenFiles;

/**
 * Our own goldens of the help texts (cobra's layout, Kuma's wording), in
 * {@code src/test/resources/org/kumaj/kumactl/golden}; {@code -Dgolden.update=true} rewrites them.
 */
class HelpGoldenTest {
  private static final Path GOLDEN = GoldenFiles.sourceDir("kumactl", "org/kumaj/kumactl/golden");

  static Stream<Arguments> commands() {
    return Stream.of(
        Arguments.of("help-root.txt", new String[] {"--help"}),
        Arguments.of("help-get.txt", new String[] {"get", "--help"}),
        Arguments.of("help-get-mesh.txt", new String[] {"get", "mesh", "--help"}),
        Arguments.of("help-apply.txt", new String[] {"apply", "--help"}),
        Arguments.of("help-inspect.txt", new String[] {"help", "inspect"}),
        Arguments.of("help-inspect-dataplane.txt", new String[] {"inspect", "dataplane", "-h"}),
        Arguments.of("help-config-control-planes-add.txt", new String[] {"config", "control-planes", "add", "--help"}),
        Arguments.of("help-generate-tls-certificate.txt", new String[] {"generate", "tls-certificate", "--help"}),
        Arguments.of("help-delete.txt", new String[] {"delete", "--help"}),
        Arguments.of("help-export.txt", new String[] {"export", "--help"}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void helpMatchesTheGolden(String golden, String[] args) throws IOException {
    Run run = Run.kumactl(Files.createTempDirectory("kumactl-help"), args);
    assertThat(run.exit()).isZero();
    GoldenFiles.assertMatches(GOLDEN.resolve(golden), run.out());
  }
}
