package org.kumaj.kumactl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.service.discovery.v3.AggregatedDiscoveryServiceGrpc;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryRequest;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.grpc.ManagedChannel;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kumaj.cp.launcher.Role;
import org.kumaj.cp.testing.TestControlPlane;
import org.kumaj.model.codec.Json;
import org.kumaj.pki.Pem;

/**
 * {@code kumactl inspect dataplane NAME --type config-dump|policies|config|stats} against a real
 * control plane with a proxy connected over ADS.
 */
class InspectDataplaneLiveTest {
  @TempDir
  static Path work;
  static TestControlPlane cp;
  static Path config;
  static ManagedChannel channel;

  @BeforeAll
  static void start() throws Exception {
    cp = TestControlPlane.start(Role.STANDALONE, work.resolve("cp"), Map.of(
        "KUMA_DP_SERVER_AUTHN_DP_PROXY_TYPE", "none",
        "KUMA_XDS_SERVER_DATAPLANE_STATUS_FLUSH_INTERVAL", "200ms"));
    String dp = "{\"type\":\"Dataplane\",\"mesh\":\"default\",\"name\":\"web-1\",\"networking\":{\"address\":"
        + "\"10.0.0.1\",\"inbound\":[{\"port\":8080,\"tags\":{\"kuma.io/service\":\"web\"}}]}}";
    HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(cp.apiUrl() + "/meshes/default/dataplanes/web-1")).PUT(HttpRequest.BodyPublishers.ofString(dp))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
    X509Certificate ca = Pem.certificates(Files.readString(work.resolve("cp").resolve("kuma-cp.crt"))).get(0);
    channel = NettyChannelBuilder.forAddress("localhost", cp.port("KUMA_DP_SERVER_PORT"))
        .sslContext(GrpcSslContexts.forClient().trustManager(ca).build()).build();
    CountDownLatch got = new CountDownLatch(1);
    StreamObserver<DiscoveryRequest>[] requests = new StreamObserver[1];
    requests[0] = AggregatedDiscoveryServiceGrpc.newStub(channel).streamAggregatedResources(new StreamObserver<>() {
      @Override
      public void onNext(DiscoveryResponse r) {
        synchronized (requests) {
          requests[0].onNext(DiscoveryRequest.newBuilder().setTypeUrl(r.getTypeUrl()).setVersionInfo(r.getVersionInfo())
              .setResponseNonce(r.getNonce()).build());
        }
        got.countDown();
      }

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onCompleted() {}
    });
    synchronized (requests) {
      requests[0].onNext(DiscoveryRequest.newBuilder().setNode(Node.newBuilder().setId("default.web-1"))
          .setTypeUrl("type.googleapis.com/envoy.config.listener.v3.Listener").build());
    }
    assertThat(got.await(30, TimeUnit.SECONDS)).isTrue();
    config = work.resolve("kumactl-config");
    Run add = Run.kumactl(work.resolve("home"), "--config-file", config.toString(), "config", "control-planes", "add",
        "--name", "live", "--address", cp.apiUrl());
    assertThat(add.exit()).as(add.toString()).isZero();
  }

  @AfterAll
  static void stop() {
    if (channel != null) {
      channel.shutdownNow();
    }
    cp.close();
  }

  private static Run kumactl(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--config-file";
    all[1] = config.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return Run.kumactl(work.resolve("home"), all);
  }

  /** Retries while the control plane catches up (snapshot, insight flush), up to a deadline. */
  private static Run eventually(String... args) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    Run run = kumactl(args);
    while (run.exit() != 0 && System.nanoTime() < end) {
      Thread.sleep(50);
      run = kumactl(args);
    }
    return run;
  }

  @Test
  void configDumpPrintsTheEnvoyConfigDump() throws Exception {
    Run run = eventually("inspect", "dataplane", "web-1", "--type", "config-dump", "--include-eds");
    assertThat(run.exit()).as(run.toString()).isZero();
    JsonNode dump = Json.mapper().readTree(run.out());
    assertThat(dump.path("configs").get(0).path("bootstrap").path("node").path("id").asText()).isEqualTo("default.web-1");
    assertThat(run.out()).contains("inbound:10.0.0.1:8080").contains("EndpointsConfigDump");
  }

  @Test
  void configPrintsTheGeneratedConfiguration() throws Exception {
    Run run = eventually("inspect", "dataplane", "web-1", "--type", "config");
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(Json.mapper().readTree(run.out()).path("xds").has("type.googleapis.com/envoy.config.listener.v3.Listener"))
        .isTrue();
  }

  @Test
  void policiesPrintsTheMatchedPolicies() {
    Run run = kumactl("inspect", "dataplane", "web-1");
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("DATAPLANE:\n").contains("  MeshTimeout\n");
  }

  @Test
  void statsOfAnUnreachableAdminPrintsTheServersError() {
    Run run = kumactl("inspect", "dataplane", "web-1", "--type", "stats");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("Error: Could not execute admin operation (Internal Server Error)\n");
  }
}
