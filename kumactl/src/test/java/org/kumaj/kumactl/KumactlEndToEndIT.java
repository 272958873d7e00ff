package org.kumaj.kumactl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.kumaj.cp.launcher.Role;
import org.kumaj.cp.testing.TestControlPlane;

/**
 * End to end: the built {@code kumactl.jar} (and the {@code kumactl} launcher) as child processes
 * against a real standalone control plane, following the seed's user story: add the control plane,
 * list meshes, apply a mesh with builtin mTLS from stdin and see it listed as builtin, apply a
 * dataplane, get it, delete it, and the errors for a bad file and an unknown type.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KumactlEndToEndIT {
  private static final String MTLS_MESH = """
      type: Mesh
      name: mtls
      mtls:
        enabledBackend: ca-1
        backends:
        - name: ca-1
          type: builtin
      """;
  private static final String DATAPLANE = """
      type: Dataplane
      mesh: default
      name: dp-1
      networking:
        address: 192.168.0.1
        inbound:
        - port: 8080
          servicePort: 80
          tags:
            kuma.io/service: web
            version: v1
      """;

  @TempDir
  static Path work;
  static TestControlPlane cp;
  static Path home;

  @BeforeAll
  static void start() throws IOException {
    cp = TestControlPlane.start(Role.STANDALONE, Files.createDirectories(work.resolve("cp")), Map.of());
    home = Files.createDirectories(work.resolve("home"));
  }

  @AfterAll
  static void stop() {
    if (cp != null) {
      cp.close();
    }
  }

  static ChildProcess kumactl(String stdin, String... args) throws IOException, InterruptedException {
    return ChildProcess.kumactl(home, stdin, args);
  }

  @Test
  @Order(1)
  void addsTheControlPlaneAndMakesItActive() throws Exception {
    ChildProcess add = kumactl(null, "config", "control-planes", "add", "--name=XYZ", "--address=" + cp.apiUrl());
    assertThat(add.exit()).as(add.toString()).isZero();
    assertThat(add.out()).isEqualTo("added Control Plane \"XYZ\"\nswitched active Control Plane to \"XYZ\"\n");
    Path config = home.resolve(".kumactl/config");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
    assertThat(Files.readString(config)).contains("currentContext: XYZ").contains("url: " + cp.apiUrl());

    ChildProcess list = kumactl(null, "config", "control-planes", "list");
    assertThat(list.out()).contains("*        XYZ     " + cp.apiUrl());
  }

  @Test
  @Order(2)
  void listsMeshes() throws Exception {
    ChildProcess get = kumactl(null, "get", "meshes");
    assertThat(get.exit()).as(get.toString()).isZero();
    assertThat(get.err()).isEmpty();
    assertThat(get.out().lines().findFirst()).hasValue("NAME      mTLS   LOCALITY   ZONEEGRESS   AGE");
    assertThat(get.out()).containsPattern("(?m)^default   off    off        off          \\d+s$");
  }

  @Test
  @Order(3)
  void appliesAMeshWithBuiltinMtlsFromStdin() throws Exception {
    ChildProcess apply = kumactl(MTLS_MESH, "apply", "-f", "-");
    assertThat(apply.exit()).as(apply.toString()).isZero();
    assertThat(apply.out()).isEqualTo("resource type=\"Mesh\" mesh=\"\" name=\"mtls\" Created\n");

    ChildProcess get = kumactl(null, "get", "meshes");
    assertThat(get.out()).containsPattern("(?m)^mtls      builtin/ca-1   off        off          \\d+s$");

    ChildProcess again = kumactl(MTLS_MESH, "apply", "-f", "-");
    assertThat(again.out()).isEqualTo("resource type=\"Mesh\" mesh=\"\" name=\"mtls\" Updated\n");
  }

  @Test
  @Order(4)
  void appliesGetsAndDeletesADataplane() throws Exception {
    Path file = Files.writeString(work.resolve("dp.yaml"), DATAPLANE);
    ChildProcess apply = kumactl(null, "apply", "-f", file.toString());
    assertThat(apply.exit()).as(apply.toString()).isZero();
    assertThat(apply.out()).isEqualTo("resource type=\"Dataplane\" mesh=\"default\" name=\"dp-1\" Created\n");

    ChildProcess list = kumactl(null, "get", "dataplanes");
    assertThat(list.out()).containsPattern(
        "(?m)^default   dp-1   kuma.io/service=web version=v1   192.168.0.1   \\d+s$");
    ChildProcess yaml = kumactl(null, "get", "dataplane", "dp-1", "-o", "yaml");
    assertThat(yaml.out()).contains("name: dp-1\n").contains("  address: 192.168.0.1\n");

    ChildProcess delete = kumactl(null, "delete", "dataplane", "dp-1");
    assertThat(delete.exit()).as(delete.toString()).isZero();
    assertThat(delete.out()).isEqualTo("deleted Dataplane \"dp-1\"\n");

    ChildProcess gone = kumactl(null, "get", "dataplane", "dp-1");
    assertThat(gone.exit()).isEqualTo(1);
    assertThat(gone.err()).isEqualTo("Error: No resources found in default mesh\n");
    ChildProcess deleteAgain = kumactl(null, "delete", "dataplane", "dp-1");
    assertThat(deleteAgain.exit()).isEqualTo(1);
    assertThat(deleteAgain.err()).isEqualTo("Error: there is no Dataplane with name \"dp-1\"\n");
  }

  @Test
  @Order(5)
  void reportsABadFile() throws Exception {
    ChildProcess missing = kumactl(null, "apply", "-f", work.resolve("missing.yaml").toString());
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).isEqualTo("Error: error while reading provided file: stat "
        + work.resolve("missing.yaml") + ": no such file or directory\n");

    Path bad = Files.writeString(work.resolve("bad.yaml"), "type: Mesh\nname: [unclosed\n");
    ChildProcess badYaml = kumactl(null, "apply", "-f", bad.toString());
    assertThat(badYaml.exit()).isEqualTo(1);
    assertThat(badYaml.err()).startsWith("resource[0]: failed to parse resource: invalid meta type: ")
        .endsWith("Error: failed to validate some resources\n");
  }

  @Test
  @Order(6)
  void reportsAnUnknownType() throws Exception {
    ChildProcess get = kumactl(null, "get", "foos");
    assertThat(get.exit()).isEqualTo(1);
    assertThat(get.err()).startsWith("Error: unknown command \"foos\" for \"kumactl get\"");

    ChildProcess apply = kumactl("type: Foo\nname: x\n", "apply", "-f", "-");
    assertThat(apply.exit()).isEqualTo(1);
    assertThat(apply.err()).isEqualTo("resource[0]: failed to parse resource: invalid resource type \"Foo\"\n"
        + "Error: failed to validate some resources\n");

    ChildProcess delete = kumactl(null, "delete", "foo", "x");
    assertThat(delete.exit()).isEqualTo(1);
    assertThat(delete.err()).startsWith("Error: unknown TYPE: foo. Allowed values: circuit-breaker, dataplane,");
  }

  @Test
  @Order(7)
  void reportsTheServerVersion() throws Exception {
    ChildProcess version = kumactl(null, "version");
    assertThat(version.exit()).isZero();
    assertThat(version.out()).startsWith("Client: KumaJ ").contains("\nServer: KumaJ ");
    assertThat(version.err()).isEmpty();
  }

  @Test
  @Order(8)
  void reportsAnUnreachableControlPlaneInOneLine() throws Exception {
    int port = TestControlPlane.freePort();
    kumactl(null, "config", "control-planes", "add", "--name=gone", "--address=http://127.0.0.1:" + port,
        "--skip-check");
    ChildProcess get = kumactl(null, "get", "meshes");
    assertThat(get.exit()).isEqualTo(1);
    assertThat(get.out()).isEmpty();
    assertThat(get.err()).isEqualTo("Error: failed to list Mesh: Get \"http://127.0.0.1:" + port + "/meshes\": dial tcp"
        + " 127.0.0.1:" + port + ": connect: connection refused (context \"gone\")\n");
    kumactl(null, "config", "control-planes", "switch", "--name=XYZ");
  }
}
