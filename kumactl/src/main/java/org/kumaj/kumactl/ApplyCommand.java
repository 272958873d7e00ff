package org.kumaj.kumactl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceType;
import org.kumaj.model.ResourceTypes;
import org.kumaj.model.codec.ResourceDecodeException;
import org.kumaj.model.codec.UniversalCodec;
import org.kumaj.model.validation.GoStrings;
import org.kumaj.model.validation.MetaValidation;
import org.kumaj.model.validation.ValidationException;
import org.kumaj.model.validation.Violation;
import org.kumaj.model.validation.Violations;

/**
 * {@code kumactl apply -f FILE|DIR|URL|-}: splits the input into YAML/JSON documents, renders
 * {@code -v key=value} variables, parses and validates every document (Kuma's client-side checks:
 * type, spec binding, spec rules, name and mesh) before sending any, then upserts each one
 * ({@code GET}, then {@code PUT}) printing one {@code resource type=... Created|Updated} line.
 * {@code --dry-run} prints the rendered resources instead.
 */
final class ApplyCommand {
  /** The one-line description shown in {@code kumactl --help}. */
  static final String SHORT = "Create or modify Kuma resources";
  /** Kuma's {@code yaml.SplitYAML} separator. */
  private static final Pattern SEPARATOR = Pattern.compile("(?:^|\\s*\n)---\\s*");
  private static final Pattern COMMENT_ONLY = Pattern.compile("^#[^\n]*\\z");
  private static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".json");

  private ApplyCommand() {}

  static Cmd build() {
    return new Cmd("apply")
        .help(SHORT, "Create or modify Kuma resources.")
        .example("""

            Apply a resource from file
            $ kumactl apply -f resource.yaml

            Apply a resource from stdin
            $ echo "
            type: Mesh
            name: demo
            " | kumactl apply -f -

            Apply a resource from external URL
            $ kumactl apply -f https://example.com/resource.yaml

            Apply all resources from a directory
            $ kumactl apply -f resources/
            """)
        .noArgs()
        .flag(Flag.string("file", 'f', "", "Path to file or directory to apply. When a directory is provided, all"
            + " .yaml, .yml, and .json files are applied. Pass `-` to read from stdin").asRequired())
        .flag(Flag.map("var", 'v', "Variable to replace in configuration"))
        .flag(Flag.bool("dry-run", "Resolve variable and prints result out without actual applying"))
        .action(ApplyCommand::run);
  }

  /** A parsed document: the resource and how it is sent. */
  private record Parsed(Resource resource, ObjectNode json) {}

  private static void run(Invocation inv) throws KumactlException {
    inv.checkCompatibility();
    String content = read(inv, inv.string("file"));
    if (content == null || content.isEmpty()) {
      throw new KumactlException("no resource(s) passed to apply");
    }
    List<Parsed> resources = new ArrayList<>();
    boolean failed = false;
    List<String> docs = split(content);
    for (int i = 0; i < docs.size(); i++) {
      String doc = docs.get(i);
      if (!inv.map("var").isEmpty()) {
        doc = Mustache.render(doc, inv.map("var"));
      }
      try {
        resources.add(parse(doc));
      } catch (ParseFailure e) {
        inv.err().println("resource[" + i + "]: " + e.getMessage());
        failed = true;
      }
    }
    if (failed) {
      throw new KumactlException("failed to validate some resources");
    }
    if (inv.bool("dry-run")) {
      boolean first = true;
      for (Parsed p : resources) {
        if (!first) {
          inv.out().print("---\n");
        }
        first = false;
        inv.out().print(Output.resourceYaml(p.json(), p.resource().type().style() == org.kumaj.model.SpecStyle.NESTED));
      }
      return;
    }
    ApiClient api = inv.api();
    for (Parsed p : resources) {
      Types.Type type = Types.of(p.resource().type());
      String mesh = type.meshScoped() ? nullToEmpty(p.resource().meta().mesh()) : "";
      String name = p.resource().meta().name();
      String label = "resource type=" + GoStrings.quote(type.name()) + " mesh=" + GoStrings.quote(mesh)
          + " name=" + GoStrings.quote(name);
      boolean update;
      ApiClient.Response put;
      try {
        update = exists(api, type, mesh, name);
        put = api.put(type.itemPath(mesh, name), GoJson.compact(p.json()));
        if (put.status() != 200 && put.status() != 201) {
          throw put.status() == 405 ? new KumactlException(put.body()) : put.unexpected();
        }
      } catch (ApiClient.Unreachable e) {
        throw e;
      } catch (KumactlException e) {
        throw new KumactlException(label + ": failed server side: " + e.getMessage(), e);
      }
      inv.out().println(label + " " + (update ? "Updated" : "Created"));
      if (!put.body().isEmpty()) {
        for (JsonNode warning : put.json().path("warnings")) {
          inv.err().println("Warning: " + warning.asText());
        }
      }
    }
  }

  private static boolean exists(ApiClient api, Types.Type type, String mesh, String name) throws KumactlException {
    try {
      ApiClient.Response r = api.get(type.itemPath(mesh, name));
      if (r.status() == 404) {
        return false;
      }
      if (r.status() != 200) {
        throw r.unexpected();
      }
      return true;
    } catch (ApiError e) {
      if (e.status == 404) {
        return false;
      }
      throw e;
    }
  }

  /** Kuma's {@code SplitYAML}: documents separated by {@code ---} lines, empty and comment-only ones dropped. */
  static List<String> split(String content) {
    List<String> docs = new ArrayList<>();
    for (String doc : SEPARATOR.split(content.strip(), -1)) {
      doc = COMMENT_ONLY.matcher(doc).replaceAll("");
      if (doc.isEmpty()) {
        continue;
      }
      docs.add(doc.strip());
    }
    return docs;
  }

  /** A document that cannot be applied, with Kuma's message. */
  private static final class ParseFailure extends Exception {
    private static final long serialVersionUID = 1L;

    ParseFailure(String message) {
      super(message);
    }
  }

  private static Parsed parse(String doc) throws ParseFailure {
    JsonNode tree;
    try {
      tree = Trees.yaml(doc);
    } catch (IOException e) {
      throw new ParseFailure("failed to parse resource: invalid meta type: "
          + GoStrings.quote("error converting YAML to JSON: " + Trees.yamlProblem(e)));
    }
    if (tree == null || !tree.isObject()) {
      String kind = tree == null || tree.isNull() ? "null" : tree.isArray() ? "array" : tree.isTextual() ? "string"
          : tree.isNumber() ? "number" : "bool";
      throw new ParseFailure("failed to parse resource: invalid meta type: "
          + GoStrings.quote("json: cannot unmarshal " + kind + " into Go value of type v1alpha1.ResourceMeta"));
    }
    JsonNode typeNode = tree.get("type");
    if (typeNode != null && !typeNode.isNull() && !typeNode.isTextual()) {
      throw new ParseFailure("failed to parse resource: invalid meta type: " + GoStrings.quote(
          "json: cannot unmarshal " + goKind(typeNode) + " into Go struct field ResourceMeta.type of type string"));
    }
    String typeName = typeNode == null || typeNode.isNull() ? "" : typeNode.asText();
    Optional<ResourceType> type = ResourceTypes.byName(typeName).filter(t -> t.wsPath().isPresent());
    if (type.isEmpty()) {
      throw new ParseFailure("failed to parse resource: invalid resource type " + GoStrings.quote(typeName));
    }
    if (type.get().isMeshScoped() && !tree.path("mesh").isTextual() && !tree.has("mesh")) {
      // an absent mesh is reported by the metadata check below, as Kuma does
      tree = ((com.fasterxml.jackson.databind.node.ObjectNode) tree.deepCopy()).put("mesh", "");
    }
    Resource resource;
    try {
      resource = UniversalCodec.decode(type.get(), tree);
    } catch (ResourceDecodeException | IllegalArgumentException e) {
      throw new ParseFailure("failed to parse resource: invalid " + type.get().name() + " object: "
          + GoStrings.quote(e.getMessage()));
    } catch (ValidationException e) {
      // the structural schema of a new-style type, checked while decoding, as Kuma's unmarshaller does
      Violations schema = new Violations();
      e.violations().forEach(v -> schema.add(v.field(), v.message()));
      throw new ParseFailure("failed to parse resource: " + violations(schema));
    }
    Violations spec = new Violations();
    try {
      type.get().validator().validate(resource.meta(), resource.spec(), spec);
    } catch (ValidationException e) {
      e.violations().forEach(v -> spec.add(v.field(), v.message()));
    }
    if (!spec.isEmpty()) {
      throw new ParseFailure("failed to parse resource: " + violations(spec));
    }
    Violations meta = new Violations();
    MetaValidation.meta(type.get(), resource.meta(), meta);
    if (!meta.isEmpty()) {
      throw new ParseFailure("failed to read meta: " + violations(meta));
    }
    return new Parsed(resource, UniversalCodec.encode(resource));
  }

  /** Kuma's {@code ValidationError.Error()}: {@code field: message; field: message}. */
  private static String violations(Violations v) {
    StringBuilder msg = new StringBuilder();
    for (Violation violation : v.list()) {
      if (msg.length() > 0) {
        msg.append("; ");
      }
      msg.append(violation.field()).append(": ").append(violation.message());
    }
    return msg.toString();
  }

  private static String goKind(JsonNode n) {
    return n.isBoolean() ? "bool" : n.isNumber() ? "number" : n.isArray() ? "array" : n.isObject() ? "object" : "string";
  }

  /** The input: stdin for {@code -}, a URL, a directory's resource files joined by {@code ---}, or a file. */
  private static String read(Invocation inv, String file) throws KumactlException {
    if (file.equals("-")) {
      try {
        return new String(inv.env.stdin().readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new KumactlException("error while reading provided file: " + e.getMessage(), e);
      }
    }
    if (file.startsWith("http://") || file.startsWith("https://")) {
      return readUrl(file);
    }
    Path path = Path.of(file);
    if (!Files.exists(path)) {
      throw new KumactlException("error while reading provided file: stat " + file + ": no such file or directory");
    }
    try {
      if (Files.isDirectory(path)) {
        return readDirectory(path);
      }
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new KumactlException("error while reading provided file: open " + file + ": no such file or directory", e);
    } catch (IOException e) {
      throw new KumactlException("error while reading provided file: " + e.getMessage(), e);
    }
  }

  private static String readDirectory(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> entries = Files.list(dir)) {
      files = entries.filter(Files::isRegularFile)
          .filter(p -> EXTENSIONS.stream().anyMatch(ext -> p.getFileName().toString().toLowerCase(Locale.ROOT)
              .endsWith(ext)))
          .sorted()
          .toList();
    }
    StringBuilder combined = new StringBuilder();
    for (Path f : files) {
      if (combined.length() > 0) {
        combined.append("\n---\n");
      }
      combined.append(Files.readString(f, StandardCharsets.UTF_8));
    }
    return combined.toString();
  }

  private static String readUrl(String url) throws KumactlException {
    URI uri;
    try {
      uri = new URI(url);
    } catch (java.net.URISyntaxException e) {
      throw new KumactlException("invalid URL for --file: " + e.getMessage(), e);
    }
    try {
      HttpURLConnection conn = (HttpURLConnection) uri.toURL().openConnection();
      conn.setConnectTimeout(10_000);
      conn.setReadTimeout(10_000);
      if (conn.getResponseCode() != 200) {
        throw new KumactlException("error while retrieving URL");
      }
      try (java.io.InputStream in = conn.getInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new KumactlException("error with GET http request: Get " + GoStrings.quote(url) + ": " + e.getMessage(), e);
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
