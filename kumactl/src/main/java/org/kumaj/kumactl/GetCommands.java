package org.kumaj.kumactl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * {@code kumactl get}: one list and one single-resource sub-command for every resource type the
 * descriptor registry gives a kumactl name, with Kuma's table layouts (custom ones for meshes,
 * dataplanes and external services; {@code MESH NAME AGE} or {@code NAME AGE} otherwise).
 */
final class GetCommands {
  /** The one-line description shown in {@code kumactl --help}. */
  static final String SHORT = "Show Kuma resources";
  private static final List<String> MESH_SCOPED = List.of("MESH", "NAME", "AGE");
  private static final List<String> GLOBAL = List.of("NAME", "AGE");
  private static final List<String> WITH_TAGS = List.of("MESH", "NAME", "TAGS", "ADDRESS", "AGE");

  private GetCommands() {}

  static Flag outputFlag() {
    return Flag.string("output", 'o', "table", "output format: one of table|yaml|json");
  }

  static Flag meshFlag() {
    return Flag.string("mesh", 'm', "default", "mesh to use");
  }

  static Cmd build(List<Types.Type> types) {
    Cmd get = new Cmd("get").help(SHORT, "Show Kuma resources.");
    get.checksVersion = true;
    get.persistentFlag(outputFlag());
    for (Types.Type type : types) {
      if (type.kumactlArg().isEmpty()) {
        continue;
      }
      get.add(new Cmd(type.kumactlListArg())
          .help("Show " + type.name(), "Show " + type.name() + " entities.")
          .aliases(List.of(type.kumactlListAlias()))
          .noArgs()
          .persistentFlag(meshFlag())
          .persistentFlag(Flag.integer("size", "0", "maximum number of elements to return"))
          .persistentFlag(Flag.string("offset", "",
              "the offset that indicates starting element of the resources list to retrieve"))
          .action(inv -> list(inv, type)));
      get.add(new Cmd(type.kumactlArg() + " NAME")
          .help("Show a single " + type.name() + " resource", "Show a single " + type.name() + " resource.")
          .aliases(List.of(type.kumactlAlias()))
          .exactArgs(1)
          .persistentFlag(meshFlag())
          .action(inv -> single(inv, type)));
    }
    return get;
  }

  private static void list(Invocation inv, Types.Type type) throws KumactlException {
    String path = type.collectionPath(type.meshScoped() ? inv.mesh() : "");
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (!inv.string("offset").isEmpty()) {
      query.put("offset", List.of(inv.string("offset")));
    }
    if (inv.integer("size") != 0) {
      query.put("size", List.of(Integer.toString(inv.integer("size"))));
    }
    ApiClient api = inv.api();
    JsonNode body;
    try {
      ApiClient.Response r = api.get(query.isEmpty() ? path : path + "?" + ApiClient.query(query));
      if (r.status() != 200) {
        throw r.unexpected();
      }
      body = r.json();
    } catch (KumactlException e) {
      throw KumactlException.wrap("failed to list " + type.name(), e);
    }
    JsonNode items = body.path("items");
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("total", Output.number(body.get("total")));
    out.set("items", items.isArray() ? items : JsonNodeFactory.instance.arrayNode());
    out.putNull("next");
    String footer = nextOffset(body.get("next"));
    inv.out().print(Output.render(inv.string("output"), out, () -> {
      Table table = new Table(headers(type));
      for (JsonNode item : out.get("items")) {
        table.row(row(type, item, inv.clock()));
      }
      return table.footer(footer.isEmpty() ? ""
          : "Rerun command with --offset=" + footer + " argument to retrieve more resources");
    }));
  }

  private static void single(Invocation inv, Types.Type type) throws KumactlException {
    String name = inv.args.get(0);
    String mesh = type.meshScoped() ? inv.mesh() : "";
    ApiClient api = inv.api();
    JsonNode resource;
    try {
      ApiClient.Response r = api.get(type.itemPath(mesh, name));
      if (r.status() == 404) {
        throw notFound(type, mesh);
      }
      if (r.status() != 200) {
        throw r.unexpected();
      }
      resource = r.json();
    } catch (ApiError e) {
      if (e.status == 404) {
        throw notFound(type, mesh);
      }
      throw e;
    } catch (NotFound e) {
      throw e;
    } catch (KumactlException e) {
      throw KumactlException.wrap(type.meshScoped() ? "failed to get " + name + " in mesh " + mesh
          : "failed to get " + name, e);
    }
    String format = inv.string("output");
    if (format.equals("yaml")) {
      inv.out().print(Output.resourceYaml(resource, type.newStyle()));
      return;
    }
    inv.out().print(Output.render(format, resource,
        () -> new Table(headers(type)).row(row(type, resource, inv.clock()))));
  }

  /** A missing resource: {@code No resources found [in <mesh> mesh]}. */
  static final class NotFound extends KumactlException {
    private static final long serialVersionUID = 1L;

    NotFound(String message) {
      super(message);
    }
  }

  private static NotFound notFound(Types.Type type, String mesh) {
    return new NotFound(type.meshScoped() ? "No resources found in " + mesh + " mesh" : "No resources found");
  }

  /** The {@code offset} query parameter of the list's {@code next} URL, or empty. */
  static String nextOffset(JsonNode next) {
    if (next == null || !next.isTextual() || next.asText().isEmpty()) {
      return "";
    }
    try {
      String query = URI.create(next.asText()).getRawQuery();
      if (query == null) {
        return "";
      }
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        if (key.equals("offset")) {
          return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
      }
    } catch (IllegalArgumentException e) {
      return "";
    }
    return "";
  }

  // --- table layouts (Kuma's get/table_printer.go) ---

  private static final Map<String, List<String>> CUSTOM_HEADERS = Map.of(
      "Mesh", List.of("NAME", "mTLS", "LOCALITY", "ZONEEGRESS", "AGE"),
      "Dataplane", WITH_TAGS,
      "ExternalService", WITH_TAGS);
  private static final Map<String, BiFunction<JsonNode, Clock, List<String>>> CUSTOM_ROWS = Map.of(
      "Mesh", GetCommands::meshRow,
      "Dataplane", GetCommands::dataplaneRow,
      "ExternalService", GetCommands::externalServiceRow);

  static List<String> headers(Types.Type type) {
    return CUSTOM_HEADERS.getOrDefault(type.name(), type.meshScoped() ? MESH_SCOPED : GLOBAL);
  }

  static List<String> row(Types.Type type, JsonNode item, Clock clock) {
    BiFunction<JsonNode, Clock, List<String>> custom = CUSTOM_ROWS.get(type.name());
    if (custom != null) {
      return custom.apply(item, clock);
    }
    String age = age(item, clock);
    return type.meshScoped() ? List.of(text(item, "mesh"), text(item, "name"), age) : List.of(text(item, "name"), age);
  }

  private static List<String> meshRow(JsonNode mesh, Clock clock) {
    String mtls = "off";
    String enabled = mesh.path("mtls").path("enabledBackend").asText("");
    if (!enabled.isEmpty()) {
      String backendType = "";
      for (JsonNode backend : mesh.path("mtls").path("backends")) {
        if (backend.path("name").asText("").equals(enabled)) {
          backendType = backend.path("type").asText("");
          break;
        }
      }
      mtls = backendType + "/" + enabled;
    }
    JsonNode routing = mesh.path("routing");
    return List.of(text(mesh, "name"), mtls, onOff(routing.path("localityAwareLoadBalancing").asBoolean(false)),
        onOff(routing.path("zoneEgress").asBoolean(false)), age(mesh, clock));
  }

  private static List<String> dataplaneRow(JsonNode dp, Clock clock) {
    JsonNode networking = dp.path("networking");
    String address = networking.path("advertisedAddress").asText("");
    if (address.isEmpty()) {
      address = networking.path("address").asText("");
    }
    return List.of(text(dp, "mesh"), text(dp, "name"), dataplaneTags(networking), address, age(dp, clock));
  }

  private static List<String> externalServiceRow(JsonNode es, Clock clock) {
    Map<String, String> tags = new TreeMap<>();
    es.path("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
    List<String> pairs = new ArrayList<>();
    tags.forEach((k, v) -> pairs.add(k + "=" + v));
    pairs.sort(null);
    return List.of(text(es, "mesh"), text(es, "name"), String.join(" ", pairs),
        es.path("networking").path("address").asText(""), age(es, clock));
  }

  /** Kuma's {@code Dataplane.TagSet().String()}: inbound and gateway tags, values merged and sorted. */
  static String dataplaneTags(JsonNode networking) {
    Map<String, TreeSet<String>> tags = new TreeMap<>();
    for (JsonNode inbound : networking.path("inbound")) {
      inbound.path("tags").fields().forEachRemaining(
          e -> tags.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(e.getValue().asText()));
    }
    networking.path("gateway").path("tags").fields().forEachRemaining(
        e -> tags.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(e.getValue().asText()));
    List<String> pairs = new ArrayList<>();
    tags.forEach((k, v) -> pairs.add(k + "=" + String.join(",", v)));
    pairs.sort(null);
    return String.join(" ", pairs);
  }

  private static String age(JsonNode item, Clock clock) {
    return Output.timeSince(Output.time(item.get("modificationTime")), clock);
  }

  private static String text(JsonNode item, String field) {
    return item.path(field).asText("");
  }

  private static String onOff(boolean on) {
    return on ? "on" : "off";
  }
}
