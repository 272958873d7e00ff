package org.kumaj.cp.xds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kumaj.cp.xds.XdsTestSupport.poll;
import static org.kumaj.cp.xds.XdsTestSupport.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.envoyproxy.controlplane.cache.Resources;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kumaj.cp.launcher.Role;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.cp.testing.TestControlPlane;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.codec.Json;
import org.kumaj.model.mesh.DataplaneInsight;
import org.kumaj.testing.GoldenFiles;

/**
 * The dataplane inspection endpoints against a real control plane and real ADS clients: the config
 * dump of what was pushed ({@code /xds}, golden), secrets redacted, {@code _config}, {@code policies},
 * {@code stats}/{@code clusters} through a loopback Envoy admin, and Kuma's errors for bad input and
 * unreachable proxies.
 */
class InspectEndpointsTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir
  static Path workDir;
  static TestControlPlane cp;
  static X509Certificate ca;
  static int port;
  static HttpServer envoyAdmin;
  static final ConcurrentLinkedQueue<String> adminRequests = new ConcurrentLinkedQueue<>();

  @BeforeAll
  static void start() throws Exception {
    cp = TestControlPlane.start(Role.STANDALONE, workDir, Map.of(
        "KUMA_DP_SERVER_AUTHN_DP_PROXY_TYPE", "none",
        "KUMA_XDS_SERVER_DATAPLANE_STATUS_FLUSH_INTERVAL", "200ms"));
    ca = XdsTestSupport.controlPlaneCertificate(workDir);
    port = cp.port("KUMA_DP_SERVER_PORT");
    envoyAdmin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    envoyAdmin.createContext("/", exchange -> {
      adminRequests.add(exchange.getRequestURI().toString());
      byte[] body = (exchange.getRequestURI().getPath().equals("/stats") ? "cluster.backend.upstream_cx_total: 3\n"
          : "backend::10.0.0.2:8080::cx_active::0\n").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    envoyAdmin.start();
    put(cp, "/meshes/default/dataplanes/client-1", dataplane("default", "client-1", "10.0.0.1", "client", 9000,
        "[{\"port\": 10001, \"tags\": {\"kuma.io/service\": \"backend\"}}]", null));
    put(cp, "/meshes/default/dataplanes/backend-1", dataplane("default", "backend-1", "10.0.0.2", "backend", 8080,
        null, null));
    put(cp, "/meshes/default/dataplanes/local-1", dataplane("default", "local-1", "127.0.0.1", "local", 7070, null,
        envoyAdmin.getAddress().getPort()));
    put(cp, "/meshes/secure", "{\"type\":\"Mesh\",\"name\":\"secure\",\"mtls\":{\"enabledBackend\":\"ca-1\","
        + "\"backends\":[{\"name\":\"ca-1\",\"type\":\"builtin\"}]}}");
    put(cp, "/meshes/secure/dataplanes/web-1", dataplane("secure", "web-1", "10.0.1.1", "web", 8080, null, null));
  }

  @AfterAll
  static void stop() {
    envoyAdmin.stop(0);
    cp.close();
  }

  static String dataplane(String mesh, String name, String address, String service, int port, String outbound,
      Integer adminPort) {
    return "{\"type\":\"Dataplane\",\"mesh\":\"" + mesh + "\",\"name\":\"" + name + "\",\"networking\":{\"address\":\""
        + address + "\",\"inbound\":[{\"port\":" + port + ",\"tags\":{\"kuma.io/service\":\"" + service + "\"}}]"
        + (outbound == null ? "" : ",\"outbound\":" + outbound)
        + (adminPort == null ? "" : ",\"admin\":{\"port\":" + adminPort + "}") + "}}";
  }

  static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(cp.apiUrl() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return Json.mapper().readTree(r.body());
  }

  static void assertError(HttpResponse<String> r, int status, String title, String detail) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    JsonNode body = json(r);
    assertThat(body.path("title").asText()).isEqualTo(title);
    assertThat(body.path("detail").asText()).isEqualTo(detail);
  }

  static AdsClient connect(String nodeId) throws Exception {
    AdsClient client = new AdsClient(port, ca, nodeId, null, Map.of());
    for (String type : List.of(Resources.V3.CLUSTER_TYPE_URL, Resources.V3.LISTENER_TYPE_URL)) {
      client.subscribe(type, List.of());
      client.await(type, r -> r.getResourcesCount() > 0, DEADLINE);
    }
    return client;
  }

  /** Waits until {@code path} answers 200, e.g. once the proxy's snapshot is there. */
  static HttpResponse<String> awaitOk(String path) throws Exception {
    HttpResponse<String>[] last = new HttpResponse[1];
    poll(DEADLINE, () -> {
      try {
        last[0] = get(path);
        return last[0].statusCode() == 200;
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
    return last[0];
  }

  @Test
  void configDumpIsWhatWasPushedInEnvoysShape() throws Exception {
    try (AdsClient client = connect("default.client-1")) {
      HttpResponse<String> withEds = awaitOk("/meshes/default/dataplanes/client-1/xds?include_eds=true");
      assertThat(withEds.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
      GoldenFiles.assertMatches(GoldenFiles.sourceDir("cp-core", "org/kumaj/cp/xds/inspect/client-1.config-dump.golden.json"),
          withEds.body() + "\n");
      List<String> sections = types(json(withEds));
      assertThat(sections).containsExactly("BootstrapConfigDump", "ClustersConfigDump", "EndpointsConfigDump",
          "ListenersConfigDump", "ScopedRoutesConfigDump", "RoutesConfigDump", "SecretsConfigDump");

      HttpResponse<String> withoutEds = get("/meshes/default/dataplanes/client-1/xds");
      assertThat(withoutEds.statusCode()).isEqualTo(200);
      assertThat(types(json(withoutEds))).doesNotContain("EndpointsConfigDump").contains("ClustersConfigDump");
      // what the client received is what the dump shows
      String clusters = json(withoutEds).path("configs").get(1).path("version_info").asText();
      assertThat(clusters).isEqualTo(client.await(Resources.V3.CLUSTER_TYPE_URL, r -> true, DEADLINE).getVersionInfo());
    }
  }

  private static List<String> types(JsonNode dump) {
    return java.util.stream.StreamSupport.stream(dump.path("configs").spliterator(), false)
        .map(c -> c.path("@type").asText().replace("type.googleapis.com/envoy.admin.v3.", "")).toList();
  }

  @Test
  void configDumpRedactsPrivateKeys() throws Exception {
    try (AdsClient client = connect("secure.web-1")) {
      client.subscribe(Resources.V3.SECRET_TYPE_URL, List.of("identity_cert:secret:secure", "mesh_ca:secret:secure"));
      client.await(Resources.V3.SECRET_TYPE_URL, r -> r.getResourcesCount() == 2, DEADLINE);
      HttpResponse<String> dump = awaitOk("/meshes/secure/dataplanes/web-1/xds");
      JsonNode secrets = json(dump).path("configs").get(5).path("dynamic_active_secrets");
      assertThat(secrets).hasSize(2);
      JsonNode identity = secrets.get(0);
      assertThat(identity.path("name").asText()).isEqualTo("identity_cert:secret:secure");
      JsonNode tls = identity.path("secret").path("tls_certificate");
      assertThat(decode(tls.path("private_key").path("inline_bytes"))).isEqualTo("[redacted]");
      assertThat(decode(tls.path("certificate_chain").path("inline_bytes"))).startsWith("-----BEGIN CERTIFICATE-----");
      assertThat(dump.body()).doesNotContain("PRIVATE KEY")
          .doesNotContain(Base64.getEncoder().encodeToString("-----BEGIN RSA PRIVATE".getBytes(StandardCharsets.UTF_8)))
          .doesNotContain(Base64.getEncoder().encodeToString("-----BEGIN PRIVATE".getBytes(StandardCharsets.UTF_8)));
      assertThat(decode(secrets.get(1).path("secret").path("validation_context").path("trusted_ca").path("inline_bytes")))
          .startsWith("-----BEGIN CERTIFICATE-----");
    }
  }

  private static String decode(JsonNode base64) {
    return new String(Base64.getDecoder().decode(base64.asText()), StandardCharsets.UTF_8);
  }

  @Test
  void configDumpOfAProxyThatIsNotConnectedIsKumasAdminError() throws Exception {
    assertError(get("/meshes/default/dataplanes/backend-1/xds"), 500, "Could not execute admin operation",
        "Internal Server Error");
  }

  @Test
  void badInputGetsKumasErrors() throws Exception {
    assertError(get("/meshes/default/dataplanes/nope/xds"), 404, "Could not get dataplane resource", "Not found");
    assertError(get("/meshes/no-such-mesh/dataplanes/client-1/xds"), 404, "Could not get dataplane resource",
        "Not found");
    assertError(get("/meshes/default/dataplanes/client-1/nonsense"), 404, "Could not execute admin operation",
        "Not found");
    assertError(get("/meshes/default/dataplanes/nope/policies"), 404, "Could not get MatchedPolicies", "Not found");
    assertError(get("/meshes/no-such-mesh/dataplanes/client-1/policies"), 404, "Could not build MeshContext",
        "Not found");
    assertError(get("/meshes/no-such-mesh/dataplanes/client-1/_config"), 404, "Failed to retrieve Mesh", "Not found");
    assertError(get("/meshes/default/dataplanes/nope/_config"), 404, "Failed to fetch dataplane insight", "Not found");
    assertError(get("/meshes/default/dataplanes/client-1/_config?shadow=maybe"), 400, "Bad Request",
        "unsupported value for query parameter 'shadow'");
    assertError(get("/meshes/default/dataplanes/client-1/_config?include=everything"), 400, "Bad Request",
        "unsupported value for query parameter 'include'");
    // the existing routes under a dataplane still win over the inspection route
    assertThat(get("/meshes/default/dataplanes/client-1/_overview").statusCode()).isEqualTo(200);
  }

  @Test
  void statsAndClustersComeFromALoopbackEnvoyAdminAndFailLikeKumaOtherwise() throws Exception {
    HttpResponse<String> stats = get("/meshes/default/dataplanes/local-1/stats");
    assertThat(stats.statusCode()).as(stats.body()).isEqualTo(200);
    assertThat(stats.body()).isEqualTo("cluster.backend.upstream_cx_total: 3\n");
    assertThat(stats.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(adminRequests).contains("/stats?usedonly");
    HttpResponse<String> clusters = get("/meshes/default/dataplanes/local-1/clusters?format=json");
    assertThat(clusters.statusCode()).isEqualTo(200);
    assertThat(clusters.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(adminRequests).contains("/clusters?format=json");
    // a proxy whose admin needs Kuma's mTLS, and a loopback admin nobody listens on
    assertError(get("/meshes/default/dataplanes/client-1/stats"), 500, "Could not execute admin operation",
        "Internal Server Error");
    put(cp, "/meshes/default/dataplanes/local-2", dataplane("default", "local-2", "127.0.0.1", "local", 7071, null,
        TestControlPlane.freePort()));
    assertError(get("/meshes/default/dataplanes/local-2/clusters"), 500, "Could not execute admin operation",
        "Internal Server Error");
  }

  @Test
  void configIsTheConfigurationGeneratedNow() throws Exception {
    try (AdsClient client = connect("default.client-1")) {
      ResourceManager manager = cp.bean(ResourceManager.class);
      poll(DEADLINE, () -> manager.get(new ResourceKey(DataplaneInsight.TYPE, "default", "client-1")).isPresent());
      HttpResponse<String> r = get("/meshes/default/dataplanes/client-1/_config");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode xds = json(r).path("xds");
      assertThat(json(r).has("diff")).isFalse();
      assertThat(iterable(xds.fieldNames())).containsExactly(
          "type.googleapis.com/envoy.config.cluster.v3.Cluster",
          "type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment",
          "type.googleapis.com/envoy.config.listener.v3.Listener");
      assertThat(xds.path("type.googleapis.com/envoy.config.listener.v3.Listener").has("outbound:127.0.0.1:10001"))
          .isTrue();
      assertThat(xds.path("type.googleapis.com/envoy.config.cluster.v3.Cluster").path("backend").path("name").asText())
          .isEqualTo("backend");
      HttpResponse<String> diff = get("/meshes/default/dataplanes/client-1/_config?shadow=true&include=diff");
      assertThat(diff.statusCode()).isEqualTo(200);
      assertThat(json(diff).path("diff").isArray()).isTrue();
      assertThat(json(diff).path("diff")).isEmpty();
    }
  }

  @Test
  void configOfAnMtlsProxyUsesKumasPlaceholderSecrets() throws Exception {
    try (AdsClient client = connect("secure.web-1")) {
      ResourceManager manager = cp.bean(ResourceManager.class);
      poll(DEADLINE, () -> manager.get(new ResourceKey(DataplaneInsight.TYPE, "secure", "web-1")).isPresent());
      JsonNode secrets = json(awaitOk("/meshes/secure/dataplanes/web-1/_config")).path("xds")
          .path("type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret");
      JsonNode tls = secrets.path("identity_cert:secret:secure").path("tlsCertificate");
      assertThat(decode(tls.path("certificateChain").path("inlineBytes"))).isEqualTo("CERT");
      assertThat(decode(tls.path("privateKey").path("inlineBytes"))).isEqualTo("KEY");
      assertThat(decode(secrets.path("mesh_ca:secret:secure").path("validationContext").path("trustedCa")
          .path("inlineBytes"))).isEqualTo("CA");
    }
  }

  @Test
  void policiesListsTheTargetRefPoliciesSelectingTheDataplane() throws Exception {
    HttpResponse<String> r = get("/meshes/default/dataplanes/client-1/policies");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode body = json(r);
    assertThat(body.path("kind").asText()).isEqualTo("SidecarDataplane");
    assertThat(body.path("total").asInt()).isEqualTo(1);
    JsonNode entry = body.path("items").get(0);
    assertThat(entry.path("type").asText()).isEqualTo("dataplane");
    // the default mesh's default policies select every proxy
    JsonNode timeouts = entry.path("matchedPolicies").path("MeshTimeout");
    assertThat(timeouts).isNotEmpty();
    assertThat(timeouts.get(0).path("mesh").asText()).isEqualTo("default");
    assertThat(timeouts.get(0).path("type").asText()).isEqualTo("MeshTimeout");
    assertThat(timeouts.get(0).path("kri").asText()).startsWith("kri_mt_default_");
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
