package org.kumaj.cp.xds.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kumaj.testing.GoldenFiles;
import org.kumaj.cp.xds.ProxyContext;
import org.kumaj.cp.xds.XdsResources;

/**
 * Every {@code <case>.dataplane.yaml} under {@code src/test/resources/org/kumaj/cp/xds/generator}
 * against its {@code <case>.golden.yaml}; {@code -Dgolden.update=true} rewrites the goldens.
 */
class ProxyGeneratorGoldenTest {
  private static final String INPUT = ".dataplane.yaml";
  private static final String GOLDEN = ".golden.yaml";
  private static final Path DIR = GoldenFiles.sourceDir("cp-core", "org/kumaj/cp/xds/generator");

  private final ProxyGenerator generator = new ProxyGenerator();

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      List<String> names = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(INPUT))
          .map(n -> n.substring(0, n.length() - INPUT.length()))
          .sorted()
          .toList();
      return names.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesGolden(String name) throws IOException {
    GoldenFiles.assertMatches(DIR.resolve(name + GOLDEN), GoldenYaml.render(generator.generate(input(name))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void generatingTwiceGivesEqualResources(String name) {
    XdsResources first = generator.generate(input(name));
    XdsResources second = new ProxyGenerator().generate(input(name));

    assertThat(second).isEqualTo(first);
    assertThat(generator.generate(input(name))).isEqualTo(first);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void resourceGraphIsComplete(String name) {
    ProxyContext context = input(name);
    boolean secretsExpected = context.identity().isPresent() && !context.metadata().proxylessGrpc();

    assertThat(ResourceGraph.problems(generator.generate(context), secretsExpected)).isEmpty();
  }

  @Test
  void everyGoldenHasAnInput() throws IOException {
    List<String> inputs = cases().toList();
    try (Stream<Path> files = Files.list(DIR)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(GOLDEN))
          .map(n -> n.substring(0, n.length() - GOLDEN.length())))
          .allMatch(inputs::contains);
    }
  }

  private static ProxyContext input(String name) {
    return Fixture.read(DIR.resolve(name + INPUT));
  }
}
