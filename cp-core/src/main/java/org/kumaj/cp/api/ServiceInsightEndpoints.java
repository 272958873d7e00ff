package org.kumaj.cp.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.cp.store.ResourceQuery;
import org.kumaj.model.Kri;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.codec.Json;
import org.kumaj.model.codec.UniversalCodec;
import org.kumaj.model.mesh.ServiceInsight;

/**
 * Kuma keeps one ServiceInsight per mesh ({@code all-services-<mesh>}) with a map of services; the
 * API shows one ServiceInsight per service ({@code service_insight_endpoints.go}): name = service,
 * the service's stats inline, {@code dataplanes.total} and, for internal services,
 * {@code addressPort} = {@code <service>.<dnsServer.domain>:<dnsServer.serviceVipPort>}. Lists
 * filter by {@code name} (substring) and {@code type} and page over the expanded items.
 */
final class ServiceInsightEndpoints {
  private static final Set<String> TYPES = Set.of("internal", "external", "gateway_delegated", "gateway_builtin");
  private final ResourceManager manager;
  private final String domain;
  private final String vipPort;

  ServiceInsightEndpoints(ResourceManager manager, KumaConfig config) {
    this.manager = manager;
    this.domain = config.string("dnsServer.domain");
    this.vipPort = config.string("dnsServer.serviceVipPort");
  }

  void register(List<Route> routes) {
    routes.add(new Route("GET", "/meshes/{mesh}/service-insights", (r, v, u) -> list(v.get("mesh"), r,
        "/meshes/{mesh}/service-insights")));
    routes.add(new Route("GET", "/service-insights", (r, v, u) -> list(null, r, "/service-insights")));
    routes.add(new Route("GET", "/meshes/{mesh}/service-insights/{name}", (r, v, u) -> get(v.get("mesh"), v.get("name"))));
  }

  private ApiResponse get(String mesh, String service) {
    ResourceEndpoints.requireMesh(manager, mesh);
    Resource insight = manager.get(new ResourceKey(ServiceInsight.TYPE, mesh, "all-services-" + mesh))
        .orElseThrow(() -> Errors.notFound("Could not retrieve a resource"));
    Map<String, ServiceInsight.Service> services = insight.spec(ServiceInsight.class).services();
    ServiceInsight.Service stat = services == null ? null : services.get(service);
    if (stat == null) {
      stat = new ServiceInsight.Service(null, new ServiceInsight.DataplaneStat(null, null, null), null, null, null, null);
    }
    return ApiResponse.ok(expand(insight, service, stat));
  }

  private ApiResponse list(String mesh, ApiRequest request, String template) {
    ResourceEndpoints.requireMesh(manager, mesh);
    ListParams params = ListParams.parse(request, template);
    Set<String> types = new TreeSet<>();
    String filter = request.param("type");
    if (filter != null && !filter.isEmpty()) {
      for (String t : filter.split(",")) {
        String type = t.trim().toLowerCase(java.util.Locale.ROOT);
        if (!TYPES.contains(type)) {
          throw new ApiException(Errors.badRequest("bad request: unsupported service type"));
        }
        types.add(type);
      }
    }
    List<ObjectNode> items = new ArrayList<>();
    for (Resource insight : manager.list(ResourceQuery.all(ServiceInsight.TYPE, mesh)).items()) {
      Map<String, ServiceInsight.Service> services = insight.spec(ServiceInsight.class).services();
      if (services == null) {
        continue;
      }
      services.forEach((name, stat) -> {
        String type = stat.serviceType() == null ? "internal" : stat.serviceType();
        if ((params.name() == null || name.contains(params.name())) && (types.isEmpty() || types.contains(type))) {
          items.add(expand(insight, name, stat));
        }
      });
    }
    items.sort(Comparator.comparing((ObjectNode n) -> n.path("mesh").asText()).thenComparing(n -> n.path("name").asText()));
    int offset = ListParams.numericOffset(params.offset(), "Could not paginate resources");
    int from = (int) Math.min(offset, items.size());
    int to = Math.min(items.size(), from + params.size());
    String next = (long) offset + params.size() < items.size() ? Integer.toString(offset + params.size()) : null;
    List<JsonNode> page = new ArrayList<>(items.subList(from, to));
    return ApiResponse.ok(ResourceEndpoints.listBody(items.size(), page, ResourceEndpoints.next(request, next)));
  }

  private ObjectNode expand(Resource insight, String service, ServiceInsight.Service stat) {
    ServiceInsight.DataplaneStat dp = stat.dataplanes() == null
        ? new ServiceInsight.DataplaneStat(null, null, null) : stat.dataplanes();
    int online = dp.online() == null ? 0 : dp.online();
    int offline = dp.offline() == null ? 0 : dp.offline();
    boolean internal = stat.serviceType() == null || stat.serviceType().equals("internal");
    ServiceInsight.Service filled = new ServiceInsight.Service(stat.status(),
        new ServiceInsight.DataplaneStat(online + offline, dp.online(), dp.offline()), stat.issuedBackends(),
        stat.serviceType(), internal ? service + "." + domain + ":" + vipPort : stat.addressPort(), stat.zones());
    Map<String, String> labels = new java.util.TreeMap<>(insight.meta().labels());
    labels.remove(Kri.DISPLAY_NAME_LABEL);
    ObjectNode out = UniversalCodec.encode(insight.withMeta(
        new org.kumaj.model.ResourceMeta(service, insight.meta().mesh(), labels, insight.meta().creationTime(),
            insight.meta().modificationTime(), insight.meta().version())));
    out.remove("services");
    out.setAll((ObjectNode) Json.mapper().valueToTree(filled));
    return out;
  }
}
