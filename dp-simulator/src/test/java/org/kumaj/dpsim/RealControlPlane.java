package org.kumaj.dpsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.kumaj.cp.launcher.Role;
import org.kumaj.cp.testing.TestControlPlane;

/**
 * Our real control plane (standalone, memory store, free ports) started in this JVM, driven only
 * over its sockets: the HTTP API for meshes, Dataplanes and tokens, {@code POST /bootstrap} and
 * ADS on the dp-server for proxies. Close it to stop the proxies and the control plane.
 */
final class RealControlPlane implements AutoCloseable {
  static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestControlPlane cp;
  private final CpApi api;
  private final String caPem;
  private final List<X509Certificate> ca;
  private final BootstrapClient bootstrap;
  private final DpSimulator simulator;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  private RealControlPlane(TestControlPlane cp) throws IOException {
    this.cp = cp;
    this.api = new CpApi(URI.create(cp.apiUrl()), URI.create(cp.diagnosticsUrl()));
    this.caPem = Files.readString(cp.bean(org.kumaj.cp.tls.ServerTls.class).certFile(),
        StandardCharsets.US_ASCII);
    this.ca = Certificates.parsePem(caPem);
    this.bootstrap = BootstrapClient.create(URI.create("https://127.0.0.1:" + dpPort()), ca);
    this.simulator = DpSimulator.builder().eventLoopThreads(2).build();
  }

  /**
   * Starts a standalone control plane in {@code workDir} with short intervals for tests
   * (insight flush 200 ms, NACK backoff 1 s, deregistration 200 ms) and {@code env} on top.
   */
  static RealControlPlane start(Path workDir, Map<String, String> env) throws IOException {
    Map<String, String> all = new HashMap<>();
    all.put("KUMA_XDS_SERVER_DATAPLANE_STATUS_FLUSH_INTERVAL", "200ms");
    all.put("KUMA_XDS_SERVER_NACK_BACKOFF", "1s");
    all.put("KUMA_XDS_DATAPLANE_DEREGISTRATION_DELAY", "200ms");
    all.putAll(env);
    return new RealControlPlane(TestControlPlane.start(Role.STANDALONE, workDir, all));
  }

  TestControlPlane cp() {
    return cp;
  }

  DpSimulator simulator() {
    return simulator;
  }

  int dpPort() {
    return cp.port("KUMA_DP_SERVER_PORT");
  }

  List<X509Certificate> caCertificates() {
    return ca;
  }

  BootstrapClient bootstrapClient() {
    return bootstrap;
  }

  /** Creates or replaces a mesh; {@code mtls} is null (off) or a builtin backend's JSON. */
  void putMesh(String mesh, ObjectNode mtls) throws IOException {
    ObjectNode m = JSON.createObjectNode();
    m.put("type", "Mesh");
    m.put("name", mesh);
    if (mtls != null) {
      m.set("mtls", mtls);
    }
    join(api.putMesh(mesh, m.toString()));
  }

  /** Builtin mTLS with backend {@code ca-1} in {@code mode}; {@code dpCertExpiration} may be null. */
  static ObjectNode builtinMtls(String mode, String dpCertExpiration) {
    ObjectNode mtls = JSON.createObjectNode();
    mtls.put("enabledBackend", "ca-1");
    ObjectNode backend = mtls.putArray("backends").addObject();
    backend.put("name", "ca-1");
    backend.put("type", "builtin");
    backend.put("mode", mode);
    if (dpCertExpiration != null) {
      backend.putObject("dpCert").putObject("rotation").put("expiration", dpCertExpiration);
    }
    return mtls;
  }

  void putDataplane(String mesh, String name, String json) throws IOException {
    join(api.putDataplane(mesh, name, json));
  }

  void putDataplane(String mesh, Dp dp) throws IOException {
    putDataplane(mesh, dp.name(), dp.json(mesh));
  }

  void deleteDataplane(String mesh, String name) throws IOException {
    join(api.deleteDataplane(mesh, name));
  }

  /** A dataplane token from {@code POST /tokens/dataplane}. */
  String token(String mesh, String name) throws IOException {
    return join(api.dataplaneToken(mesh, name));
  }

  /** {@code GET} on the API; the body as JSON, or a missing node on 404. */
  JsonNode get(String path) throws IOException {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(cp.apiUrl() + path)).GET().build());
    if (r.statusCode() == 404) {
      return JSON.missingNode();
    }
    if (r.statusCode() != 200) {
      throw new IOException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }

  /** {@code PUT} of a JSON body on the API. */
  void put(String path, String json) throws IOException {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(cp.apiUrl() + path))
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    if (r.statusCode() / 100 != 2) {
      throw new IOException("PUT " + path + " answered " + r.statusCode() + ": " + r.body());
    }
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** kuma-dp's bootstrap for a stored Dataplane, with a token from the API. */
  BootstrapResult bootstrap(String mesh, String name, AdsMode mode) throws IOException {
    return bootstrap.fetch(request(mesh, name, token(mesh, name), mode).build());
  }

  BootstrapRequest.Builder request(String mesh, String name, String token, AdsMode mode) {
    return BootstrapRequest.builder(mesh, name).dataplaneToken(token).caCert(caPem)
        .deltaXds(mode == AdsMode.DELTA);
  }

  /** Bootstraps and connects a proxy for a stored Dataplane. */
  SimulatedProxy connect(String mesh, String name, AdsMode mode) throws IOException {
    return connect(bootstrap(mesh, name, mode), o -> o);
  }

  /** Connects a proxy as this bootstrap says, with options adjusted by {@code options}. */
  SimulatedProxy connect(BootstrapResult b, UnaryOperator<ProxyOptions.Builder> options) {
    return simulator.connect(XdsTarget.fromBootstrap(b, ca), options.apply(ProxyOptions.fromBootstrap(b)).build());
  }

  /** Connects a proxy straight to ADS (no bootstrap) with this node id and token. */
  SimulatedProxy connectRaw(String nodeId, String token, UnaryOperator<ProxyOptions.Builder> options) {
    return simulator.connect(XdsTarget.tls("127.0.0.1", dpPort(), ca, "127.0.0.1"),
        options.apply(ProxyOptions.builder(nodeId).token(token)).build());
  }

  /** Polls {@code condition} until it holds or {@link #DEADLINE} passes. */
  static void poll(String what, BooleanSupplier condition) {
    long end = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError(what + ": not within " + DEADLINE);
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  private static <T> T join(java.util.concurrent.CompletableFuture<T> f) throws IOException {
    try {
      return f.join();
    } catch (CompletionException e) {
      throw new IOException(e.getCause().getMessage(), e.getCause());
    }
  }

  @Override
  public void close() {
    try {
      simulator.close();
    } finally {
      cp.close();
    }
  }

  /**
   * A Dataplane: one inbound {@code port} (application on {@code port + 10000}) of {@code service}
   * with {@code tags}, and outbounds (service to local port).
   */
  record Dp(String name, String address, int port, String service, Map<String, String> tags,
      Map<String, Integer> outbounds) {

    static Dp of(String name, String address, String service, Map<String, Integer> outbounds) {
      return new Dp(name, address, 8080, service, Map.of("kuma.io/protocol", "tcp"), outbounds);
    }

    Dp withTags(Map<String, String> extra) {
      Map<String, String> t = new HashMap<>(tags);
      t.putAll(extra);
      return new Dp(name, address, port, service, t, outbounds);
    }

    String endpoint() {
      return address + ":" + port;
    }

    String json(String mesh) {
      ObjectNode dp = JSON.createObjectNode();
      dp.put("type", "Dataplane");
      dp.put("mesh", mesh);
      dp.put("name", name);
      ObjectNode networking = dp.putObject("networking");
      networking.put("address", address);
      ObjectNode inbound = networking.putArray("inbound").addObject();
      inbound.put("port", port);
      inbound.put("servicePort", port + 10000);
      ObjectNode t = inbound.putObject("tags");
      t.put("kuma.io/service", service);
      new java.util.TreeMap<>(tags).forEach(t::put);
      ArrayNode outs = networking.putArray("outbound");
      new java.util.TreeMap<>(outbounds).forEach((svc, p) -> {
        ObjectNode o = outs.addObject();
        o.put("port", p);
        o.putObject("tags").put("kuma.io/service", svc);
      });
      return dp.toString();
    }
  }
}
