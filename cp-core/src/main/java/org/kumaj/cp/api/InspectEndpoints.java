package org.kumaj.cp.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.cp.policies.core.DataplaneSelector;
import org.kumaj.cp.store.ResourceQuery;
import org.kumaj.cp.xds.ProxyId;
import org.kumaj.cp.xds.ProxyInspector;
import org.kumaj.model.Kri;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.ResourceType;
import org.kumaj.model.ResourceTypes;
import org.kumaj.model.codec.GoTime;
import org.kumaj.model.mesh.Dataplane;
import org.kumaj.model.mesh.DataplaneInsight;
import org.kumaj.model.mesh.Mesh;
import org.kumaj.model.mesh.MeshGateway;
import org.kumaj.model.policies.meshhttproute.MeshHTTPRoute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kuma's dataplane inspection routes ({@code inspect_envoy_admin_endpoints.go},
 * {@code inspect_endpoints.go}, {@code resource_endpoints.go#configForProxy}):
 *
 * <ul>
 *   <li>{@code GET /meshes/{mesh}/dataplanes/{name}/{type}} for {@code xds}, {@code stats} and
 *       {@code clusters} (any other type: 404). {@code xds} is the config dump of what this control
 *       plane last pushed to the proxy ({@link ProxyInspector#configDump}, {@code include_eds}).
 *       {@code stats} and {@code clusters} are fetched from the proxy's Envoy admin
 *       ({@code networking.address}:{@code networking.admin.port}, default
 *       {@code bootstrapServer.params.adminPort}) over plain HTTP when that address is loopback, as
 *       Kuma does; Kuma reaches other addresses over mTLS with its Envoy admin CA, which we do not
 *       have, so those answer Kuma's error for an unreachable proxy (500, "Could not execute admin
 *       operation"), as does a config dump of a proxy not connected to this instance.
 *   <li>{@code GET /meshes/{mesh}/dataplanes/{name}/_config}: the configuration generated now
 *       ({@link ProxyInspector#generatedConfig}) as {@code {"xds": ...}}, plus {@code "diff": []}
 *       with {@code include=diff} (no shadow policies exist for us, so the shadow and current
 *       configurations are equal). 405 on a global control plane; 404 without a DataplaneInsight,
 *       as Kuma.
 *   <li>{@code GET /meshes/{mesh}/dataplanes/{name}/policies}: the targetRef policies that select
 *       the Dataplane ({@link DataplaneSelector}), on the {@code dataplane} attachment, in Kuma's
 *       {@code DataplaneInspectResponse} shape (kind {@code SidecarDataplane}).
 * </ul>
 *
 * <p>Stateless; thread-safe.
 */
final class InspectEndpoints {
  private static final Logger LOG = LoggerFactory.getLogger("api-server");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String ADMIN_TITLE = "Could not execute admin operation";
  private static final String SHADOW_LABEL = "kuma.io/effect";

  private final ResourceManager manager;
  private final Access access;
  private final ProxyInspector inspector;
  private final boolean global;
  private final int defaultAdminPort;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  /**
   * @param inspector the xDS inspector, or null where this control plane serves no proxies (global)
   */
  InspectEndpoints(ResourceManager manager, Access access, ProxyInspector inspector, KumaConfig config) {
    this.manager = manager;
    this.access = access;
    this.inspector = inspector;
    this.global = config.isGlobal();
    this.defaultAdminPort = config.integer("bootstrapServer.params.adminPort");
  }

  void register(List<Route> routes) {
    routes.add(new Route("GET", "/meshes/{mesh}/dataplanes/{name}/{type}",
        (r, v, u) -> admin(v.get("mesh"), v.get("name"), v.get("type"), r, u)));
    routes.add(new Route("GET", "/meshes/{mesh}/dataplanes/{name}/_config",
        (r, v, u) -> config(v.get("mesh"), v.get("name"), r)));
    routes.add(new Route("GET", "/meshes/{mesh}/dataplanes/{name}/policies",
        (r, v, u) -> policies(v.get("mesh"), v.get("name"))));
  }

  // --- Envoy admin: xds, stats, clusters ---

  private ApiResponse admin(String mesh, String name, String type, ApiRequest request, User user) {
    switch (type) {
      case "xds" -> access.viewConfigDump(user);
      case "stats" -> access.viewStats(user);
      case "clusters" -> access.viewClusters(user);
      default -> throw new ApiException(KumaError.of(404, ADMIN_TITLE, "Not found"));
    }
    Resource dataplane = manager.get(new ResourceKey(Dataplane.TYPE, mesh, name))
        .orElseThrow(() -> Errors.notFound("Could not get dataplane resource"));
    boolean json = "json".equals(request.param("format"));
    return switch (type) {
      case "xds" -> {
        boolean includeEds = Boolean.parseBoolean(request.param("include_eds"));
        String dump = inspector == null ? null : inspector.configDump(new ProxyId(mesh, name), includeEds).orElse(null);
        if (dump == null) {
          LOG.error("{}: the config dump of Dataplane {}.{} is not available: it is not connected to this control plane",
              ADMIN_TITLE, mesh, name);
          throw unreachable();
        }
        yield new ApiResponse(200, dump, ApiResponse.JSON);
      }
      case "stats" -> {
        String query = (json ? "format=json&" : "") + (isFalse(request.param("usedonly")) ? "" : "usedonly");
        yield new ApiResponse(200, fetch(dataplane, "stats", query), json ? ApiResponse.JSON : "text/plain");
      }
      default -> new ApiResponse(200, fetch(dataplane, "clusters", json ? "format=json" : ""),
          json ? ApiResponse.JSON : "text/plain");
    };
  }

  private static boolean isFalse(String value) {
    return value != null && (value.equals("false") || value.equals("0") || value.equals("f") || value.equals("F")
        || value.equals("FALSE") || value.equals("False"));
  }

  private static ApiException unreachable() {
    return new ApiException(KumaError.of(500, ADMIN_TITLE, "Internal Server Error"));
  }

  /** GETs {@code path} from the proxy's Envoy admin when it listens on loopback (plain HTTP, as Kuma). */
  private String fetch(Resource dataplane, String path, String query) {
    Dataplane.Networking networking = dataplane.spec(Dataplane.class).networking();
    String address = networking == null || networking.address() == null ? "" : networking.address();
    int port = networking != null && networking.admin() != null && networking.admin().port() != null
        && networking.admin().port() != 0 ? networking.admin().port() : defaultAdminPort;
    String hostPort = (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    if (!isLoopback(address)) {
      LOG.error("{}: Envoy admin of Dataplane {}.{} at {} is reachable only over mTLS with Kuma's Envoy admin CA,"
          + " which this control plane does not have", ADMIN_TITLE, dataplane.meta().mesh(), dataplane.meta().name(),
          hostPort);
      throw unreachable();
    }
    URI uri = URI.create("http://" + hostPort + "/" + path + (query.isEmpty() ? "" : "?" + query));
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        LOG.error("{}: envoy response [{}] from {}", ADMIN_TITLE, response.statusCode(), uri);
        throw unreachable();
      }
      return response.body();
    } catch (IOException e) {
      LOG.error("{}: unable to send GET to {}: {}", ADMIN_TITLE, uri, e.toString());
      throw unreachable();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(KumaError.of(499, ADMIN_TITLE, "context canceled"));
    }
  }

  private static boolean isLoopback(String address) {
    if (address.isEmpty() || !(address.matches("[0-9.]+") || address.contains(":"))) {
      return false; // a hostname: not resolved here
    }
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  // --- _config ---

  private ApiResponse config(String mesh, String name, ApiRequest request) {
    if (global) {
      throw new ApiException(KumaError.of(405, "Method not allowed", "Not allowed on global CP"));
    }
    if (manager.get(ResourceKey.global(Mesh.TYPE, mesh)).isEmpty()) {
      throw Errors.notFound("Failed to retrieve Mesh");
    }
    String shadow = request.param("shadow");
    if (shadow != null && !shadow.isEmpty() && parseGoBool(shadow) == null) {
      throw new ApiException(Errors.badRequest("unsupported value for query parameter 'shadow'"));
    }
    boolean diff = false;
    String include = request.param("include");
    if (include != null && !include.isEmpty()) {
      for (String v : include.split(",", -1)) {
        if (!v.equals("diff")) {
          throw new ApiException(Errors.badRequest("unsupported value for query parameter 'include'"));
        }
        diff = true;
      }
    }
    if (manager.get(new ResourceKey(DataplaneInsight.TYPE, mesh, name)).isEmpty()) {
      throw Errors.notFound("Failed to fetch dataplane insight");
    }
    ObjectNode xds = inspector == null ? null : inspector.generatedConfig(mesh, name).orElse(null);
    if (xds == null) {
      throw Errors.notFound("Failed to inspect proxy config");
    }
    ObjectNode out = NODES.objectNode();
    out.set("xds", xds);
    if (diff) {
      out.putArray("diff");
    }
    return ApiResponse.ok(out);
  }

  /** Go's {@code strconv.ParseBool}, or null when it fails. */
  private static Boolean parseGoBool(String s) {
    return switch (s) {
      case "1", "t", "T", "TRUE", "true", "True" -> true;
      case "0", "f", "F", "FALSE", "false", "False" -> false;
      default -> null;
    };
  }

  // --- policies ---

  private ApiResponse policies(String mesh, String name) {
    if (manager.get(ResourceKey.global(Mesh.TYPE, mesh)).isEmpty()) {
      throw Errors.notFound("Could not build MeshContext");
    }
    Resource dataplane = manager.get(new ResourceKey(Dataplane.TYPE, mesh, name))
        .orElseThrow(() -> Errors.notFound("Could not get MatchedPolicies"));
    DataplaneSelector selector = new DataplaneSelector(
        manager.list(ResourceQuery.all(MeshGateway.TYPE, mesh)).items(),
        manager.list(ResourceQuery.all(MeshHTTPRoute.TYPE, mesh)).items());
    Map<String, List<Resource>> matched = new TreeMap<>();
    for (ResourceType type : ResourceTypes.withApi()) {
      if (!type.isPolicy() || !type.isMeshScoped() || type.policy().map(p -> !p.targetRefBased()).orElse(true)) {
        continue;
      }
      for (Resource policy : manager.list(ResourceQuery.all(type, mesh)).items()) {
        if (!"shadow".equals(policy.meta().label(SHADOW_LABEL)) && selector.selects(policy, dataplane)) {
          matched.computeIfAbsent(type.name(), t -> new ArrayList<>()).add(policy);
        }
      }
    }
    ObjectNode out = NODES.objectNode();
    out.put("kind", "SidecarDataplane");
    ArrayNode items = NODES.arrayNode();
    if (!matched.isEmpty()) {
      ObjectNode entry = items.addObject();
      entry.put("type", "dataplane");
      ObjectNode byType = entry.putObject("matchedPolicies");
      matched.forEach((type, list) -> {
        ArrayNode metas = byType.putArray(type);
        list.stream().sorted(Comparator.comparing((Resource r) -> r.meta().name()))
            .forEach(r -> metas.add(meta(r)));
      });
    }
    out.put("total", items.size());
    out.set("items", items);
    return ApiResponse.ok(out);
  }

  /** Kuma's {@code rest.From.Meta}: type, mesh, name, times, labels when any, KRI when the type has one. */
  private static ObjectNode meta(Resource r) {
    ObjectNode m = NODES.objectNode();
    m.put("type", r.type().name());
    if (r.meta().mesh() != null && !r.meta().mesh().isEmpty()) {
      m.put("mesh", r.meta().mesh());
    }
    m.put("name", r.meta().name());
    m.put("creationTime", GoTime.format(r.meta().creationTime()));
    m.put("modificationTime", GoTime.format(r.meta().modificationTime()));
    if (!r.meta().labels().isEmpty()) {
      ObjectNode labels = m.putObject("labels");
      new TreeMap<>(r.meta().labels()).forEach(labels::put);
    }
    Kri.of(r.type(), r.meta()).ifPresent(k -> m.put("kri", k.toString()));
    return m;
  }
}
