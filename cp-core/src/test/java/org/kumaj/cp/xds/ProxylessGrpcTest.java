package org.kumaj.cp.xds;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kumaj.cp.launcher.Role;
import org.kumaj.cp.testing.TestControlPlane;

/**
 * grpc-java's own xDS client (grpc-xds, proxyless gRPC) bootstrapped against our data-plane server
 * over TLS: it resolves {@code xds:///backend} through LDS, RDS, CDS and EDS and makes real RPCs to
 * two gRPC servers registered as Dataplanes. The control plane runs with
 * {@code dpServer.authn.dpProxy.type=none} because grpc-xds cannot send Kuma's token metadata.
 */
class ProxylessGrpcTest {
  @TempDir
  static Path workDir;
  static TestControlPlane cp;
  static Server backend1;
  static Server backend2;

  @BeforeAll
  static void start() throws Exception {
    cp = TestControlPlane.start(Role.STANDALONE, workDir, Map.of("KUMA_DP_SERVER_AUTHN_DP_PROXY_TYPE", "none"));
    backend1 = healthServer("backend-1");
    backend2 = healthServer("backend-2");
    put("backend-1", "127.0.0.1", backend1.getPort(), "backend", "");
    put("backend-2", "127.0.0.1", backend2.getPort(), "backend", "");
    put("client-1", "127.0.0.1", TestControlPlane.freePort(), "client",
        ",\"outbound\":[{\"port\":15001,\"tags\":{\"kuma.io/service\":\"backend\"}}]");
    String bootstrap = "{\"xds_servers\":[{\"server_uri\":\"localhost:" + cp.port("KUMA_DP_SERVER_PORT") + "\","
        + "\"channel_creds\":[{\"type\":\"tls\"}],\"server_features\":[\"xds_v3\"]}],"
        + "\"node\":{\"id\":\"default.client-1\",\"metadata\":{\"kuma.io/proxyless-grpc\":\"true\"}}}";
    System.setProperty("io.grpc.xds.bootstrapConfig", bootstrap);
    trustControlPlaneCertificate();
  }

  /**
   * grpc-xds's "tls" channel credentials ignore their config and use the JVM's default trust
   * store, so the test points that at a store holding the control plane's self-signed certificate.
   */
  private static void trustControlPlaneCertificate() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    try (InputStream in = Files.newInputStream(workDir.resolve("kuma-cp.crt"))) {
      store.setCertificateEntry("kuma-cp", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    Path file = workDir.resolve("truststore.p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, "changeit".toCharArray());
    }
    System.setProperty("javax.net.ssl.trustStore", file.toString());
    System.setProperty("javax.net.ssl.trustStorePassword", "changeit");
    System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
  }

  @AfterAll
  static void stop() {
    System.clearProperty("io.grpc.xds.bootstrapConfig");
    System.clearProperty("javax.net.ssl.trustStore");
    System.clearProperty("javax.net.ssl.trustStorePassword");
    System.clearProperty("javax.net.ssl.trustStoreType");
    backend1.shutdownNow();
    backend2.shutdownNow();
    cp.close();
  }

  /** A gRPC server whose health service reports SERVING only for a service named after the instance. */
  private static Server healthServer(String instance) throws Exception {
    HealthStatusManager health = new HealthStatusManager();
    health.setStatus(instance, HealthCheckResponse.ServingStatus.SERVING);
    return Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
        .addService(health.getHealthService()).build().start();
  }

  private static void put(String name, String address, int port, String service, String outbound) throws Exception {
    String body = "{\"type\":\"Dataplane\",\"mesh\":\"default\",\"name\":\"" + name + "\",\"networking\":{\"address\":\""
        + address + "\",\"inbound\":[{\"port\":" + port + ",\"tags\":{\"kuma.io/service\":\"" + service
        + "\",\"kuma.io/protocol\":\"grpc\"}}]" + outbound + "}}";
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(cp.apiUrl() + "/meshes/default/dataplanes/" + name)).PUT(HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  @Test
  void grpcXdsResolvesTheServiceThroughOurAdsAndReachesBothInstances() throws Exception {
    ManagedChannel channel = Grpc.newChannelBuilder("xds:///backend", InsecureChannelCredentials.create()).build();
    try {
      Set<String> reached = new HashSet<>();
      StatusRuntimeException lastFailure = null;
      long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (reached.size() < 2 && System.nanoTime() < end) {
        try {
          // backend-1 answers SERVING for "backend-1"; backend-2 answers NOT_FOUND for it.
          HealthGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
              .check(HealthCheckRequest.newBuilder().setService("backend-1").build());
          reached.add("backend-1");
        } catch (StatusRuntimeException e) {
          if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
            reached.add("backend-2");
          } else {
            lastFailure = e;
            Thread.sleep(100);
          }
        }
      }
      assertThat(reached).as("RPCs through xds:///backend reached both instances; last failure: %s", lastFailure)
          .containsExactlyInAnyOrder("backend-1", "backend-2");
    } finally {
      channel.shutdownNow();
    }
  }
}
