package org.kumaj.cp.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kumaj.cp.launcher.Role;
import org.kumaj.cp.store.ResourceQuery;
import org.kumaj.cp.testing.TestControlPlane;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.ResourceType;
import org.kumaj.model.ResourceTypes;
import org.kumaj.model.codec.Json;
import org.kumaj.model.codec.UniversalCodec;
import org.kumaj.model.mesh.Mesh;

/**
 * Sends {@value #REQUESTS} seeded random or mutated requests to a real control plane over HTTP:
 * valid and broken bodies (truncated JSON, wrong types, huge strings, invalid UTF-8, unknown fields,
 * mismatched names, types and meshes), odd paths (traversal, encoded separators, unknown types and
 * meshes, very long segments), broken query strings, random methods and credentials. Afterwards:
 * no answer was a 5xx, the control plane is ready and still answers, and the store holds exactly
 * what the accepted writes left (every resource named {@code fz-...} is one the model expects,
 * with the spec of the last accepted write, and no mesh-scoped resource outlives its mesh).
 * Reproducible: {@code -Dfuzz.seed=<n>} replays a run.
 */
class ApiFuzzTest {
  static final int REQUESTS = 10_000;
  private static final List<String> TYPES = List.of("Mesh", "Dataplane", "MeshTimeout", "MeshTrafficPermission",
      "TrafficPermission", "Secret", "GlobalSecret", "HostnameGenerator");
  private static final String[] METHODS = {"GET", "GET", "GET", "PUT", "PUT", "PUT", "PUT", "DELETE", "DELETE", "POST",
      "PATCH", "OPTIONS", "HEAD", "PROPFIND", "FOO"};
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir
  static Path workDir;
  static TestControlPlane cp;

  /** What the accepted writes should have left: key to the body of the last accepted PUT. */
  private final Map<ResourceKey, String> model = new HashMap<>();
  private final Map<Integer, Integer> statuses = new TreeMap<>();
  private Random random;

  @BeforeAll
  static void start() throws IOException {
    cp = TestControlPlane.start(Role.STANDALONE, workDir, Map.of(
        "KUMA_API_SERVER_MAX_REQUEST_BODY_BYTES", Integer.toString(256 * 1024)));
    // keeps the default mesh in use, so that no request can delete it (its name is outside the fuzzed names)
    cp.store().create(decode(org.kumaj.model.mesh.Dataplane.TYPE, """
        {"type":"Dataplane","mesh":"default","name":"keeper","networking":{"address":"10.9.9.9",
         "inbound":[{"port":1,"tags":{"kuma.io/service":"keeper"}}]}}"""), null);
  }

  @AfterAll
  static void stop() {
    if (cp != null) {
      cp.close();
    }
  }

  @Test
  void randomRequestsNeverBreakTheServer() throws Exception {
    long seed = Long.getLong("fuzz.seed", 20261128L);
    random = new Random(seed);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      FuzzRequest r = next();
      int status;
      try {
        status = send(r);
      } catch (IOException e) {
        failures.add("#" + i + " " + r + " -> no answer: " + e.getMessage());
        continue;
      }
      statuses.merge(status, 1, Integer::sum);
      if (status >= 500) {
        failures.add("#" + i + " " + r + " -> " + status);
      }
    }
    System.out.println("fuzz seed " + seed + ", statuses " + statuses);
    assertThat(failures).as("5xx answers or dropped connections (seed " + seed + ")").isEmpty();
    assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(REQUESTS);
    assertThat(statuses.keySet()).as("some writes must succeed for the store check to mean anything")
        .contains(200, 201);
    assertHealthy();
    assertStoreMatchesModel();
  }

  private void assertHealthy() throws Exception {
    HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create(cp.diagnosticsUrl() + "/ready")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(new ApiClient(cp.apiUrl()).get("/meshes/default").status()).isEqualTo(200);
  }

  private void assertStoreMatchesModel() {
    Map<ResourceKey, Resource> fuzzed = new HashMap<>();
    for (ResourceType type : ResourceTypes.all()) {
      for (Resource r : cp.store().list(ResourceQuery.all(type, null)).items()) {
        if (type.isMeshScoped()) {
          assertThat(cp.store().get(ResourceKey.global(Mesh.TYPE, r.meta().mesh())))
              .as("mesh of " + r.key()).isPresent();
        }
        if (r.meta().name().startsWith("fz-")) {
          fuzzed.put(r.key(), r);
        }
      }
    }
    assertThat(fuzzed.keySet()).containsExactlyInAnyOrderElementsOf(model.keySet());
    model.forEach((key, body) -> {
      Resource expected = decode(key.type(), body);
      assertThat(fuzzed.get(key).spec()).as(key.toString()).isEqualTo(expected.spec());
    });
  }

  private int send(FuzzRequest r) throws IOException, InterruptedException {
    HttpRequest.Builder b;
    try {
      b = HttpRequest.newBuilder(URI.create(cp.apiUrl() + r.path)).timeout(Duration.ofSeconds(30));
    } catch (IllegalArgumentException notAUri) {
      throw new AssertionError("the generator made an invalid URI: " + r.path, notAUri);
    }
    b.method(r.method, r.body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(r.body));
    if (r.body != null) {
      b.header("Content-Type", random.nextInt(10) == 0 ? "text/plain" : "application/json");
    }
    r.headers.forEach(b::header);
    HttpResponse<byte[]> response = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    track(r, response.statusCode());
    return response.statusCode();
  }

  /** Updates the model with the effect of an accepted write. */
  private void track(FuzzRequest r, int status) {
    if (status < 200 || status >= 300 || !(r.method.equals("PUT") || r.method.equals("DELETE"))) {
      return;
    }
    ResourceKey key = keyOf(r.path);
    if (key == null) {
      throw new AssertionError("a write the model cannot attribute was accepted: " + r + " -> " + status);
    }
    if (r.method.equals("PUT")) {
      if (key.name().startsWith("fz-")) {
        model.put(key, new String(r.body, StandardCharsets.UTF_8));
      }
      return;
    }
    model.remove(key);
    if (key.type().equals(Mesh.TYPE)) {
      model.keySet().removeIf(k -> k.type().isMeshScoped() && k.mesh().equals(key.name()));
    }
  }

  /**
   * The resource a write at {@code path} targets, decoded as the API decodes paths
   * ({@code ApiController}, {@code Route.split}); null when the path names no resource.
   */
  static ResourceKey keyOf(String path) {
    int q = path.indexOf('?');
    String raw = q < 0 ? path : path.substring(0, q);
    List<String> s = Route.split(java.net.URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
    if (s.size() == 2 && s.get(0).equals("meshes")) {
      return ResourceKey.global(Mesh.TYPE, s.get(1));
    }
    if (s.size() == 4 && s.get(0).equals("meshes")) {
      return ResourceTypes.byPath(s.get(2)).filter(ResourceType::isMeshScoped)
          .map(t -> new ResourceKey(t, s.get(1), s.get(3))).orElse(null);
    }
    if (s.size() == 2) {
      return ResourceTypes.byPath(s.get(0)).filter(t -> !t.isMeshScoped())
          .map(t -> ResourceKey.global(t, s.get(1))).orElse(null);
    }
    return null;
  }

  // ---------------------------------------------------------------- generation

  /** One request. */
  private record FuzzRequest(String method, String path, byte[] body, Map<String, String> headers) {
    @Override
    public String toString() {
      String b = body == null ? "" : new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
      return method + " " + (path.length() > 200 ? path.substring(0, 200) + "..." : path) + " " + b;
    }
  }

  private FuzzRequest next() {
    String method = METHODS[random.nextInt(METHODS.length)];
    Map<String, String> headers = new HashMap<>();
    if (random.nextInt(12) == 0) {
      headers.put("X-Forwarded-For", "198.51.100.1");
      if (random.nextBoolean()) {
        headers.put("Authorization", "Bearer " + pick("garbage", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.e30.x", ""));
      }
    }
    if (random.nextInt(40) == 0) {
      headers.put("Origin", "https://evil.example.com");
    }
    int shape = random.nextInt(10);
    if (shape < 6) {
      return resourceRequest(method, headers);
    }
    if (shape < 8) {
      return new FuzzRequest(method, oddPath() + query(), randomBody(method), headers);
    }
    return new FuzzRequest(method, fixedPath() + query(), randomBody(method), headers);
  }

  /** A request at a resource path, often with a well-formed body, sometimes mutated. */
  private FuzzRequest resourceRequest(String method, Map<String, String> headers) {
    String typeName = TYPES.get(random.nextInt(TYPES.size()));
    ResourceType type = ResourceTypes.byName(typeName).orElseThrow();
    String name = random.nextInt(15) == 0 ? pick("Bad_Name", "", "a".repeat(300), "fz-ä", "fz-.x") : "fz-" + random.nextInt(25);
    String mesh = type.isMeshScoped() ? pick("default", "default", "default", "fz-m0", "fz-m1", "nope") : null;
    if (type.equals(Mesh.TYPE) && random.nextInt(3) > 0) {
      name = pick("fz-m0", "fz-m1");
    }
    String collection = type.isMeshScoped() ? "/meshes/" + mesh + "/" + type.wsPath().orElseThrow()
        : "/" + type.wsPath().orElseThrow();
    String path = collection + "/" + encode(name);
    if (random.nextInt(8) == 0) {
      path = collection;
    }
    byte[] body = null;
    if (method.equals("PUT") || method.equals("POST") || method.equals("PATCH")) {
      ObjectNode valid = validBody(type, mesh, name);
      String text = valid.toString();
      if (random.nextInt(3) == 0) {
        text = mutate(valid);
      }
      body = random.nextInt(40) == 0 ? invalidUtf8(text) : text.getBytes(StandardCharsets.UTF_8);
    }
    return new FuzzRequest(method, path + (random.nextInt(5) == 0 ? query() : ""), body, headers);
  }

  private ObjectNode validBody(ResourceType type, String mesh, String name) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("type", type.name());
    if (mesh != null) {
      n.put("mesh", mesh);
    }
    n.put("name", name);
    switch (type.name()) {
      case "Dataplane" -> {
        ObjectNode net = n.putObject("networking");
        net.put("address", "10.0." + random.nextInt(256) + "." + random.nextInt(256));
        ObjectNode inbound = net.putArray("inbound").addObject();
        inbound.put("port", 1 + random.nextInt(65000));
        inbound.putObject("tags").put("kuma.io/service", "svc-" + random.nextInt(5));
      }
      case "MeshTimeout" -> spec(n).set("to", json("[{\"targetRef\":{\"kind\":\"Mesh\"},\"default\":"
          + "{\"connectionTimeout\":\"" + (1 + random.nextInt(30)) + "s\"}}]"));
      case "MeshTrafficPermission" -> spec(n).set("from", json("[{\"targetRef\":{\"kind\":\"Mesh\"},\"default\":"
          + "{\"action\":\"" + pick("Allow", "Deny") + "\"}}]"));
      case "TrafficPermission" -> {
        n.set("sources", json("[{\"match\":{\"kuma.io/service\":\"*\"}}]"));
        n.set("destinations", json("[{\"match\":{\"kuma.io/service\":\"svc-" + random.nextInt(5) + "\"}}]"));
      }
      case "Secret", "GlobalSecret" -> n.put("data", "c2VjcmV0LQ==");
      case "HostnameGenerator" -> {
        ObjectNode spec = spec(n);
        spec.putObject("selector").putObject("meshService").putObject("matchLabels").put("a", "b");
        spec.put("template", "{{ .DisplayName }}.fz" + random.nextInt(9) + ".mesh");
      }
      default -> {
        // Mesh: an empty spec is valid
      }
    }
    return n;
  }

  private static ObjectNode spec(ObjectNode n) {
    ObjectNode spec = n.putObject("spec");
    spec.putObject("targetRef").put("kind", "Mesh");
    return spec;
  }

  /** A broken variant of a valid body. */
  private String mutate(ObjectNode valid) {
    String text = valid.toString();
    switch (random.nextInt(9)) {
      case 0 -> {
        return text.substring(0, random.nextInt(Math.max(1, text.length())));
      }
      case 1 -> {
        replaceRandomLeaf(valid, wrongTypeValue());
        return valid.toString();
      }
      case 2 -> {
        valid.put(pick("extra", "spec", "networking", "labels", "conf"), pick("x", "{}", "[]"));
        return valid.toString();
      }
      case 3 -> {
        valid.put("name", pick("other", "fz-999", "UPPER", ""));
        return valid.toString();
      }
      case 4 -> {
        valid.put("type", pick("Mesh", "Zone", "Nope", ""));
        return valid.toString();
      }
      case 5 -> {
        valid.put("mesh", pick("other", "", "nope"));
        return valid.toString();
      }
      case 6 -> {
        valid.putObject("labels").put(pick("kuma.io/origin", "kuma.io/zone", "bad key!", "k"), pick("zone", "global", "x", ""));
        return valid.toString();
      }
      case 7 -> {
        // now and then over the body cap of this control plane (256 KiB)
        valid.put("name" + random.nextInt(3), "x".repeat(random.nextInt(3) == 0 ? 300_000 : 2000));
        return valid.toString();
      }
      default -> {
        return text.replace("\"", random.nextBoolean() ? "'" : "");
      }
    }
  }

  private JsonNode wrongTypeValue() {
    return switch (random.nextInt(6)) {
      case 0 -> Json.mapper().getNodeFactory().numberNode(random.nextLong());
      case 1 -> Json.mapper().getNodeFactory().booleanNode(random.nextBoolean());
      case 2 -> Json.mapper().createArrayNode().add(1).add("two");
      case 3 -> Json.mapper().createObjectNode().put("a", 1);
      case 4 -> Json.mapper().getNodeFactory().nullNode();
      default -> Json.mapper().getNodeFactory().textNode("\u0000\uffff" + "z".repeat(random.nextInt(5000)));
    };
  }

  private void replaceRandomLeaf(JsonNode node, JsonNode value) {
    List<ObjectNode> parents = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    collect(node, parents, fields);
    if (parents.isEmpty()) {
      return;
    }
    int i = random.nextInt(parents.size());
    parents.get(i).set(fields.get(i), value);
  }

  private static void collect(JsonNode node, List<ObjectNode> parents, List<String> fields) {
    if (node instanceof ObjectNode o) {
      o.fieldNames().forEachRemaining(f -> {
        parents.add(o);
        fields.add(f);
      });
      o.elements().forEachRemaining(child -> collect(child, parents, fields));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> collect(child, parents, fields));
    }
  }

  private byte[] randomBody(String method) {
    if (method.equals("GET") || method.equals("DELETE") || method.equals("HEAD") || method.equals("OPTIONS")) {
      return null;
    }
    return switch (random.nextInt(6)) {
      case 0 -> new byte[0];
      case 1 -> invalidUtf8("{\"name\":\"fz\"}");
      case 2 -> "{\"name\":\"x\",\"mesh\":\"default\",\"validFor\":\"1h\",\"scope\":[\"ingress\"]}".getBytes(StandardCharsets.UTF_8);
      case 3 -> ("[" + "1,".repeat(random.nextInt(1000)) + "1]").getBytes(StandardCharsets.UTF_8);
      case 4 -> "{".repeat(1 + random.nextInt(3000)).getBytes(StandardCharsets.UTF_8);
      default -> randomBytes(random.nextInt(2048));
    };
  }

  private String oddPath() {
    String[] parts = {"meshes", "default", "nope", "fz-m0", "dataplanes", "meshtimeouts", "secrets", "_overview",
        "_resources", "dataplanes+insights", "zones", "..", ".", "%2e%2e", "%2F", "%00", "%C3%28", "%25ZZ",
        "traffic-permissions", "unknowntype", "fz-1", "_kri", "kri_dp_default__ns_x_", "tokens", "zone", "user",
        "global-secrets", "service-insights", "mesh-insights", "global-insight", "x".repeat(5000), "%E2%82%AC",
        "policies", "_rules", "fz-%20", "a+b", "~", "*"};
    StringBuilder sb = new StringBuilder();
    int segments = 1 + random.nextInt(7);
    for (int i = 0; i < segments; i++) {
      sb.append('/');
      if (random.nextInt(20) != 0) {
        sb.append(parts[random.nextInt(parts.length)]);
      }
    }
    if (random.nextInt(10) == 0) {
      sb.append('/');
    }
    return sb.toString();
  }

  private String fixedPath() {
    return pick("/", "/config", "/who-am-i", "/policies", "/_resources", "/global-insights", "/global-insight",
        "/mesh-insights", "/mesh-insights/default", "/service-insights", "/meshes/default/service-insights",
        "/dataplanes/_overview", "/meshes/default/dataplanes/_overview", "/zones/_overview", "/zones+insights",
        "/zoneingresses/_overview", "/zoneegressoverviews", "/tokens/dataplane", "/tokens/zone", "/tokens/user",
        "/meshes/default/meshtimeouts/fz-1/_resources/dataplanes", "/meshes/default/meshservices/x/_resources/dataplanes",
        "/_kri/kri_dp_default_default__fz-1_", "/_kri/nonsense", "/meshes/default/traffic-permissions/fz-2/_resources/dataplanes");
  }

  private String query() {
    if (random.nextInt(3) == 0) {
      return "";
    }
    List<String> params = new ArrayList<>();
    int n = 1 + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      params.add(switch (random.nextInt(12)) {
        case 0 -> "size=" + pick("0", "-1", "1", "1000", "1001", "abc", "99999999999", "", "%00");
        case 1 -> "offset=" + pick("0", "-5", "abc", "1", "999999999999", "%FF", "");
        case 2 -> "name=" + pick("fz", "", "%00", "x".repeat(3000));
        case 3 -> "filter%5Blabels.k%5D=" + pick("v", "");
        case 4 -> "filter%5Bx%5D=1";
        case 5 -> "filter%5Blabels.a%5D%5Bb%5D=1";
        case 6 -> "tag=" + pick("kuma.io/service:svc-1", "nocolon", ":", "%3A%3A");
        case 7 -> "gateway=" + pick("true", "false", "builtin", "delegated", "bogus");
        case 8 -> "format=" + pick("k8s", "kubernetes", "universal", "yaml", "");
        case 9 -> "type=" + pick("internal", "external", "gateway_builtin", "bogus", ",,");
        case 10 -> pick("shadow=maybe", "include=x", "namespace=ns");
        default -> encode(randomText(1 + random.nextInt(20))) + "=" + encode(randomText(random.nextInt(20)));
      });
    }
    return "?" + String.join("&", params);
  }

  private String randomText(int length) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sb.append((char) (random.nextInt(3) == 0 ? 0x80 + random.nextInt(0x700) : 0x20 + random.nextInt(0x5f)));
    }
    return sb.toString();
  }

  private byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private byte[] invalidUtf8(String text) {
    byte[] valid = text.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[valid.length + 2];
    int at = random.nextInt(valid.length + 1);
    System.arraycopy(valid, 0, out, 0, at);
    out[at] = (byte) 0xC3;
    out[at + 1] = (byte) 0x28;
    System.arraycopy(valid, at, out, at + 2, valid.length - at);
    return out;
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Resource decode(ResourceType type, String body) {
    try {
      return UniversalCodec.decode(type, Json.mapper().readTree(body));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
