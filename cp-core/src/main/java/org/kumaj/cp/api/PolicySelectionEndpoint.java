package org.kumaj.cp.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.cp.policies.core.DataplaneSelector;
import org.kumaj.cp.store.ResourceQuery;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.ResourceType;
import org.kumaj.model.mesh.Dataplane;
import org.kumaj.model.mesh.MeshGateway;
import org.kumaj.model.meshservice.MeshService;
import org.kumaj.model.policies.meshhttproute.MeshHTTPRoute;

/**
 * {@code GET /meshes/{mesh}/<policies>/{name}/_resources/dataplanes} ({@code matchingDataplanesForPolicy})
 * and {@code GET /meshes/{mesh}/meshservices/{name}/_resources/dataplanes}: the Dataplanes of the mesh
 * a policy (by {@link DataplaneSelector}) or a MeshService (by its selector) selects, paged with
 * {@code size}/{@code offset}, filtered by {@code name} (substring). Items are Kuma's {@code Meta}
 * ({@code type, mesh, name, labels}); the answer is {@code {"items", "next"?, "total"}}. Stateless.
 */
final class PolicySelectionEndpoint {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String TITLE = "Could not retrieve policy";

  private final ResourceManager manager;
  private final Access access;

  PolicySelectionEndpoint(ResourceManager manager, Access access) {
    this.manager = manager;
    this.access = access;
  }

  /** The route of a policy type. */
  void register(ResourceType type, List<Route> routes) {
    List<String> paths = new ArrayList<>();
    type.wsPath().ifPresent(paths::add);
    type.alternativeWsPath().ifPresent(paths::add);
    for (String p : paths) {
      routes.add(new Route("GET", "/meshes/{mesh}/" + p + "/{name}/_resources/dataplanes",
          (r, v, u) -> selected(type, v.get("mesh"), v.get("name"), r, u, this::policySelects)));
    }
  }

  /** The MeshService route ({@code inspect_mesh_service.go}). */
  void registerMeshServices(List<Route> routes) {
    String p = MeshService.TYPE.wsPath().orElseThrow();
    routes.add(new Route("GET", "/meshes/{mesh}/" + p + "/{name}/_resources/dataplanes",
        (r, v, u) -> selected(MeshService.TYPE, v.get("mesh"), v.get("name"), r, u,
            service -> dp -> DataplaneSelector.meshServiceSelects(service, dp))));
  }

  private Predicate<Resource> policySelects(Resource policy) {
    String mesh = policy.meta().mesh();
    DataplaneSelector selector = new DataplaneSelector(
        manager.list(ResourceQuery.all(MeshGateway.TYPE, mesh)).items(),
        manager.list(ResourceQuery.all(MeshHTTPRoute.TYPE, mesh)).items());
    return dp -> selector.selects(policy, dp);
  }

  private ApiResponse selected(ResourceType type, String mesh, String name, ApiRequest request, User user,
      Function<Resource, Predicate<Resource>> selection) {
    ResourceEndpoints.requireMesh(manager, mesh);
    ListParams page = ListParams.page(request, TITLE);
    access.resource(type, user);
    Resource selecting = manager.get(new ResourceKey(type, mesh, name)).orElseThrow(() -> Errors.notFound(TITLE));
    Predicate<Resource> selects = selection.apply(selecting);
    List<Resource> matching = new ArrayList<>();
    String nameFilter = request.param("name");
    for (Resource dp : manager.list(new ResourceQuery(Dataplane.TYPE, mesh,
        nameFilter == null || nameFilter.isEmpty() ? null : nameFilter, Map.of(), 0, null)).items()) {
      if (selects.test(dp)) {
        matching.add(dp);
      }
    }
    int from = Math.min(ListParams.numericOffset(page.offset(), TITLE), matching.size());
    int to = Math.min(matching.size(), from + page.size());
    List<JsonNode> items = new ArrayList<>();
    for (Resource dp : matching.subList(from, to)) {
      items.add(meta(dp));
    }
    ObjectNode body = NODES.objectNode();
    body.putArray("items").addAll(items);
    String next = ResourceEndpoints.next(request, to < matching.size() ? Integer.toString(to) : null);
    if (next != null) {
      body.put("next", next);
    }
    body.put("total", matching.size());
    return ApiResponse.ok(body);
  }

  /** Kuma's {@code ResourceToMeta}: labels are always present (an empty object when none). */
  private static ObjectNode meta(Resource r) {
    ObjectNode m = NODES.objectNode();
    ObjectNode labels = m.putObject("labels");
    r.meta().labels().forEach(labels::put);
    m.put("mesh", r.meta().mesh());
    m.put("name", r.meta().name());
    m.put("type", r.type().name());
    return m;
  }
}
