package org.kumaj.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each role, started with no configuration, listens on exactly the ports Kuma documents and on
 * nothing else. These are the only tests that use the documented ports; they run one role at a time.
 */
class DocumentedPortsIT {
  @TempDir
  Path workDir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "standalone|5443,5676,5678,5680,5681,5682,5683",
      "zone|5443,5676,5678,5680,5681,5682,5683",
      "global|5443,5680,5681,5682,5683,5685",
  })
  void roleListensOnExactlyTheDocumentedPorts(String role, String ports) {
    try (ControlPlaneProcess cp = ControlPlaneProcess.start(role, Map.of(), workDir, "run")) {
      cp.awaitReady();
      Set<Integer> expected = new java.util.TreeSet<>();
      for (String p : ports.split(",")) {
        expected.add(Integer.parseInt(p));
      }
      assertThat(cp.listeningPorts()).as("listening ports of %s", role).isEqualTo(expected);
      String index = ControlPlaneProcess.get("http://127.0.0.1:5681/");
      assertThat(index).contains("\"basedOnKuma\":\"2.14.3\"").contains("\"instanceId\"").contains("\"clusterId\"");
    }
  }
}
