package org.kumaj.cp.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.cp.store.ResourceList;
import org.kumaj.cp.store.ResourceQuery;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.ResourceType;
import org.kumaj.model.ResourceTypes;
import org.kumaj.model.Scope;
import org.kumaj.model.codec.GoTime;
import org.kumaj.model.codec.UniversalCodec;
import org.kumaj.model.mesh.Dataplane;
import org.kumaj.model.mesh.DataplaneInsight;
import org.kumaj.model.mesh.ExternalService;
import org.kumaj.model.mesh.Mesh;
import org.kumaj.model.mesh.MeshInsight;
import org.kumaj.model.mesh.ServiceInsight;
import org.kumaj.model.mesh.SubscriptionInsight;
import org.kumaj.model.mesh.ZoneEgressInsight;
import org.kumaj.model.mesh.ZoneIngressInsight;
import org.kumaj.model.system.ZoneInsight;

/**
 * The statistics routes: {@code /mesh-insights[/{name}]} and {@code /global-insight}.
 *
 * <p>Kuma keeps a MeshInsight per mesh, refreshed by its insight resyncer. Stored MeshInsights are
 * served as they are; until some exist, each mesh's insight is computed from the store on request
 * the way the resyncer computes it ({@code pkg/insights/resyncer.go}): proxies by status (online,
 * offline, partially degraded; from their DataplaneInsight and inbound readiness) and by type, the
 * number of internal and external services, and the count of every mesh-scoped type (policies
 * also under {@code policies}). The global insight ({@code pkg/insights/globalinsight}) aggregates
 * those with the ServiceInsights, the zone, zone-ingress and zone-egress insights and the counts of
 * global types. Stateless apart from the clock.
 */
final class Insights {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Global types {@code /global-insight} does not count (Kuma names them explicitly). */
  private static final Set<String> NOT_COUNTED_GLOBALLY = Set.of("Mesh", "Zone", "ZoneIngress", "ZoneEgress", "Config");
  private static final String ONLINE = "online";
  private static final String OFFLINE = "offline";
  private static final String DEGRADED = "partiallyDegraded";

  private final ResourceManager manager;
  private final ResourceEndpoints endpoints;
  private final Clock clock;

  Insights(ResourceManager manager, ResourceEndpoints endpoints, Clock clock) {
    this.manager = manager;
    this.endpoints = endpoints;
    this.clock = clock;
  }

  /** Adds the routes; they take precedence over the generated MeshInsight routes (registered later). */
  void register(List<Route> routes) {
    routes.add(new Route("GET", "/mesh-insights", (r, v, u) -> list(r, u)));
    routes.add(new Route("GET", "/mesh-insights/{name}", (r, v, u) -> get(v.get("name"), r, u)));
    routes.add(new Route("GET", "/global-insight", (r, v, u) -> ApiResponse.ok(global())));
  }

  private ApiResponse list(ApiRequest request, User user) {
    if (!stored().isEmpty()) {
      return endpoints.list(MeshInsight.TYPE, null, request, "/mesh-insights", user);
    }
    ListParams params = ListParams.parse(request, "/mesh-insights");
    List<JsonNode> items = new ArrayList<>();
    for (Resource mesh : manager.list(ResourceQuery.all(Mesh.TYPE, null)).items()) {
      String name = mesh.meta().name();
      if ((params.name() == null || name.contains(params.name())) && matchesNoLabels(params)) {
        items.add(ResourceEndpoints.render(computed(name), request));
      }
    }
    int from = Math.min(ListParams.numericOffset(params.offset(), ListParams.TITLE), items.size());
    int to = Math.min(items.size(), from + params.size());
    String next = to < items.size() ? Integer.toString(to) : null;
    return ApiResponse.ok(ResourceEndpoints.listBody(items.size(), items.subList(from, to),
        ResourceEndpoints.next(request, next)));
  }

  /** Computed insights carry no labels, so a label filter selects none of them. */
  private static boolean matchesNoLabels(ListParams params) {
    return params.labels().isEmpty();
  }

  private ApiResponse get(String name, ApiRequest request, User user) {
    if (!stored().isEmpty() || manager.get(ResourceKey.global(Mesh.TYPE, name)).isEmpty()) {
      return endpoints.get(MeshInsight.TYPE, null, name, request, user);
    }
    return ApiResponse.ok(ResourceEndpoints.render(computed(name), request));
  }

  private List<Resource> stored() {
    return manager.list(new ResourceQuery(MeshInsight.TYPE, null, null, Map.of(), 1, null)).items();
  }

  /** The MeshInsights to aggregate: the stored ones, or computed ones for every mesh. */
  private List<MeshInsight> meshInsights() {
    List<Resource> stored = manager.list(ResourceQuery.all(MeshInsight.TYPE, null)).items();
    if (!stored.isEmpty()) {
      return stored.stream().map(r -> r.spec(MeshInsight.class)).toList();
    }
    return manager.list(ResourceQuery.all(Mesh.TYPE, null)).items().stream()
        .map(m -> compute(m.meta().name())).toList();
  }

  private Resource computed(String mesh) {
    Instant now = clock.instant();
    return new Resource(MeshInsight.TYPE, new ResourceMeta(mesh, null, Map.of(), now, now, null), compute(mesh));
  }

  /** The resyncer's MeshInsight of {@code mesh}, computed from the store now. */
  MeshInsight compute(String mesh) {
    List<Resource> dataplanes = manager.list(ResourceQuery.all(Dataplane.TYPE, mesh)).items();
    Map<String, DataplaneInsight> insights = new HashMap<>();
    for (Resource i : manager.list(ResourceQuery.all(DataplaneInsight.TYPE, mesh)).items()) {
      insights.put(i.meta().name(), i.spec(DataplaneInsight.class));
    }
    Counter all = new Counter();
    Counter standard = new Counter();
    Counter builtin = new Counter();
    Counter delegated = new Counter();
    Set<String> internalServices = new HashSet<>();
    for (Resource r : dataplanes) {
      Dataplane dp = r.spec(Dataplane.class);
      String status = status(dp, insights.get(r.meta().name()));
      Counter byType = dp.isBuiltinGateway() ? builtin : dp.isDelegatedGateway() ? delegated : standard;
      byType.count(status);
      all.count(status);
      services(dp, internalServices);
    }
    int external = (int) manager.list(new ResourceQuery(ExternalService.TYPE, mesh, null, Map.of(), 1, null)).total();
    Map<String, MeshInsight.TotalStat> resources = new TreeMap<>();
    Map<String, MeshInsight.TotalStat> policies = new TreeMap<>();
    for (ResourceType type : ResourceTypes.all()) {
      if (type.scope() != Scope.MESH || isInsight(type)) {
        continue;
      }
      long count = type.equals(Dataplane.TYPE) ? dataplanes.size()
          : manager.list(new ResourceQuery(type, mesh, null, Map.of(), 1, null)).total();
      if (count > 0) {
        resources.put(type.name(), new MeshInsight.TotalStat((int) count));
        if (type.isPolicy()) {
          policies.put(type.name(), new MeshInsight.TotalStat((int) count));
        }
      }
    }
    MeshInsight.DataplaneStat gateway = builtin.plus(delegated).stat();
    return new MeshInsight(all.stat(), policies, new MeshInsight.DpVersions(Map.of(), Map.of()),
        new MeshInsight.Mtls(Map.of(), Map.of()),
        new MeshInsight.ServiceStat(internalServices.size() + external, internalServices.size(), external),
        new MeshInsight.DataplanesByType(standard.stat(), gateway, builtin.stat(), delegated.stat()), resources);
  }

  /** Kuma's {@code DataplaneOverviewResource.Status()}. */
  static String status(Dataplane dp, SubscriptionInsight insight) {
    boolean online = insight != null && insight.isOnline();
    Dataplane.Networking net = dp.networking();
    if (net != null && net.gateway() != null) {
      return online ? ONLINE : OFFLINE;
    }
    int total = 0;
    int ready = 0;
    if (net != null && net.inbound() != null) {
      for (Dataplane.Inbound inbound : net.inbound()) {
        total++;
        boolean unhealthy = (inbound.health() != null && !Boolean.TRUE.equals(inbound.health().ready()))
            || Dataplane.Inbound.NOT_READY.equals(inbound.state());
        if (!unhealthy) {
          ready++;
        }
      }
    }
    if (net != null && net.listeners() != null) {
      for (Dataplane.Listener l : net.listeners()) {
        total++;
        if (l.state() == null || l.state().isEmpty() || l.state().equals(Dataplane.Inbound.READY)) {
          ready++;
        }
      }
    }
    if (!online || ready == 0) {
      return OFFLINE;
    }
    return ready < total ? DEGRADED : ONLINE;
  }

  private static void services(Dataplane dp, Set<String> out) {
    Dataplane.Networking net = dp.networking();
    if (net == null) {
      return;
    }
    if (net.gateway() != null && net.gateway().tags() != null) {
      String svc = net.gateway().tags().get("kuma.io/service");
      if (svc != null && !svc.isEmpty()) {
        out.add(svc);
      }
    }
    if (net.inbound() != null) {
      for (Dataplane.Inbound inbound : net.inbound()) {
        if (!Dataplane.Inbound.IGNORED.equals(inbound.state()) && !inbound.service().isEmpty()) {
          out.add(inbound.service());
        }
      }
    }
  }

  private static boolean isInsight(ResourceType type) {
    return type.name().endsWith("Insight");
  }

  /** Kuma's {@code GlobalInsightBase}. */
  ObjectNode global() {
    List<MeshInsight> meshes = meshInsights();
    ObjectNode out = NODES.objectNode();
    out.put("createdAt", GoTime.format(clock.instant()));
    Counter standard = new Counter();
    Counter builtin = new Counter();
    Counter delegated = new Counter();
    long policies = 0;
    Map<String, Long> resources = new TreeMap<>();
    for (MeshInsight mi : meshes) {
      if (mi.dataplanesByType() != null) {
        standard.add(mi.dataplanesByType().standard());
        builtin.add(mi.dataplanesByType().gatewayBuiltin());
        delegated.add(mi.dataplanesByType().gatewayDelegated());
      }
      if (mi.policies() != null) {
        policies += mi.policies().values().stream().mapToLong(s -> s.total() == null ? 0 : s.total()).sum();
      }
      if (mi.resources() != null) {
        mi.resources().forEach((k, v) -> resources.merge(k, v.total() == null ? 0L : v.total(), Long::sum));
      }
    }
    for (ResourceType type : ResourceTypes.withApi()) {
      if (type.scope() != Scope.GLOBAL || type.adminOnly() || isInsight(type) || NOT_COUNTED_GLOBALLY.contains(type.name())) {
        continue;
      }
      long count = manager.list(new ResourceQuery(type, null, null, Map.of(), 1, null)).total();
      if (count > 0) {
        resources.put(type.name(), count);
      }
    }
    out.set("services", services());
    ObjectNode zones = out.putObject("zones");
    zones.set("controlPlanes", onlineTotal(ZoneInsight.TYPE, r -> r.spec(ZoneInsight.class).isOnline()));
    zones.set("zoneEgresses", onlineTotal(ZoneEgressInsight.TYPE, r -> r.spec(ZoneEgressInsight.class).isOnline()));
    zones.set("zoneIngresses", onlineTotal(ZoneIngressInsight.TYPE, r -> r.spec(ZoneIngressInsight.class).isOnline()));
    ObjectNode dps = out.putObject("dataplanes");
    dps.set("gatewayBuiltin", builtin.json());
    dps.set("gatewayDelegated", delegated.json());
    dps.set("standard", standard.json());
    out.putObject("policies").put("total", policies);
    out.putObject("meshes").put("total", meshes.size());
    ObjectNode res = out.putObject("resources");
    resources.forEach((k, v) -> res.putObject(k).put("total", v));
    return out;
  }

  private ObjectNode services() {
    Counter internal = new Counter();
    Counter builtin = new Counter();
    Counter delegated = new Counter();
    long external = 0;
    for (Resource r : manager.list(ResourceQuery.all(ServiceInsight.TYPE, null)).items()) {
      Map<String, ServiceInsight.Service> services = r.spec(ServiceInsight.class).services();
      if (services == null) {
        continue;
      }
      for (ServiceInsight.Service s : services.values()) {
        String type = s.serviceType() == null || s.serviceType().isEmpty() ? "internal" : s.serviceType();
        switch (type) {
          case "internal" -> internal.countService(s.status());
          case "external" -> external++;
          case "gateway_builtin" -> builtin.countService(s.status());
          case "gateway_delegated" -> delegated.countService(s.status());
          default -> {
            // unknown service types are not counted, as in Kuma
          }
        }
      }
    }
    ObjectNode out = NODES.objectNode();
    out.putObject("external").put("total", external);
    out.set("gatewayBuiltin", builtin.json());
    out.set("gatewayDelegated", delegated.json());
    out.set("internal", internal.json());
    return out;
  }

  private ObjectNode onlineTotal(ResourceType insightType, java.util.function.Predicate<Resource> online) {
    ResourceList all = manager.list(ResourceQuery.all(insightType, null));
    ObjectNode out = NODES.objectNode();
    out.put("online", all.items().stream().filter(online).count());
    out.put("total", all.items().size());
    return out;
  }

  /** Online / offline / partially degraded / total counters. Not thread-safe; used per request. */
  private static final class Counter {
    long online;
    long offline;
    long degraded;
    long total;

    void count(String status) {
      total++;
      switch (status) {
        case ONLINE -> online++;
        case DEGRADED -> degraded++;
        default -> offline++;
      }
    }

    /** A ServiceInsight status ({@code online}, {@code offline}, {@code partially_degraded}, other). */
    void countService(String status) {
      total++;
      if ("online".equals(status)) {
        online++;
      } else if ("offline".equals(status)) {
        offline++;
      } else if ("partially_degraded".equals(status)) {
        degraded++;
      }
    }

    void add(MeshInsight.DataplaneStat s) {
      if (s == null) {
        return;
      }
      online += s.online() == null ? 0 : s.online();
      offline += s.offline() == null ? 0 : s.offline();
      degraded += s.partiallyDegraded() == null ? 0 : s.partiallyDegraded();
      total += s.total() == null ? 0 : s.total();
    }

    Counter plus(Counter o) {
      Counter c = new Counter();
      c.online = online + o.online;
      c.offline = offline + o.offline;
      c.degraded = degraded + o.degraded;
      c.total = total + o.total;
      return c;
    }

    MeshInsight.DataplaneStat stat() {
      return new MeshInsight.DataplaneStat((int) total, (int) online, (int) offline, (int) degraded);
    }

    ObjectNode json() {
      ObjectNode n = NODES.objectNode();
      n.put("offline", offline);
      n.put("online", online);
      n.put(DEGRADED, degraded);
      n.put("total", total);
      return n;
    }
  }
}
