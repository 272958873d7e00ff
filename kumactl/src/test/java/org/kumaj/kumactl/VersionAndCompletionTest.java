package org.kumaj.kumactl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kumaj.model.BuildInfo;

/** {@code kumactl version} and {@code kumactl completion}. */
class VersionAndCompletionTest {
  @TempDir
  Path home;

  @Test
  void versionPrintsClientAndServer() {
    try (FakeControlPlane server = new FakeControlPlane()) {
      Path config = ConfigFiles.pointingAt(home, server.url());
      Run run = Run.kumactl(home, "--config-file", config.toString(), "version");
      BuildInfo b = BuildInfo.current();
      assertThat(run.exit()).isZero();
      assertThat(run.out()).isEqualTo("Client: " + b.product() + " " + b.version() + "\nServer: " + b.product() + " "
          + b.version() + "\n");
      assertThat(run.err()).isEmpty();

      Run detailed = Run.kumactl(home, "--config-file", config.toString(), "version", "--detailed");
      assertThat(detailed.out()).startsWith(b.detailed() + "\nServer: {\n   \"clusterId\": \"test-cluster\",\n"
          + "   \"gui\": \"/gui\",\n   \"hostname\": \"localhost\",\n");
    }
  }

  @Test
  void versionWarnsOnMismatchAndSurvivesAnUnreachableServer() {
    try (FakeControlPlane server = new FakeControlPlane()) {
      server.answer("/", 200, "{\"product\":\"Kuma\",\"version\":\"2.14.3\"}");
      Path config = ConfigFiles.pointingAt(home, server.url());
      Run run = Run.kumactl(home, "--config-file", config.toString(), "version");
      assertThat(run.out()).endsWith("Server: Kuma 2.14.3\n");
      assertThat(run.err()).startsWith("WARNING: You are using kumactl version ");
    }
    Run offline = Run.kumactl(home, "--config-file", ConfigFiles.pointingAt(home, "http://127.0.0.1:1").toString(),
        "version");
    assertThat(offline.exit()).isZero();
    assertThat(offline.out()).startsWith("Client: ");
    assertThat(offline.err()).startsWith("Unable to connect to control plane: Unable to retrieve server version: Get"
        + " \"http://127.0.0.1:1/\": dial tcp 127.0.0.1:1: connect: connection refused");
  }

  @Test
  void completionScriptsCallBackIntoKumactl() {
    for (String shell : List.of("bash", "zsh", "fish")) {
      Run run = Run.kumactl(home, "completion", shell);
      assertThat(run.exit()).isZero();
      assertThat(run.out()).contains("kumactl").contains("__complete");
    }
    assertThat(Run.kumactl(home, "completion", "tcsh").exit()).isEqualTo(1);
  }

  @Test
  void completionCandidatesComeFromTheCommandTree() {
    assertThat(Run.kumactl(home, "__complete", "get", "mesht").out())
        .isEqualTo("meshtcproute\nmeshtcproutes\nmeshtimeout\nmeshtimeouts\nmeshtls\nmeshtlses\nmeshtrace\nmeshtraces\nmeshtrafficpermission\n"
            + "meshtrafficpermissions\nmeshtrust\nmeshtrusts\n:4\n");
    assertThat(Run.kumactl(home, "__complete", "get", "meshes", "--si").out()).isEqualTo("--size\n:4\n");
    assertThat(Run.kumactl(home, "__complete", "get", "meshes", "-o", "").out()).isEqualTo("table\nyaml\njson\n:4\n");
    assertThat(Run.kumactl(home, "__complete", "apply", "-f", "").out()).isEqualTo(":0\n");
    assertThat(Run.kumactl(home, "__complete", "delete", "zone-").out()).isEqualTo("zone-ingress\n:4\n");
  }
}
