package org.kumaj.cp.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.kumaj.cp.launcher.Role;
import org.kumaj.cp.store.ResourceNotFoundException;
import org.kumaj.cp.store.ResourceQuery;
import org.kumaj.cp.store.ResourceStore;
import org.kumaj.testing.KnownDifferences;
import org.kumaj.testing.KumaFixtures;
import org.kumaj.cp.testing.TestControlPlane;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceType;
import org.kumaj.model.ResourceTypes;
import org.kumaj.model.codec.Json;
import org.kumaj.model.codec.UniversalCodec;

/**
 * Runs every case of Kuma 2.14.3's API fixtures ({@code api-server/crud}, {@code base_endpoints},
 * {@code service-insights}, {@code insights}) the way Kuma's own harness does: store the case's
 * resources directly, send its requests in order over HTTP, compare status and JSON after
 * normalising the address and timestamps. Cases listed in {@code docs/conformance.md} (with a
 * reason) are reported but not required to pass; every other case must pass. Prints a per-case
 * table and the total.
 */
class ApiConformanceTest {
  private static final Pattern REQUEST = Pattern.compile("^#(/\\S*) (\\d{3})(?: method=(\\w+))?\\s*$");
  private static final Pattern TIMESTAMP =
      Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$");
  private static final String ZERO_TIME = "0001-01-01T00:00:00Z";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Map<String, String> RESULTS = new LinkedHashMap<>();

  @TempDir
  static Path workDir;
  static TestControlPlane cp;

  @BeforeAll
  static void start() {
    cp = TestControlPlane.start(Role.STANDALONE, workDir, Map.of(
        "KUMA_DEFAULTS_SKIP_MESH_CREATION", "true",
        "KUMA_DEFAULTS_SKIP_TENANT_RESOURCES", "true"));
  }

  @AfterAll
  static void stop() {
    StringBuilder table = new StringBuilder("\nKuma API conformance (api-server fixtures)\n");
    long passed = RESULTS.values().stream().filter(v -> v.equals("pass")).count();
    RESULTS.forEach((name, result) -> table.append(String.format("  %-60s %s%n", name, result)));
    table.append(String.format("  passed %d of %d cases%n", passed, RESULTS.size()));
    System.out.println(table);
    if (cp != null) {
      cp.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> kumaApiFixtures() throws IOException {
    Path root = KumaFixtures.conformance().resolve("api-server");
    Set<String> known = KnownDifferences.read(KumaFixtures.repoRoot().resolve("docs/conformance.md"), "api-server");
    List<Path> inputs = new ArrayList<>();
    for (String dir : List.of("crud", "base_endpoints", "service-insights", "insights")) {
      try (Stream<Path> files = Files.list(root.resolve(dir))) {
        files.filter(f -> f.getFileName().toString().endsWith(".input.yaml")).sorted().forEach(inputs::add);
      }
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path input : inputs) {
      String name = root.relativize(input).toString().replace(".input.yaml", "");
      tests.add(DynamicTest.dynamicTest(name, () -> runCase(name, input, known.contains(name))));
    }
    for (String base : List.of("base_endpoints/_resources", "base_endpoints/policies", "base_endpoints/who-am-i")) {
      String path = "/" + base.substring(base.indexOf('/') + 1);
      tests.add(DynamicTest.dynamicTest(base,
          () -> runFixed(base, path, root.resolve(base + ".golden.json"), known.contains(base))));
    }
    return tests.stream();
  }

  private void runFixed(String name, String path, Path golden, boolean knownDifference) throws Exception {
    clearStore();
    record(name, check(path, "GET", 200, null, golden), knownDifference);
  }

  private void runCase(String name, Path input, boolean knownDifference) throws Exception {
    clearStore();
    List<String> lines = Files.readAllLines(input);
    List<String[]> requests = new ArrayList<>();
    int body = 0;
    for (; body < lines.size() && lines.get(body).startsWith("#"); body++) {
      Matcher m = REQUEST.matcher(lines.get(body));
      if (m.matches()) {
        requests.add(new String[] {m.group(1), m.group(2), m.group(3) == null ? "GET" : m.group(3)});
      }
    }
    preload(String.join("\n", lines.subList(body, lines.size())));
    String base = input.toString().replace(".input.yaml", "");
    String problem = null;
    for (int i = 0; i < requests.size() && problem == null; i++) {
      String suffix = requests.size() > 1 ? String.format("_%02d", i) : "";
      Path request = Path.of(base + suffix + ".request.json");
      Path golden = Path.of(base + suffix + ".golden.json");
      String[] r = requests.get(i);
      problem = check(r[0], r[2], Integer.parseInt(r[1]), Files.exists(request) ? Files.readString(request) : null,
          Files.exists(golden) ? golden : null);
      if (problem != null) {
        problem = "request " + i + " " + r[2] + " " + r[0] + ": " + problem;
      }
    }
    record(name, problem, knownDifference);
  }

  private static void record(String name, String problem, boolean knownDifference) {
    if (problem == null) {
      RESULTS.put(name, "pass");
      return;
    }
    RESULTS.put(name, knownDifference ? "known difference (docs/conformance.md)" : "FAIL");
    if (!knownDifference) {
      throw new AssertionError(problem);
    }
  }

  private String check(String path, String method, int status, String body, Path golden) throws Exception {
    HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body);
    HttpRequest request = HttpRequest.newBuilder(URI.create(cp.apiUrl() + path.replace("[", "%5B").replace("]", "%5D")))
        .method(method, publisher).header("Content-Type", "application/json").build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != status) {
      return "status " + response.statusCode() + ", expected " + status + ": " + response.body();
    }
    if (golden == null) {
      return null;
    }
    String address = URI.create(cp.apiUrl()).getAuthority();
    JsonNode actual = normalise(Json.mapper().readTree(response.body().replace(address, "{{address}}")));
    JsonNode expected = normalise(Json.mapper().readTree(Files.readString(golden)));
    boolean same = actual.equals((a, b) -> a.isNumber() && b.isNumber()
        ? Double.compare(a.asDouble(), b.asDouble()) : a.equals(b) ? 0 : 1, expected);
    return same ? null : "body differs\n  expected: " + expected + "\n  actual:   " + actual;
  }

  private static JsonNode normalise(JsonNode node) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> it = object.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        e.setValue(normaliseValue(e.getValue()));
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, normaliseValue(array.get(i)));
      }
    }
    return node;
  }

  private static JsonNode normaliseValue(JsonNode value) {
    if (value.isTextual() && TIMESTAMP.matcher(value.asText()).matches()) {
      return TextNode.valueOf(ZERO_TIME);
    }
    return normalise(value);
  }

  private static void preload(String yaml) throws IOException {
    List<Resource> resources = new ArrayList<>();
    for (JsonNode doc : Json.yaml().readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
      if (doc == null || !doc.has("type")) {
        continue;
      }
      ResourceType type = ResourceTypes.byName(doc.get("type").asText())
          .orElseThrow(() -> new IllegalArgumentException("unknown type in fixture: " + doc.get("type")));
      resources.add(UniversalCodec.decode(type, doc));
    }
    resources.sort((a, b) -> Boolean.compare(a.type().isMeshScoped(), b.type().isMeshScoped()));
    ResourceStore store = cp.store();
    for (Resource r : resources) {
      store.create(r, null);
    }
  }

  private static void clearStore() {
    ResourceStore store = cp.store();
    for (ResourceType type : ResourceTypes.all()) {
      for (Resource r : store.list(ResourceQuery.all(type, null)).items()) {
        try {
          store.delete(r.key());
        } catch (ResourceNotFoundException alreadyGone) {
          // deleted with its owner
        }
      }
    }
  }
}
