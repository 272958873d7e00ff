package org.kumaj.dpsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Kuma's POST /bootstrap against a fake HTTPS dp-server. */
class BootstrapClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AtomicReference<TestHttpServer.Response> answer = new AtomicReference<>();
  private TestHttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private BootstrapClient start() throws IOException {
    server = TestHttpServer.https(r -> answer.get());
    return BootstrapClient.create(server.url(), List.of(server.certificate().certificate()));
  }

  static String bootstrapYaml(String apiType, String token, int adsPort, String caPem)
      throws IOException {
    return bootstrapYaml("default.svc-0-0", "svc-0", apiType, true, token, adsPort, caPem);
  }

  /** A Kuma-shaped Envoy bootstrap (as in Kuma's generator goldens). */
  static String bootstrapYaml(String nodeId, String service, String apiType,
      boolean nodeOnFirstMessageOnly, String token, int adsPort, String caPem) throws IOException {
    try (InputStream in = BootstrapClientTest.class.getResourceAsStream("bootstrap.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("${NODE_ID}", nodeId)
          .replace("${SERVICE}", service)
          .replace("${NODE_FIRST_ONLY}", Boolean.toString(nodeOnFirstMessageOnly))
          .replace("${API_TYPE}", apiType)
          .replace("${TOKEN}", token)
          .replace("${ADS_PORT}", Integer.toString(adsPort))
          .replace("${CA_BASE64}", Base64.getEncoder().encodeToString(
              caPem.getBytes(StandardCharsets.US_ASCII)));
    }
  }

  /** Kuma's JSON answer: Go marshals the bootstrap []byte as base64. */
  static String kumaAnswer(String yaml) {
    return "{\"bootstrap\":\"" + Base64.getEncoder().encodeToString(
        yaml.getBytes(StandardCharsets.UTF_8)) + "\",\"kumaSidecarConfiguration\":{\"networking\":"
        + "{\"corefileTemplate\":null,\"address\":\"10.0.0.1\"},\"metrics\":{\"aggregate\":[]}}}";
  }

  private static BootstrapRequest request() {
    return BootstrapRequest.builder("default", "svc-0-0")
        .dataplaneToken("the-token")
        .dataplaneResource("{\"type\":\"Dataplane\",\"mesh\":\"default\",\"name\":\"svc-0-0\"}")
        .caCert("-----BEGIN CERTIFICATE-----\n...")
        .dynamicMetadata(Map.of("HOST_IP", "10.0.0.1"))
        .build();
  }

  @Test
  void sendsKumasRequestAndParsesTheAnswer() throws Exception {
    BootstrapClient client = start();
    answer.set(new TestHttpServer.Response(200, "application/json",
        kumaAnswer(bootstrapYaml("GRPC", "the-token", 5678, "CA"))));

    BootstrapResult result = client.fetch(request());

    TestHttpServer.Request sent = server.requests().get(0);
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.path()).isEqualTo("/bootstrap");
    assertThat(sent.header("Accept")).isEqualTo("application/json");
    assertThat(sent.header("Content-Type")).isEqualTo("application/json");
    JsonNode body = JSON.readTree(sent.body());
    assertThat(body.fieldNames()).toIterable().containsExactly("mesh", "name", "proxyType",
        "dataplaneToken", "dataplaneResource", "version", "caCert", "dynamicMetadata",
        "operatingSystem", "features", "resources", "workdir", "metricsResources", "systemCaPath",
        "ipv6Enabled", "spireResources");
    assertThat(body.path("mesh").asText()).isEqualTo("default");
    assertThat(body.path("name").asText()).isEqualTo("svc-0-0");
    assertThat(body.path("proxyType").asText()).isEqualTo("dataplane");
    assertThat(body.path("dataplaneToken").asText()).isEqualTo("the-token");
    assertThat(body.path("dataplaneResource").asText()).contains("\"type\":\"Dataplane\"");
    assertThat(body.at("/version/kumaDp/version").asText()).isEqualTo("2.14.3");
    assertThat(body.at("/version/envoy/version").asText()).isEqualTo("1.38.2");
    assertThat(body.at("/version/envoy/kumaDpCompatible").asBoolean()).isTrue();
    assertThat(body.at("/dynamicMetadata/HOST_IP").asText()).isEqualTo("10.0.0.1");
    assertThat(body.path("features").get(0).asText())
        .isEqualTo("feature-tcp-accesslog-via-named-pipe");

    assertThat(result.nodeId()).isEqualTo("default.svc-0-0");
    assertThat(result.nodeCluster()).isEqualTo("svc-0");
    assertThat(result.nodeMetadata().getFieldsOrThrow("dataplane.proxyType").getStringValue())
        .isEqualTo("dataplane");
    assertThat(result.nodeMetadata().getFieldsOrThrow("version").getStructValue()
        .getFieldsOrThrow("kumaDp").getStructValue().getFieldsOrThrow("version").getStringValue())
        .isEqualTo("2.14.3");
    assertThat(result.apiType()).isEqualTo("GRPC");
    assertThat(result.adsMode()).isEqualTo(AdsMode.SOTW);
    assertThat(result.setNodeOnFirstMessageOnly()).isTrue();
    assertThat(result.token()).contains("the-token");
    assertThat(result.adsClusterName()).isEqualTo("ads_cluster");
    assertThat(result.adsHost()).isEqualTo("127.0.0.1");
    assertThat(result.adsPort()).isEqualTo(5678);
    assertThat(result.adsTls()).isTrue();
    assertThat(result.adsSni()).isEqualTo("localhost");
    assertThat(result.staticClusters()).containsExactly("access_log_sink", "ads_cluster");
    assertThat(result.kumaSidecarConfiguration().at("/networking/address").asText())
        .isEqualTo("10.0.0.1");

    ProxyOptions options = ProxyOptions.fromBootstrap(result).build();
    assertThat(options.nodeId()).isEqualTo("default.svc-0-0");
    assertThat(options.initialMetadata()).containsEntry("authorization", "the-token");
    assertThat(options.nodeOnEveryRequest()).isFalse();
    assertThat(options.node().getMetadata()).isEqualTo(result.nodeMetadata());
    XdsTarget target = XdsTarget.fromBootstrap(result, List.of(server.certificate().certificate()));
    assertThat(target.authority()).isEqualTo("localhost");
    assertThat(target.tls()).isTrue();
  }

  @Test
  void deltaBootstrapAndPlainYamlAnswer() throws Exception {
    BootstrapClient client = start();
    answer.set(new TestHttpServer.Response(200, "text/x-yaml",
        bootstrapYaml("DELTA_GRPC", "t", 15678, "CA")));

    BootstrapResult result = client.fetch(BootstrapRequest.builder("default", "svc-0-0")
        .deltaXds(true).build());

    assertThat(result.adsMode()).isEqualTo(AdsMode.DELTA);
    assertThat(result.adsPort()).isEqualTo(15678);
    assertThat(result.kumaSidecarConfiguration().isMissingNode()).isTrue();
    assertThat(JSON.readTree(server.requests().get(0).body()).path("features").toString())
        .isEqualTo("[\"feature-tcp-accesslog-via-named-pipe\",\"feature-delta-grpc\"]");
  }

  @Test
  void surfacesAPlainTextError() throws Exception {
    BootstrapClient client = start();
    answer.set(new TestHttpServer.Response(422, "text/plain",
        "Dataplane Token is required. Generate token using 'kumactl generate dataplane-token"));

    assertThatThrownBy(() -> client.fetch(request()))
        .isInstanceOfSatisfying(BootstrapException.class, e -> {
          assertThat(e.status()).isEqualTo(422);
          assertThat(e.getMessage()).startsWith("bootstrap of default.svc-0-0 at "
              + server.url() + "/bootstrap failed with 422: Invalid request: Dataplane Token is"
              + " required.");
          assertThat(e.title()).isEmpty();
        });
  }

  @Test
  void surfacesKumasErrorBody() throws Exception {
    BootstrapClient client = start();
    answer.set(new TestHttpServer.Response(400, "application/json", "{\"type\":\"/std-errors\","
        + "\"status\":400,\"title\":\"Could not generate a bootstrap\",\"detail\":\"resource is"
        + " not valid\",\"invalid_parameters\":[{\"field\":\"networking.address\",\"reason\":"
        + "\"address can't be empty\"}]}"));

    assertThatThrownBy(() -> client.fetch(request()))
        .isInstanceOfSatisfying(BootstrapException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.title()).contains("Could not generate a bootstrap");
          assertThat(e.detail()).contains("resource is not valid");
          assertThat(e.invalidParameters())
              .containsExactly("networking.address: address can't be empty");
          assertThat(e.getMessage()).endsWith("failed with 400: Invalid request: Could not"
              + " generate a bootstrap: resource is not valid (networking.address: address can't"
              + " be empty)");
        });
  }

  @Test
  void notFoundWithoutBodyMeansTheDataplaneIsUnknown() throws Exception {
    BootstrapClient client = start();
    answer.set(new TestHttpServer.Response(404, null, ""));

    assertThatThrownBy(() -> client.fetch(request()))
        .isInstanceOf(BootstrapException.class)
        .hasMessageContaining("failed with 404: Dataplane entity not found.");
  }

  @Test
  void serverErrorAndUnusableAnswer() throws Exception {
    BootstrapClient client = start();
    answer.set(new TestHttpServer.Response(500, null, ""));
    assertThatThrownBy(() -> client.fetch(request()))
        .hasMessageEndingWith("failed with 500: unexpected status code: 500");

    answer.set(new TestHttpServer.Response(200, "application/json", "{\"bootstrap\":\"!!\"}"));
    assertThatThrownBy(() -> client.fetch(request()))
        .isInstanceOf(BootstrapException.class)
        .hasMessageContaining("unusable answer: 'bootstrap' is not base64");
  }

  @Test
  void refusesAServerNotSignedByTheGivenCa() throws Exception {
    start();
    BootstrapClient wrong = BootstrapClient.create(server.url(),
        List.of(SelfSigned.localhost("other").certificate()));
    answer.set(new TestHttpServer.Response(200, "application/json", "{}"));

    assertThatThrownBy(() -> wrong.fetch(request()))
        .isInstanceOfSatisfying(BootstrapException.class, e -> {
          assertThat(e.status()).isZero();
          assertThat(e.getMessage()).startsWith("TLS handshake with " + server.url()
              + "/bootstrap failed: the server certificate is not signed by the trusted CA");
        });
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void bootstrapThenAdsEndToEnd() throws Exception {
    try (BaselineServer ads = BaselineServer.startTls();
        DpSimulator simulator = DpSimulator.create()) {
      Topology topology = Topology.generate(2, 1, 1);
      SyntheticMesh.snapshots("default", topology, SyntheticMesh.Mtls.OFF)
          .forEach(ads::setSnapshot);
      BootstrapClient client = start();
      answer.set(new TestHttpServer.Response(200, "application/json",
          kumaAnswer(bootstrapYaml("DELTA_GRPC", "the-token", ads.port(), ads.certificatePem()))));
      BootstrapResult bootstrap = client.fetch(request());

      // the CA to verify ADS with comes from the bootstrap's cp_validation_ctx, as Envoy does
      String ca = new String(Base64.getDecoder().decode(bootstrap.bootstrap()
          .at("/staticResources/secrets/0/validationContext/trustedCa/inlineBytes").asText()),
          StandardCharsets.US_ASCII);
      SimulatedProxy proxy = simulator.connect(
          XdsTarget.fromBootstrap(bootstrap, Certificates.parsePem(ca)),
          ProxyOptions.fromBootstrap(bootstrap).nodeOnEveryRequest(true).build());
      proxy.await(Condition.graphComplete(), Duration.ofSeconds(60));

      assertThat(proxy.options().mode()).isEqualTo(AdsMode.DELTA);
      assertThat(ads.authorizations()).containsExactly("the-token");
      assertThat(ads.nodes()).singleElement().satisfies(n -> {
        assertThat(n.getId()).isEqualTo("default.svc-0-0");
        assertThat(n.getCluster()).isEqualTo("svc-0");
        assertThat(n.getMetadata()).isEqualTo(bootstrap.nodeMetadata());
      });
    }
  }
}
