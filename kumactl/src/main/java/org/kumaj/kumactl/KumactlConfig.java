package org.kumaj.kumactl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * kumactl's configuration ({@code ~/.kumactl/config}), Kuma's {@code kumactl.config.v1alpha1}
 * message: known control planes, contexts and the current context. Reads both the proto field
 * names ({@code control_planes}) and their JSON names ({@code controlPlanes}) and ignores unknown
 * fields, as Kuma's {@code jsonpb} does; writes proto3 JSON names leaving empty values out. The
 * helper methods follow Kuma's {@code config_helpers.go}. Not thread-safe.
 */
final class KumactlConfig {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** A named header added to every request. */
  record Header(String key, String value) {}

  /** {@code ControlPlaneCoordinates.ApiServer}. */
  static final class ApiServer {
    String url = "";
    String caCertFile = "";
    String clientCertFile = "";
    String clientKeyFile = "";
    List<Header> headers = new ArrayList<>();
    String authType = "";
    Map<String, String> authConf = new LinkedHashMap<>();
    boolean skipVerify;
  }

  /** A known control plane; {@code apiServer} is null when the file has no coordinates. */
  static final class ControlPlane {
    String name = "";
    boolean hasCoordinates;
    ApiServer apiServer;

    String url() {
      return apiServer == null ? "" : apiServer.url;
    }
  }

  /** A context: a name bound to a control plane, with optional defaults. */
  static final class Context {
    String name = "";
    String controlPlane = "";
    boolean hasDefaults;
    String defaultsMesh = "";
  }

  final List<ControlPlane> controlPlanes = new ArrayList<>();
  final List<Context> contexts = new ArrayList<>();
  String currentContext = "";

  /** Kuma's default: control plane and context {@code local} at {@code http://localhost:5681}. */
  static KumactlConfig defaults() {
    KumactlConfig cfg = new KumactlConfig();
    ControlPlane cp = new ControlPlane();
    cp.name = "local";
    cp.hasCoordinates = true;
    cp.apiServer = new ApiServer();
    cp.apiServer.url = "http://localhost:5681";
    cfg.controlPlanes.add(cp);
    Context ctx = new Context();
    ctx.name = "local";
    ctx.controlPlane = "local";
    cfg.contexts.add(ctx);
    cfg.currentContext = "local";
    return cfg;
  }

  // --- config_helpers.go ---

  Context context(String name) {
    return contexts.stream().filter(c -> c.name.equals(name)).findFirst().orElse(null);
  }

  ControlPlane controlPlane(String name) {
    return controlPlanes.stream().filter(c -> c.name.equals(name)).findFirst().orElse(null);
  }

  Context current() {
    return context(currentContext);
  }

  boolean addControlPlane(ControlPlane cp, boolean force) {
    for (int i = 0; i < controlPlanes.size(); i++) {
      if (controlPlanes.get(i).name.equals(cp.name)) {
        if (!force) {
          return false;
        }
        controlPlanes.set(i, cp);
        return true;
      }
    }
    controlPlanes.add(cp);
    return true;
  }

  boolean addContext(Context ctx, boolean force) {
    for (int i = 0; i < contexts.size(); i++) {
      if (contexts.get(i).name.equals(ctx.name)) {
        if (!force) {
          return false;
        }
        contexts.set(i, ctx);
        return true;
      }
    }
    contexts.add(ctx);
    return true;
  }

  boolean removeContext(String name) {
    Context old = context(name);
    if (old == null) {
      return false;
    }
    contexts.remove(old);
    if (currentContext.equals(name)) {
      currentContext = contexts.isEmpty() ? "" : contexts.get(0).name;
    }
    return true;
  }

  boolean switchContext(String name) {
    Context ctx = context(name);
    if (ctx == null) {
      return false;
    }
    currentContext = ctx.name;
    return true;
  }

  boolean removeControlPlane(String name) {
    ControlPlane old = controlPlane(name);
    if (old == null) {
      return false;
    }
    for (Context ctx : List.copyOf(contexts)) {
      if (ctx.controlPlane.equals(name)) {
        removeContext(ctx.name);
      }
    }
    controlPlanes.remove(old);
    return true;
  }

  // --- JSON (proto3 mapping) ---

  /**
   * Reads the configuration from its JSON tree (null or an empty document is an empty configuration).
   *
   * @throws IllegalArgumentException naming the field whose value has the wrong type
   */
  static KumactlConfig fromJson(JsonNode root) {
    KumactlConfig cfg = new KumactlConfig();
    if (root == null || root.isNull() || root.isMissingNode()) {
      return cfg;
    }
    requireObject(root, "Configuration");
    for (JsonNode n : array(field(root, "controlPlanes", "control_planes"), "controlPlanes")) {
      requireObject(n, "ControlPlane");
      ControlPlane cp = new ControlPlane();
      cp.name = string(field(n, "name", "name"), "name");
      JsonNode coords = field(n, "coordinates", "coordinates");
      if (coords != null && !coords.isNull()) {
        requireObject(coords, "ControlPlaneCoordinates");
        cp.hasCoordinates = true;
        JsonNode api = field(coords, "apiServer", "api_server");
        if (api != null && !api.isNull()) {
          requireObject(api, "ApiServer");
          cp.apiServer = apiServer(api);
        }
      }
      cfg.controlPlanes.add(cp);
    }
    for (JsonNode n : array(field(root, "contexts", "contexts"), "contexts")) {
      requireObject(n, "Context");
      Context ctx = new Context();
      ctx.name = string(field(n, "name", "name"), "name");
      ctx.controlPlane = string(field(n, "controlPlane", "control_plane"), "controlPlane");
      JsonNode defaults = field(n, "defaults", "defaults");
      if (defaults != null && !defaults.isNull()) {
        requireObject(defaults, "Defaults");
        ctx.hasDefaults = true;
        ctx.defaultsMesh = string(field(defaults, "mesh", "mesh"), "mesh");
      }
      cfg.contexts.add(ctx);
    }
    cfg.currentContext = string(field(root, "currentContext", "current_context"), "currentContext");
    return cfg;
  }

  private static ApiServer apiServer(JsonNode api) {
    ApiServer s = new ApiServer();
    s.url = string(field(api, "url", "url"), "url");
    s.caCertFile = string(field(api, "caCertFile", "ca_cert_file"), "caCertFile");
    s.clientCertFile = string(field(api, "clientCertFile", "client_cert_file"), "clientCertFile");
    s.clientKeyFile = string(field(api, "clientKeyFile", "client_key_file"), "clientKeyFile");
    for (JsonNode h : array(field(api, "headers", "headers"), "headers")) {
      requireObject(h, "Headers");
      s.headers.add(new Header(string(field(h, "key", "key"), "key"), string(field(h, "value", "value"), "value")));
    }
    s.authType = string(field(api, "authType", "auth_type"), "authType");
    JsonNode conf = field(api, "authConf", "auth_conf");
    if (conf != null && !conf.isNull()) {
      requireObject(conf, "authConf");
      Iterator<Map.Entry<String, JsonNode>> it = conf.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        s.authConf.put(e.getKey(), string(e.getValue(), "authConf"));
      }
    }
    JsonNode skip = field(api, "skipVerify", "skip_verify");
    if (skip != null && !skip.isNull()) {
      if (!skip.isBoolean()) {
        throw new IllegalArgumentException("bad value for field \"skipVerify\": " + skip + " is not a bool");
      }
      s.skipVerify = skip.booleanValue();
    }
    return s;
  }

  private static JsonNode field(JsonNode node, String jsonName, String protoName) {
    JsonNode v = node.get(jsonName);
    return v != null ? v : node.get(protoName);
  }

  private static void requireObject(JsonNode node, String what) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("cannot unmarshal " + kind(node) + " into a " + what + " message");
    }
  }

  private static Iterable<JsonNode> array(JsonNode node, String field) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException("bad value for field \"" + field + "\": " + node + " is not an array");
    }
    return node;
  }

  private static String string(JsonNode node, String field) {
    if (node == null || node.isNull()) {
      return "";
    }
    if (!node.isTextual()) {
      throw new IllegalArgumentException("bad value for field \"" + field + "\": " + node + " is not a string");
    }
    return node.textValue();
  }

  private static String kind(JsonNode n) {
    return n.isArray() ? "array" : n.isTextual() ? "string" : n.isNumber() ? "number" : n.isBoolean() ? "bool" : "value";
  }

  /** The proto3 JSON form Kuma writes ({@code jsonpb}, empty values left out). */
  ObjectNode toJson() {
    ObjectNode root = NODES.objectNode();
    if (!controlPlanes.isEmpty()) {
      ArrayNode list = root.putArray("controlPlanes");
      for (ControlPlane cp : controlPlanes) {
        ObjectNode n = list.addObject();
        putIfSet(n, "name", cp.name);
        if (cp.hasCoordinates) {
          ObjectNode coords = n.putObject("coordinates");
          if (cp.apiServer != null) {
            coords.set("apiServer", apiServerJson(cp.apiServer));
          }
        }
      }
    }
    if (!contexts.isEmpty()) {
      ArrayNode list = root.putArray("contexts");
      for (Context ctx : contexts) {
        ObjectNode n = list.addObject();
        putIfSet(n, "name", ctx.name);
        putIfSet(n, "controlPlane", ctx.controlPlane);
        if (ctx.hasDefaults) {
          putIfSet(n.putObject("defaults"), "mesh", ctx.defaultsMesh);
        }
      }
    }
    putIfSet(root, "currentContext", currentContext);
    return root;
  }

  private static ObjectNode apiServerJson(ApiServer s) {
    ObjectNode n = NODES.objectNode();
    putIfSet(n, "url", s.url);
    putIfSet(n, "caCertFile", s.caCertFile);
    putIfSet(n, "clientCertFile", s.clientCertFile);
    putIfSet(n, "clientKeyFile", s.clientKeyFile);
    if (!s.headers.isEmpty()) {
      ArrayNode headers = n.putArray("headers");
      for (Header h : s.headers) {
        ObjectNode hn = headers.addObject();
        putIfSet(hn, "key", h.key());
        putIfSet(hn, "value", h.value());
      }
    }
    putIfSet(n, "authType", s.authType);
    if (!s.authConf.isEmpty()) {
      ObjectNode conf = n.putObject("authConf");
      s.authConf.forEach(conf::put);
    }
    if (s.skipVerify) {
      n.put("skipVerify", true);
    }
    return n;
  }

  private static void putIfSet(ObjectNode n, String field, String value) {
    if (value != null && !value.isEmpty()) {
      n.put(field, value);
    }
  }
}
