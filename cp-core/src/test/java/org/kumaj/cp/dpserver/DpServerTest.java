package org.kumaj.cp.dpserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kumaj.cp.launcher.Role;
import org.kumaj.cp.testing.TestControlPlane;
import org.kumaj.model.codec.Json;
import org.kumaj.pki.Pem;

/** The data-plane server's single TLS port: bootstrap over HTTP/1.1 and gRPC over h2. */
class DpServerTest {
  @TempDir
  static Path workDir;
  static TestControlPlane cp;
  static int port;
  static X509Certificate cpCert;

  @BeforeAll
  static void start() throws Exception {
    cp = TestControlPlane.start(Role.STANDALONE, workDir, Map.of("KUMA_DP_SERVER_AUTHN_DP_PROXY_TYPE", "none"));
    port = cp.port("KUMA_DP_SERVER_PORT");
    cpCert = Pem.certificates(java.nio.file.Files.readString(workDir.resolve("kuma-cp.crt"))).get(0);
    putDataplane("web-1", "web");
  }

  @AfterAll
  static void stop() {
    cp.close();
  }

  static void putDataplane(String name, String service) throws Exception {
    String body = "{\"type\":\"Dataplane\",\"mesh\":\"default\",\"name\":\"" + name + "\",\"networking\":{\"address\":"
        + "\"127.0.0.1\",\"inbound\":[{\"port\":8080,\"tags\":{\"kuma.io/service\":\"" + service + "\"}}]}}";
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(cp.apiUrl() + "/meshes/default/dataplanes/" + name)).PUT(HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  private static HttpClient https() throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("cp", cpCert);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_2).build();
  }

  private static HttpResponse<String> bootstrap(String body, String accept) throws Exception {
    return https().send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/bootstrap"))
        .header("Accept", accept).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void bootstrapOverHttpsEvenWhenTheClientOffersH2() throws Exception {
    HttpResponse<String> r = bootstrap("{\"mesh\":\"default\",\"name\":\"web-1\",\"version\":{\"kumaDp\":"
        + "{\"version\":\"2.14.3\"},\"envoy\":{\"version\":\"1.34.1\"}}}", "application/json");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    JsonNode json = Json.mapper().readTree(r.body());
    String yaml = new String(Base64.getDecoder().decode(json.get("bootstrap").asText()));
    JsonNode bootstrap = Json.yaml().readTree(yaml);
    assertThat(bootstrap.at("/node/id").asText()).isEqualTo("default.web-1");
    assertThat(bootstrap.at("/node/cluster").asText()).isEqualTo("web");
    assertThat(bootstrap.at("/node/metadata/version/kumaDp/version").asText()).isEqualTo("2.14.3");
    assertThat(bootstrap.at("/dynamicResources/adsConfig/grpcServices/0/envoyGrpc/clusterName").asText())
        .isEqualTo("ads_cluster");
    assertThat(yaml).contains("portValue: " + port);
    assertThat(json.at("/kumaSidecarConfiguration/networking/address").asText()).isEqualTo("127.0.0.1");
    HttpResponse<String> legacy = bootstrap("{\"mesh\":\"default\",\"name\":\"web-1\"}", "*/*");
    assertThat(legacy.headers().firstValue("content-type")).contains("text/x-yaml");
    assertThat(legacy.body()).contains("id: default.web-1");
  }

  @Test
  void bootstrapErrorsUseKumasCodes() throws Exception {
    assertThat(bootstrap("{\"mesh\":\"nope\",\"name\":\"web-1\"}", "application/json").statusCode()).isEqualTo(404);
    assertThat(bootstrap("{\"mesh\":\"default\",\"name\":\"nope\"}", "application/json").statusCode()).isEqualTo(404);
    assertThat(bootstrap("{not json", "application/json").statusCode()).isEqualTo(400);
    HttpResponse<String> invalid = bootstrap("{\"mesh\":\"default\",\"name\":\"web-2\",\"dataplaneResource\":"
        + "\"type: Dataplane\\nmesh: default\\nname: web-2\\nnetworking:\\n  address: 1.1.1.1\\n  inbound:\\n"
        + "  - port: 0\\n\"}", "application/json");
    assertThat(invalid.statusCode()).isEqualTo(422);
    assertThat(invalid.body()).contains("networking.inbound[0]");
  }

  @Test
  void grpcOverH2ReachesTheInJvmServer() throws Exception {
    ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", port)
        .sslContext(GrpcSslContexts.forClient().trustManager(cpCert).build())
        .build();
    try {
      HealthCheckResponse health = HealthGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
          .check(HealthCheckRequest.getDefaultInstance());
      assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    } finally {
      channel.shutdownNow();
    }
  }
}
