package org.kumaj.model.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kumaj.model.ResourceType;
import org.kumaj.model.ResourceTypes;
import org.kumaj.model.validation.Violation;
import org.kumaj.testing.KumaFixtures;

/**
 * Kuma's own fixtures against our schema check: every new-style resource Kuma accepted or rendered
 * validates clean, a request Kuma rejected with schema messages gets exactly those violations, and a
 * request Kuma rejected later (its own validator, URL checks) passes the schema, since Kuma got past
 * it. Skipped when {@code ../shared/conformance} is absent.
 */
class KumaFixturesSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  /** A request line of an API fixture's {@code .input.yaml}: {@code #/path status [method=PUT]}. */
  private static final Pattern REQUEST_LINE = Pattern.compile("^#(/\\S*) (\\d{3})");
  /** What only kube-openapi's messages contain. */
  private static final Pattern SCHEMA_MESSAGE =
      Pattern.compile("in body (must|should|is) |must validate at least one schema|^Checked value ");

  @Test
  void requestBodiesGetKumasAnswer() throws IOException {
    Path crud = KumaFixtures.conformance().resolve("api-server");
    int accepted = 0;
    int schemaRejected = 0;
    int laterRejected = 0;
    List<String> problems = new ArrayList<>();
    for (Path input : files(crud, ".input.yaml")) {
      String base = input.getFileName().toString().replace(".input.yaml", "");
      List<String[]> requests = new ArrayList<>();
      for (String line : Files.readAllLines(input)) {
        Matcher m = REQUEST_LINE.matcher(line);
        if (m.find()) {
          requests.add(new String[] {m.group(1), m.group(2)});
        }
      }
      for (int i = 0; i < requests.size(); i++) {
        String suffix = requests.size() == 1 ? "" : String.format("_%02d", i);
        Path request = input.resolveSibling(base + suffix + ".request.json");
        Optional<ResourceType> type = typeOfPath(requests.get(i)[0]);
        if (!Files.exists(request) || type.isEmpty() || !SchemaValidation.appliesTo(type.get())) {
          continue;
        }
        JsonNode body = JSON.readTree(Files.readString(request));
        List<Violation> ours = SchemaValidation.validate(type.get().name(), body);
        int status = Integer.parseInt(requests.get(i)[1]);
        List<Violation> kumas = status < 300 ? List.of() : schemaCauses(input.resolveSibling(base + suffix + ".golden.json"));
        if (status < 300) {
          accepted++;
        } else if (kumas.isEmpty()) {
          laterRejected++;
        } else {
          schemaRejected++;
        }
        if (!ours.equals(kumas)) {
          problems.add(request.getFileName() + ": Kuma " + kumas + ", we " + ours);
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(accepted).as("accepted new-style request bodies").isGreaterThanOrEqualTo(10);
    assertThat(schemaRejected).as("request bodies Kuma rejected by schema").isGreaterThanOrEqualTo(2);
    assertThat(laterRejected).as("request bodies Kuma rejected after the schema").isGreaterThanOrEqualTo(3);
  }

  @Test
  void everyNewStyleResourceInKumasFixturesValidatesClean() throws IOException {
    Path root = KumaFixtures.conformance();
    int checked = 0;
    List<String> problems = new ArrayList<>();
    for (Path file : files(root, "")) {
      String name = file.getFileName().toString();
      if (name.endsWith(".request.json") || !(name.endsWith(".json") || name.endsWith(".yaml"))) {
        continue; // request bodies are checked against Kuma's answers above
      }
      for (JsonNode doc : documents(file)) {
        List<JsonNode> resources = new ArrayList<>();
        resources.add(doc);
        doc.path("items").forEach(resources::add);
        for (JsonNode r : resources) {
          String type = r.path("type").asText("");
          if (!r.isObject() || !SchemaValidation.types().contains(type)) {
            continue;
          }
          checked++;
          List<Violation> out = SchemaValidation.validate(type, r);
          if (!out.isEmpty()) {
            problems.add(root.relativize(file) + " " + type + " " + r.path("name").asText() + ": " + out);
          }
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(checked).as("new-style resources found in Kuma's fixtures").isGreaterThanOrEqualTo(10);
  }

  private static Optional<ResourceType> typeOfPath(String path) {
    String[] segments = path.replaceFirst("\\?.*", "").split("/");
    // /meshes/{mesh}/{wsPath}/{name} or /{wsPath}/{name}
    String wsPath = segments.length >= 5 && segments[1].equals("meshes") ? segments[3]
        : segments.length >= 3 ? segments[1] : "";
    return ResourceTypes.byPath(wsPath);
  }

  /** The causes of Kuma's error answer, if they are schema messages; else empty. */
  private static List<Violation> schemaCauses(Path golden) throws IOException {
    if (!Files.exists(golden)) {
      return List.of();
    }
    List<Violation> causes = new ArrayList<>();
    boolean schema = false;
    for (JsonNode c : JSON.readTree(Files.readString(golden)).path("causes")) {
      causes.add(new Violation(c.path("field").asText(), c.path("message").asText()));
      schema |= SCHEMA_MESSAGE.matcher(c.path("message").asText()).find();
    }
    return schema ? causes : List.of();
  }

  private static List<JsonNode> documents(Path file) {
    try {
      if (file.toString().endsWith(".json")) {
        return List.of(JSON.readTree(Files.readString(file)));
      }
      List<JsonNode> docs = new ArrayList<>();
      try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(Files.readString(file))) {
        while (it.hasNext()) {
          JsonNode d = it.next();
          if (d != null) {
            docs.add(JSON.readTree(JSON.writeValueAsString(d)));
          }
        }
      }
      return docs;
    } catch (IOException | RuntimeException notAResourceFile) {
      return List.of(); // templates, tables and other non-documents among the fixtures
    }
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }
}
