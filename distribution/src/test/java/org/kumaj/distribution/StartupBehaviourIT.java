package org.kumaj.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up behaviour of the executables on free ports: overrides, failures, TLS material. */
class StartupBehaviourIT {
  private static final Duration EXIT_DEADLINE = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path workDir;

  @Test
  void everyPortFollowsItsEnvironmentVariable() {
    Map<String, String> env = ControlPlaneProcess.freePorts();
    try (ControlPlaneProcess cp = ControlPlaneProcess.start("global", env, workDir, "run")) {
      cp.awaitReady();
      Set<Integer> expected = new TreeSet<>();
      for (String var : new String[] {"KUMA_API_SERVER_HTTP_PORT", "KUMA_API_SERVER_HTTPS_PORT",
          "KUMA_DIAGNOSTICS_SERVER_PORT", "KUMA_INTER_CP_SERVER_PORT", "KUMA_MULTIZONE_GLOBAL_KDS_GRPC_PORT",
          "KUMA_RUNTIME_KUBERNETES_ADMISSION_SERVER_PORT"}) {
        expected.add(Integer.parseInt(env.get(var)));
      }
      assertThat(cp.listeningPorts()).isEqualTo(expected);
    }
  }

  @Test
  void interfaceSettingBindsOnlyThatAddress() throws Exception {
    Map<String, String> env = new HashMap<>(ControlPlaneProcess.freePorts());
    env.put("KUMA_API_SERVER_HTTP_INTERFACE", "127.0.0.1");
    try (ControlPlaneProcess cp = ControlPlaneProcess.start("standalone", env, workDir, "run")) {
      cp.awaitReady();
      String index = ControlPlaneProcess.get("http://127.0.0.1:" + env.get("KUMA_API_SERVER_HTTP_PORT") + "/");
      assertThat(JSON.readTree(index).path("basedOnKuma").asText()).isEqualTo("2.14.3");
      // a dual-stack JVM lists the socket in tcp6 as the IPv4-mapped loopback address
      Path net = Path.of("/proc", Long.toString(cp.pid()), "net");
      String sockets = Files.readString(net.resolve("tcp")) + Files.readString(net.resolve("tcp6"));
      String hexPort = String.format("%04X", Integer.parseInt(env.get("KUMA_API_SERVER_HTTP_PORT")));
      assertThat(sockets).containsPattern("(^|\\s)(0000000000000000FFFF0000)?0100007F:" + hexPort + " ");
      assertThat(sockets).doesNotContainPattern("(^|\\s)0+:" + hexPort + " ");
    }
  }

  @Test
  void portAlreadyInUseStopsStartWithOneLineNamingPortAndSetting() throws IOException {
    Map<String, String> env = ControlPlaneProcess.freePorts();
    try (ServerSocket taken = new ServerSocket(0)) {
      Map<String, String> withTaken = new HashMap<>(env);
      withTaken.put("KUMA_API_SERVER_HTTP_PORT", Integer.toString(taken.getLocalPort()));
      try (ControlPlaneProcess cp = ControlPlaneProcess.start("standalone", withTaken, workDir, "run")) {
        assertThat(cp.awaitExit(EXIT_DEADLINE)).isNotZero();
        assertThat(cp.output()).contains("Error: port " + taken.getLocalPort()
            + " is already in use; it is set by apiServer.http.port (KUMA_API_SERVER_HTTP_PORT)");
      }
    }
  }

  @Test
  void badValueExitsNamingKeyAndAllowedValues() {
    Map<String, String> env = new HashMap<>(ControlPlaneProcess.freePorts());
    env.put("KUMA_STORE_TYPE", "mongo");
    try (ControlPlaneProcess cp = ControlPlaneProcess.start("standalone", env, workDir, "run")) {
      assertThat(cp.awaitExit(EXIT_DEADLINE)).isNotZero();
      assertThat(cp.output()).contains(
          "Error: invalid value \"mongo\" for store.type (KUMA_STORE_TYPE): allowed values are memory, h2, postgres");
    }
  }

  @Test
  void badPortInConfigFileExitsNamingTheKey() throws IOException {
    Path file = workDir.resolve("bad.yaml");
    Files.writeString(file, "apiServer:\n  http:\n    port: abc\n");
    try (ControlPlaneProcess cp = ControlPlaneProcess.start("standalone", ControlPlaneProcess.freePorts(),
        workDir, "run", "-c", file.toString())) {
      assertThat(cp.awaitExit(EXIT_DEADLINE)).isNotZero();
      assertThat(cp.output()).contains(
          "invalid value \"abc\" for apiServer.http.port (KUMA_API_SERVER_HTTP_PORT): expected an integer");
    }
  }

  @Test
  void roleRefusesAConfigurationOfAnotherMode() {
    Map<String, String> env = new HashMap<>(ControlPlaneProcess.freePorts());
    env.put("KUMA_MODE", "zone");
    try (ControlPlaneProcess cp = ControlPlaneProcess.start("global", env, workDir, "run")) {
      assertThat(cp.awaitExit(EXIT_DEADLINE)).isNotZero();
      assertThat(cp.output()).contains("kuma-cp-global runs mode global, but mode (KUMA_MODE) is \"zone\"");
    }
  }

  @Test
  void generatedCertificateIsReusedAcrossRestarts() throws Exception {
    Map<String, String> env = ControlPlaneProcess.freePorts();
    int https = Integer.parseInt(env.get("KUMA_API_SERVER_HTTPS_PORT"));
    Certificate first;
    try (ControlPlaneProcess cp = ControlPlaneProcess.start("standalone", env, workDir, "run")) {
      cp.awaitReady();
      first = servedCertificate(https);
    }
    assertThat(workDir.resolve("kuma-cp.crt")).isRegularFile();
    assertThat(workDir.resolve("kuma-cp.key")).isRegularFile();
    assertThat(Files.getPosixFilePermissions(workDir.resolve("kuma-cp.key")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    try (ControlPlaneProcess cp = ControlPlaneProcess.start("standalone", env, workDir, "run")) {
      cp.awaitReady();
      assertThat(servedCertificate(https)).isEqualTo(first);
      assertThat(servedCertificate(Integer.parseInt(env.get("KUMA_DP_SERVER_PORT")))).isEqualTo(first);
    }
  }

  @Test
  void versionCommandPrintsProductAndVersion() {
    try (ControlPlaneProcess cp = ControlPlaneProcess.start("zone", Map.of(), workDir, "version", "--detailed")) {
      assertThat(cp.awaitExit(EXIT_DEADLINE)).isZero();
      assertThat(cp.output()).contains("Product:       KumaJ").contains("Based on Kuma: 2.14.3");
    }
  }

  @Test
  void diagnosticsServeMetricsAndLogLevels() throws Exception {
    Map<String, String> env = ControlPlaneProcess.freePorts();
    String diag = "http://127.0.0.1:" + env.get("KUMA_DIAGNOSTICS_SERVER_PORT");
    try (ControlPlaneProcess cp = ControlPlaneProcess.start("standalone", env, workDir, "run")) {
      cp.awaitReady();
      assertThat(ControlPlaneProcess.status(diag + "/healthy")).isEqualTo(200);
      String metrics = ControlPlaneProcess.get(diag + "/metrics");
      assertThat(metrics).contains("process_resident_memory_bytes").contains("jvm_memory_used_bytes")
          .containsPattern("cp_info\\{[^}]*instance_id=\"[^\"]+\"[^}]*mode=\"zone\"[^}]*version=\"[^\"]+\"[^}]*\\} 1");
      JsonNode logging = JSON.readTree(ControlPlaneProcess.get(diag + "/logging"));
      assertThat(logging.path("components").size()).isZero();
    }
  }

  /**
   * The certificate the listener on {@code port} presents. The API and data-plane listeners close a
   * connection whose TLS handshake outlasts their read-header timeout (Kuma's 1 s on 5682, as Go's
   * server does), which a freshly started JVM on a busy machine can miss, so it is retried until a
   * deadline.
   */
  private static Certificate servedCertificate(int port) {
    java.util.concurrent.atomic.AtomicReference<Certificate> served = new java.util.concurrent.atomic.AtomicReference<>();
    ControlPlaneProcess.poll(java.time.Duration.ofSeconds(30), () -> {
      try {
        served.set(handshake(port));
        return true;
      } catch (Exception e) {
        return false;
      }
    }, "a TLS handshake with port " + port);
    return served.get();
  }

  private static Certificate handshake(int port) throws Exception {
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, new TrustManager[] {new X509TrustManager() {
      @Override
      public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) {}

      @Override
      public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) {}

      @Override
      public java.security.cert.X509Certificate[] getAcceptedIssuers() {
        return new java.security.cert.X509Certificate[0];
      }
    }}, null);
    try (SSLSocket socket = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", port)) {
      javax.net.ssl.SSLParameters params = socket.getSSLParameters();
      params.setApplicationProtocols(new String[] {"h2", "http/1.1"});
      socket.setSSLParameters(params);
      socket.startHandshake();
      return socket.getSession().getPeerCertificates()[0];
    }
  }
}
