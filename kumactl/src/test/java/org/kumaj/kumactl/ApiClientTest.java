package org.kumaj.kumactl;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kumaj.cp.testing.TestControlPlane;
import org.kumaj.model.BuildInfo;
import org.kumaj.pki.CertificateUsage;
import org.kumaj.pki.Certificates;
import org.kumaj.pki.KeyAndCertificate;
import org.kumaj.pki.KeyType;

/** The HTTP client: errors in Kuma's form, unreachable control planes, headers, tokens, TLS and timeouts. */
class ApiClientTest {
  @TempDir
  Path home;
  FakeControlPlane server;

  @BeforeEach
  void startServer() {
    server = new FakeControlPlane();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private Path addControlPlane(String url, String... extra) {
    Path config = home.resolve("config");
    List<String> args = new java.util.ArrayList<>(List.of("--config-file", config.toString(), "config",
        "control-planes", "add", "--name", "cp", "--address", url, "--skip-check"));
    args.addAll(List.of(extra));
    Run add = Run.kumactl(home, args.toArray(String[]::new));
    assertThat(add.exit()).as(add.toString()).isZero();
    return config;
  }

  @Test
  void apiErrorsPrintTitleDetailAndOneLinePerInvalidParameter() {
    server.answer("/meshes/default/dataplanes/dp-1", 400, """
        {"type":"/std-errors","status":400,"title":"Bad Request","detail":"mesh of the resource is invalid",
         "invalid_parameters":[{"field":"name","reason":"cannot be empty"},{"field":"mesh","reason":"bad"}]}""");
    Path config = addControlPlane(server.url());
    Run run = Run.kumactl(home, "--config-file", config.toString(), "get", "dataplane", "dp-1");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("Error: Bad Request (mesh of the resource is invalid)\n* name: cannot be empty\n"
        + "* mesh: bad\n");
  }

  @Test
  void nonKumaErrorBodiesArePrintedWithTheirStatus() {
    server.answer("/meshes", 502, "upstream down");
    Path config = addControlPlane(server.url());
    Run run = Run.kumactl(home, "--config-file", config.toString(), "get", "meshes");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("Error: failed to list Mesh: (502): upstream down\n");
  }

  @Test
  void unreachableControlPlaneIsOneLineNamingAddressAndContext() {
    int port = TestControlPlane.freePort();
    Path config = addControlPlane("http://127.0.0.1:" + port);
    Run run = Run.kumactl(home, "--config-file", config.toString(), "get", "meshes");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("Error: failed to list Mesh: Get \"http://127.0.0.1:" + port + "/meshes\": dial tcp"
        + " 127.0.0.1:" + port + ": connect: connection refused (context \"cp\")\n");
  }

  @Test
  void versionMismatchIsAWarning() {
    server.answer("/", 200, "{\"product\":\"Kuma\",\"version\":\"2.14.3\"}");
    server.answer("/meshes", 200, "{\"total\":0,\"items\":[],\"next\":null}");
    Path config = addControlPlane(server.url());
    Run run = Run.kumactl(home, "--config-file", config.toString(), "get", "meshes");
    assertThat(run.exit()).isZero();
    BuildInfo b = BuildInfo.current();
    assertThat(run.err()).isEqualTo("WARNING: You are using kumactl version " + b.version() + " for " + b.product()
        + ", but the server returned version: Kuma for 2.14.3\n");
    assertThat(run.out()).isEqualTo("NAME   mTLS   LOCALITY   ZONEEGRESS   AGE\n");
  }

  @Test
  void headersAndTokensAreSent() {
    server.answer("/meshes", 200, "{\"total\":0,\"items\":[],\"next\":null}");
    Path config = addControlPlane(server.url(), "--headers", "x-team=mesh", "--auth-type", "tokens", "--auth-conf",
        "token=secret-token");
    assertThat(Run.kumactl(home, "--config-file", config.toString(), "get", "meshes").exit()).isZero();
    FakeControlPlane.Request request = server.requests.get(server.requests.size() - 1);
    assertThat(request.pathAndQuery()).isEqualTo("/meshes");
    assertThat(request.headers().get("Authorization")).containsExactly("Bearer secret-token");
    assertThat(request.headers().get("X-team")).containsExactly("mesh");
    assertThat(request.headers().get("User-agent").get(0)).startsWith("kumactl/" + BuildInfo.current().version() + " (");
  }

  @Test
  void paginationParametersAreSentAndTheFooterShown() {
    server.answer("/meshes?size=1", 200, "{\"total\":2,\"items\":[{\"type\":\"Mesh\",\"name\":\"a\"}],"
        + "\"next\":\"http://x/meshes?offset=1&size=1\"}");
    Path config = addControlPlane(server.url());
    Run run = Run.kumactl(home, "--config-file", config.toString(), "get", "meshes", "--size", "1");
    assertThat(run.out()).isEqualTo("NAME   mTLS   LOCALITY   ZONEEGRESS   AGE\na      off    off        off          292y\n"
        + "\nRerun command with --offset=1 argument to retrieve more resources\n");
  }

  @Test
  void debugLogLevelLogsEachRequest() {
    server.answer("/meshes", 200, "{\"total\":0,\"items\":[],\"next\":null}");
    Path config = addControlPlane(server.url());
    Run run = Run.kumactl(home, "--config-file", config.toString(), "--log-level", "debug", "get", "meshes");
    assertThat(run.exit()).isZero();
    assertThat(run.err().lines().toList()).hasSize(2).allMatch(l -> l.contains("\tDEBUG\tkumactl\tdoing request to"
        + " control-plane\t{\"method\": \"GET\", \"url\": \"" + server.url()));
    assertThat(Run.kumactl(home, "--config-file", config.toString(), "--log-level", "info", "get", "meshes").err())
        .isEmpty();
  }

  @Test
  void timeoutIsReported() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    var slow = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    try {
      slow.createContext("/", exchange -> {
        try {
          never.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        exchange.close();
      });
      slow.start();
      String url = "http://127.0.0.1:" + slow.getAddress().getPort();
      Run run = Run.kumactl(home, "--no-config", "--api-timeout", "200ms", "config", "control-planes", "add",
          "--name", "slow", "--address", url, "--config-file", home.resolve("slow-config").toString());
      assertThat(run.exit()).isEqualTo(1);
      assertThat(run.err()).startsWith("Error: could not connect to the Control Plane API Server: Get \"" + url
          + "/\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)");
    } finally {
      never.countDown();
      slow.stop(0);
    }
  }

  // --- TLS ---

  private static final class Tls implements AutoCloseable {
    final HttpsServer server;
    final Path caFile;

    Tls(Path dir) throws Exception {
      KeyAndCertificate pair = new Certificates(Clock.systemUTC())
          .selfSigned(CertificateUsage.SERVER, KeyType.RSA, List.of("127.0.0.1", "localhost"));
      caFile = Files.writeString(dir.resolve("ca.pem"), pair.certificatePem());
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      ks.setKeyEntry("server", pair.key(), new char[0], new Certificate[] {pair.certificate()});
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, new char[0]);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf.getKeyManagers(), null, null);
      server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setHttpsConfigurator(new HttpsConfigurator(ctx));
      BuildInfo b = BuildInfo.current();
      server.createContext("/", exchange -> {
        byte[] body = ("{\"product\":\"" + b.product() + "\",\"version\":\"" + b.version() + "\"}")
            .getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      });
      server.start();
    }

    String url() {
      return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  @Test
  void tlsIsVerifiedAgainstTheGivenCa() throws Exception {
    try (Tls tls = new Tls(home)) {
      Path config = addControlPlane(tls.url(), "--ca-cert-file", tls.caFile.toString());
      Run run = Run.kumactl(home, "--config-file", config.toString(), "version");
      assertThat(run.out()).contains("Server: " + BuildInfo.current().product());
      assertThat(run.err()).isEmpty();
    }
  }

  @Test
  void tlsWithoutTheCaFailsAgainstTheSystemTrustStore() throws Exception {
    try (Tls tls = new Tls(home)) {
      Path config = addControlPlane(tls.url());
      Run run = Run.kumactl(home, "--config-file", config.toString(), "version");
      assertThat(run.err()).isEqualTo("Unable to connect to control plane: Unable to retrieve server version: Get \""
          + tls.url() + "/\": tls: failed to verify certificate: x509: certificate signed by unknown authority"
          + " (context \"cp\")\n");
    }
  }

  @Test
  void tlsVerificationIsSkippedOnlyWhenAsked() throws Exception {
    try (Tls tls = new Tls(home)) {
      Path config = addControlPlane(tls.url(), "--skip-verify");
      Run run = Run.kumactl(home, "--config-file", config.toString(), "version");
      assertThat(run.out()).contains("Server: " + BuildInfo.current().product());
      assertThat(run.err()).isEmpty();
    }
  }

  @Test
  void unreadableCaFileIsReported() {
    Path config = addControlPlane("https://127.0.0.1:1", "--ca-cert-file", "/nonexistent/ca.pem");
    Run run = Run.kumactl(home, "--config-file", config.toString(), "get", "meshes");
    assertThat(run.exit()).isEqualTo(1);
    String problem = "failed to create a client for Control Plane \"cp\": could not configure HTTP client with TLS:"
        + " could not read CA cert: open /nonexistent/ca.pem: no such file or directory";
    assertThat(run.err()).isEqualTo("WARNING: Failed to retrieve server version, can't check compatibility: " + problem
        + "\nError: " + problem + "\n");
  }
}
