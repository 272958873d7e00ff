package org.kumaj.kumactl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * {@code kumactl inspect}: overviews of dataplanes, zones, zone ingresses/egresses, meshes and
 * services with Kuma's tables; a dataplane's matched policies or Envoy data; the dataplanes a
 * policy or gateway selects. Every sub-command prints what the control plane answers; when the
 * control plane does not serve an endpoint, its error is the command's error.
 */
final class InspectCommands {
  /** The one-line description shown in {@code kumactl --help}. */
  static final String SHORT = "Inspect Kuma resources";
  private static final String ZONE_INGRESS_POLICIES = "Policies are not applied on ZoneIngress, please use"
      + " '--config-dump' flag to get envoy config dump of the ZoneIngress";
  private static final String ZONE_EGRESS_POLICIES = "Policies are not applied on ZoneEgress, please use"
      + " '--config-dump' flag to get envoy config dump of the ZoneEgress";

  private InspectCommands() {}

  static Cmd build(List<Types.Type> types) {
    Cmd inspect = new Cmd("inspect").help(SHORT, "Inspect Kuma resources.");
    inspect.checksVersion = true;
    inspect.persistentFlag(GetCommands.outputFlag());
    inspect.add(new Cmd("dataplanes").help("Inspect Dataplanes", "Inspect Dataplanes.")
        .persistentFlag(Flag.map("tag", '\0', "filter by tag in format of key=value. You can provide many tags"))
        .persistentFlag(GetCommands.meshFlag())
        .persistentFlag(Flag.bool("gateway", "filter gateway dataplanes"))
        .persistentFlag(Flag.bool("ingress", "filter ingress dataplanes"))
        .action(InspectCommands::dataplanes));
    inspect.add(dataplaneCmd());
    inspect.add(new Cmd("meshgateway NAME").help("Inspect MeshGateway", "List Dataplanes matched by this MeshGateway.")
        .exactArgs(1).action(InspectCommands::meshGateway));
    inspect.add(overview("zoneingresses", "Inspect Zone Ingresses", "/zoneingresses/_overview",
        "zoneIngressInsight", InspectCommands::proxyRow, List.of("zone-ingresses")));
    inspect.add(proxyCmd("zoneingress", "ZoneIngress", "zoneingresses", ZONE_INGRESS_POLICIES));
    inspect.add(overview("zoneegresses", "Inspect Zone Egresses", "/zoneegresses/_overview",
        "zoneEgressInsight", InspectCommands::proxyRow, List.of()));
    inspect.add(proxyCmd("zoneegress", "ZoneEgress", "zoneegresses", ZONE_EGRESS_POLICIES));
    inspect.add(overview("zones", "Inspect Zones", "/zones/_overview", "zoneInsight", InspectCommands::zoneRow,
        List.of()));
    inspect.add(new Cmd("meshes").help("Inspect Meshes", "Inspect Meshes.").action(InspectCommands::meshes));
    inspect.add(new Cmd("services").help("Inspect Services", "Inspect Services.")
        .persistentFlag(Flag.string("mesh", 'm', "default", "mesh")).action(InspectCommands::services));
    for (Types.Type type : types) {
      if (type.inspectable() && !type.kumactlArg().isEmpty()) {
        inspect.add(policyCmd(type));
      }
    }
    return inspect;
  }

  // --- lists ---

  private static JsonNode list(Invocation inv, String path) throws KumactlException {
    ApiClient.Response r = inv.api().get(path);
    if (r.status() != 200) {
      throw r.unexpected();
    }
    JsonNode body = r.json();
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("total", Output.number(body.get("total")));
    out.set("items", body.path("items").isArray() ? body.get("items") : JsonNodeFactory.instance.arrayNode());
    out.putNull("next");
    return out;
  }

  private static void print(Invocation inv, JsonNode list, List<String> headers,
      BiFunction<JsonNode, Clock, List<String>> row) throws KumactlException {
    inv.out().print(Output.render(inv.string("output"), list, () -> {
      Table table = new Table(headers);
      for (JsonNode item : list.get("items")) {
        table.row(row.apply(item, inv.clock()));
      }
      return table;
    }));
  }

  private static void dataplanes(Invocation inv) throws KumactlException {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (inv.bool("gateway")) {
      query.put("gateway", List.of("true"));
    }
    if (inv.bool("ingress")) {
      query.put("ingress", List.of("true"));
    }
    List<String> tags = new ArrayList<>();
    inv.map("tag").forEach((k, v) -> tags.add(k + ":" + v));
    if (!tags.isEmpty()) {
      query.put("tag", tags);
    }
    String path = "/meshes/" + Types.segment(inv.mesh()) + "/dataplanes/_overview";
    JsonNode list = list(inv, query.isEmpty() ? path : path + "?" + ApiClient.query(query));
    print(inv, list, List.of("MESH", "NAME", "TAGS", "STATUS", "LAST CONNECTED AGO", "LAST UPDATED AGO",
        "TOTAL UPDATES", "TOTAL ERRORS", "CERT REGENERATED AGO", "CERT EXPIRATION", "CERT REGENERATIONS",
        "CERT BACKEND", "SUPPORTED CERT BACKENDS", "KUMA-DP VERSION", "ENVOY VERSION", "DEPENDENCIES VERSIONS",
        "NOTES"), InspectCommands::dataplaneRow);
  }

  private static List<String> dataplaneRow(JsonNode item, Clock clock) {
    JsonNode networking = item.path("dataplane").path("networking");
    JsonNode insight = item.path("dataplaneInsight");
    JsonNode last = lastSubscription(insight);
    JsonNode mtls = insight.get("mTLS");
    boolean hasMtls = mtls != null && mtls.isObject();
    String[] status = dataplaneStatus(networking, online(insight));
    Map<String, String> dependencies = new TreeMap<>();
    last.path("version").path("dependencies").fields()
        .forEachRemaining(e -> dependencies.put(e.getKey(), e.getValue().asText()));
    List<String> deps = new ArrayList<>();
    dependencies.forEach((k, v) -> deps.add(k + ": " + v));
    List<String> supported = new ArrayList<>();
    if (hasMtls) {
      mtls.path("supportedBackends").forEach(b -> supported.add(b.asText()));
    }
    return List.of(
        item.path("mesh").asText(""),
        item.path("name").asText(""),
        GetCommands.dataplaneTags(networking),
        status[0],
        Output.ago(Output.time(last.get("connectTime")), clock),
        Output.ago(Output.time(last.path("status").get("lastUpdateTime")), clock),
        Long.toString(sum(insight, "responsesSent")),
        Long.toString(sum(insight, "responsesRejected")),
        Output.ago(hasMtls ? Output.time(mtls.get("lastCertificateRegeneration")) : null, clock),
        Output.date(hasMtls ? Output.time(mtls.get("certificateExpirationTime")) : null, clock),
        Long.toString(hasMtls ? Output.number(mtls.get("certificateRegenerations")) : 0),
        hasMtls ? mtls.path("issuedBackend").asText("") : "-",
        String.join(",", supported),
        last.path("version").path("kumaDp").path("version").asText(""),
        last.path("version").path("envoy").path("version").asText(""),
        deps.isEmpty() ? "-" : String.join(", ", deps),
        status[1]);
  }

  /** Kuma's {@code DataplaneOverviewResource.Status()}: status and notes. */
  static String[] dataplaneStatus(JsonNode networking, boolean online) {
    if (networking.has("gateway") && !networking.get("gateway").isNull()) {
      return new String[] {online ? "Online" : "Offline", ""};
    }
    int ready = 0;
    List<String> errs = new ArrayList<>();
    int total = networking.path("inbound").size() + networking.path("listeners").size();
    for (JsonNode inbound : networking.path("inbound")) {
      boolean notReady = (inbound.has("health") && !inbound.path("health").path("ready").asBoolean(false))
          || inbound.path("state").asText("").equals("NotReady");
      if (notReady) {
        errs.add("inbound[port=" + inbound.path("port").asLong(0) + ",svc="
            + inbound.path("tags").path("kuma.io/service").asText("") + "] is not ready");
      } else {
        ready++;
      }
    }
    for (JsonNode listener : networking.path("listeners")) {
      if (listener.path("state").asText("").equals("Ready")) {
        ready++;
      } else {
        errs.add("listener[port=" + listener.path("port").asLong(0) + ",type=" + listener.path("type").asText("")
            + "] is not ready");
      }
    }
    if (!online || ready == 0) {
      return new String[] {"Offline", String.join(";", errs)};
    }
    if (ready < total) {
      return new String[] {"Partially degraded", String.join(";", errs)};
    }
    return new String[] {"Online", ""};
  }

  private static Cmd overview(String name, String shortHelp, String path, String insightField,
      BiFunction<JsonNode, Clock, List<String>> row, List<String> aliases) {
    List<String> headers = insightField.equals("zoneInsight")
        ? List.of("NAME", "STATUS", "LAST CONNECTED AGO", "LAST UPDATED AGO", "TOTAL UPDATES", "TOTAL ERRORS",
            "ZONE-CP VERSION", "BACKEND")
        : List.of("NAME", "STATUS", "LAST CONNECTED AGO", "LAST UPDATED AGO", "TOTAL UPDATES", "TOTAL ERRORS",
            "KUMA-DP VERSION", "ENVOY VERSION");
    return new Cmd(name).help(shortHelp, shortHelp + ".").aliases(aliases)
        .action(inv -> print(inv, list(inv, path), headers,
            (item, clock) -> row.apply(withInsight(item, insightField), clock)));
  }

  /** Passes the overview item with its insight under a common key, so one row function serves both proxies. */
  private static JsonNode withInsight(JsonNode item, String field) {
    ObjectNode copy = item.deepCopy();
    copy.set("_insight", item.path(field));
    return copy;
  }

  private static List<String> proxyRow(JsonNode item, Clock clock) {
    JsonNode insight = item.path("_insight");
    JsonNode last = lastSubscription(insight);
    return List.of(item.path("name").asText(""), online(insight) ? "Online" : "Offline",
        Output.ago(Output.time(last.get("connectTime")), clock),
        Output.ago(Output.time(last.path("status").get("lastUpdateTime")), clock),
        Long.toString(sum(insight, "responsesSent")), Long.toString(sum(insight, "responsesRejected")),
        last.path("version").path("kumaDp").path("version").asText(""),
        last.path("version").path("envoy").path("version").asText(""));
  }

  private static List<String> zoneRow(JsonNode item, Clock clock) {
    JsonNode insight = item.path("_insight");
    JsonNode last = lastSubscription(insight);
    JsonNode enabled = item.path("zone").get("enabled");
    boolean zoneEnabled = enabled == null || enabled.isNull() || enabled.asBoolean(true);
    String backend = "";
    String config = last.path("config").asText("");
    if (!config.isEmpty()) {
      try {
        JsonNode cfg = Trees.json(config);
        backend = cfg == null ? "" : cfg.path("store").path("type").asText("");
      } catch (IOException e) {
        backend = "";
      }
    }
    return List.of(item.path("name").asText(""), online(insight) && zoneEnabled ? "Online" : "Offline",
        Output.ago(Output.time(last.get("connectTime")), clock),
        Output.ago(Output.time(last.path("status").get("lastUpdateTime")), clock),
        Long.toString(sum(insight, "responsesSent")), Long.toString(sum(insight, "responsesRejected")),
        last.path("version").path("kumaCp").path("version").asText(""), backend);
  }

  private static void meshes(Invocation inv) throws KumactlException {
    JsonNode list = list(inv, "/mesh-insights");
    List<String> policies = List.of("TrafficPermission", "TrafficRoute", "CircuitBreaker", "HealthCheck",
        "FaultInjection", "ExternalService", "TrafficTrace", "TrafficLog", "ProxyTemplate", "RateLimit");
    print(inv, list, List.of("MESH", "DATAPLANES", "TRAFFIC PERMISSIONS", "TRAFFIC ROUTES", "CIRCUIT BREAKERS",
        "HEALTH CHECKS", "FAULT INJECTIONS", "EXTERNAL SERVICES", "TRAFFIC TRACES", "TRAFFIC LOGS",
        "PROXY TEMPLATES", "RATE LIMITS"), (item, clock) -> {
          List<String> row = new ArrayList<>();
          row.add(item.path("name").asText(""));
          JsonNode dps = item.path("dataplanes");
          row.add(Output.number(dps.get("online")) + "/" + Output.number(dps.get("total")));
          for (String policy : policies) {
            row.add(Long.toString(Output.number(item.path("policies").path(policy).get("total"))));
          }
          return row;
        });
  }

  private static void services(Invocation inv) throws KumactlException {
    JsonNode list = list(inv, "/meshes/" + Types.segment(inv.mesh()) + "/service-insights");
    print(inv, list, List.of("SERVICE", "STATUS", "DATAPLANES"), (item, clock) -> {
      String status = switch (item.path("status").asText("")) {
        case "partially_degraded" -> "Partially degraded";
        case "online" -> "Online";
        default -> "Offline";
      };
      JsonNode dps = item.path("dataplanes");
      return List.of(item.path("name").asText(""), status,
          Output.number(dps.get("online")) + "/" + Output.number(dps.get("total")));
    });
  }

  // --- single proxies ---

  private static Cmd dataplaneCmd() {
    return new Cmd("dataplane NAME").help("Inspect Dataplane", "Inspect Dataplane.").exactArgs(1)
        .persistentFlag(Flag.string("type", "policies",
            "inspection type: one of policies|config-dump|stats|clusters|config"))
        .persistentFlag(Flag.bool("config-dump", "if set then the command returns envoy config dump for provided"
            + " dataplane").asDeprecated("use --type=config-dump"))
        .persistentFlag(Flag.bool("include-eds", "include EDS when dumping envoy config for dataplane"))
        .persistentFlag(GetCommands.meshFlag())
        .persistentFlag(Flag.bool("shadow", "when computing XDS config the CP takes into account policies with"
            + " 'kuma.io/effect: shadow' label"))
        .persistentFlag(Flag.list("include", "[]", "an array of extra fields to include in the response. When"
            + " `include=diff` the server computes a diff in JSONPatch format between the XDS config returned in"
            + " 'xds' and the current proxy XDS config."))
        .action(InspectCommands::dataplane);
  }

  private static void dataplane(Invocation inv) throws KumactlException {
    String name = inv.args.get(0);
    String type = inv.bool("config-dump") ? "config-dump" : inv.string("type");
    if (inv.bool("shadow") && !type.equals("config")) {
      throw new KumactlException("flag '--shadow' can be used only when '--type=config'");
    }
    if (!inv.list("include").isEmpty() && !type.equals("config")) {
      throw new KumactlException("flag '--include' can be used only when '--type=config'");
    }
    if (inv.bool("include-eds") && !type.equals("config-dump")) {
      throw new KumactlException("flag '--include-eds' can be used only when '--type=config-dump'");
    }
    String base = "/meshes/" + Types.segment(inv.mesh()) + "/dataplanes/" + Types.segment(name);
    switch (type) {
      case "policies" -> inv.out().print(PolicyTemplates.dataplane(body(inv, base + "/policies")));
      case "config" -> {
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("shadow", List.of(Boolean.toString(inv.bool("shadow"))));
        q.put("include", inv.list("include"));
        inv.out().print(raw(inv, base + "/_config?" + ApiClient.query(q)));
      }
      default -> envoy(inv, base, type, inv.bool("include-eds"));
    }
  }

  private static Cmd proxyCmd(String name, String typeName, String wsPath, String policiesError) {
    return new Cmd(name + " NAME").help("Inspect " + typeName, "Inspect " + typeName + ".").exactArgs(1)
        .persistentFlag(Flag.bool("config-dump", "if set then the command returns envoy config dump for provided"
            + " dataplane").asDeprecated("use --type=config-dump"))
        .persistentFlag(Flag.bool("include-eds", "include EDS when dumping envoy config for dataplane"))
        .persistentFlag(Flag.string("type", "config-dump", "inspection type: one of config-dump|stats|clusters"))
        .action(inv -> {
          String type = inv.bool("config-dump") ? "config-dump" : inv.string("type");
          if (inv.bool("include-eds") && !type.equals("config-dump")) {
            throw new KumactlException("flag '--include-eds' can be used only when '--type=config-dump'");
          }
          if (type.equals("policies")) {
            throw new KumactlException(policiesError);
          }
          envoy(inv, "/" + wsPath + "/" + Types.segment(inv.args.get(0)), type, inv.bool("include-eds"));
        });
  }

  private static void envoy(Invocation inv, String base, String type, boolean includeEds) throws KumactlException {
    String path = switch (type) {
      case "config-dump" -> base + "/xds?include_eds=" + includeEds;
      case "stats" -> base + "/stats";
      case "clusters" -> base + "/clusters";
      default -> throw new KumactlException("invalid inspection type");
    };
    inv.out().print(raw(inv, path));
  }

  private static String raw(Invocation inv, String path) throws KumactlException {
    ApiClient.Response r = inv.api().get(path);
    if (r.status() != 200) {
      throw r.unexpected();
    }
    return r.body();
  }

  private static JsonNode body(Invocation inv, String path) throws KumactlException {
    return Trees.parseJson(raw(inv, path));
  }

  private static void meshGateway(Invocation inv) throws KumactlException {
    JsonNode body = body(inv, "/meshes/" + Types.segment(inv.mesh()) + "/meshgateways/"
        + Types.segment(inv.args.get(0)) + "/dataplanes");
    StringBuilder out = new StringBuilder();
    for (JsonNode item : body.path("items")) {
      out.append(item.path("dataplane").path("name").asText("")).append('\n');
    }
    inv.out().print(out);
  }

  // --- policies ---

  private static Cmd policyCmd(Types.Type type) {
    return new Cmd(type.kumactlArg() + " NAME").help("Inspect " + type.name(), "Inspect " + type.name() + ".")
        .exactArgs(1)
        .persistentFlag(GetCommands.meshFlag())
        .persistentFlag(Flag.integer("offset", "0", "the offset for pagination"))
        .persistentFlag(Flag.bool("new-api", "use the newer version of the inspect api"))
        .action(inv -> {
          String base = "/meshes/" + Types.segment(inv.mesh()) + "/" + type.wsPath() + "/"
              + Types.segment(inv.args.get(0));
          if (!inv.bool("new-api")) {
            inv.out().print(PolicyTemplates.policy(body(inv, base + "/dataplanes")));
            return;
          }
          JsonNode body = body(inv, base + "/-resources/dataplanes");
          ObjectNode response = JsonNodeFactory.instance.objectNode();
          response.set("items", body.path("items").isArray() ? body.get("items")
              : JsonNodeFactory.instance.arrayNode());
          if (body.hasNonNull("next")) {
            response.set("next", body.get("next"));
          }
          response.put("total", Output.number(body.get("total")));
          inv.out().print(Output.render(inv.string("output"), response, () -> {
            Table table = new Table(List.of("Type", "Mesh", "Name"));
            for (JsonNode item : response.get("items")) {
              table.row(List.of(item.path("type").asText(""), item.path("mesh").asText(""),
                  item.path("name").asText("")));
            }
            return table.footer("Total: " + response.get("total").asLong());
          }));
        });
  }

  // --- insight helpers ---

  private static JsonNode lastSubscription(JsonNode insight) {
    JsonNode subs = insight.path("subscriptions");
    return subs.isArray() && subs.size() > 0 ? subs.get(subs.size() - 1) : JsonNodeFactory.instance.objectNode();
  }

  /** Kuma's {@code IsOnline}: some subscription connected and not disconnected. */
  private static boolean online(JsonNode insight) {
    for (JsonNode s : insight.path("subscriptions")) {
      boolean connected = s.hasNonNull("connectTime");
      boolean disconnected = s.hasNonNull("disconnectTime");
      if (connected && !disconnected) {
        return true;
      }
    }
    return false;
  }

  private static long sum(JsonNode insight, String field) {
    long total = 0;
    for (JsonNode s : insight.path("subscriptions")) {
      total += Output.number(s.path("status").path("total").get(field));
    }
    return total;
  }
}
