package org.kumaj.cp.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.cp.manager.WriteResult;
import org.kumaj.cp.store.ResourceList;
import org.kumaj.cp.store.ResourceNotFoundException;
import org.kumaj.cp.store.ResourceQuery;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.ResourceType;
import org.kumaj.model.ResourceTypes;
import org.kumaj.model.SpecStyle;
import org.kumaj.model.codec.Json;
import org.kumaj.model.codec.KubernetesCodec;
import org.kumaj.model.codec.UniversalCodec;
import org.kumaj.model.mesh.Dataplane;
import org.kumaj.model.mesh.Mesh;
import org.kumaj.model.meshservice.MeshService;
import org.kumaj.model.workload.WorkloadLabel;
import org.kumaj.model.validation.MetaValidation;
import org.kumaj.model.validation.ValidationException;
import org.kumaj.model.validation.Violation;
import org.kumaj.model.validation.Violations;

/**
 * The generated CRUD routes of every type with a REST path ({@code resource_endpoints.go}): list
 * per mesh and across meshes, get (Universal or Kubernetes form), PUT (create or update) and DELETE,
 * on the type's path and its alternative path, plus the overview routes of types with insights.
 */
final class ResourceEndpoints {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * Kuma's {@code typeToLegacyOverviewPath}: the overview paths older clients use. Kuma keys them by
   * type name; the descriptors have no field for them.
   */
  private static final Map<String, String> LEGACY_OVERVIEW_PATHS = Map.of(
      "Dataplane", "dataplanes+insights",
      "Zone", "zones+insights",
      "ZoneIngress", "zoneingresses+insights",
      "ZoneEgress", "zoneegressoverviews");

  private final ResourceManager manager;
  private final WritePolicy writes;
  private final LabelRules labelRules;
  private final boolean global;
  private final Access access;
  private final PolicySelectionEndpoint selection;

  ResourceEndpoints(ResourceManager manager, WritePolicy writes, LabelRules labelRules, boolean global, Access access) {
    this.manager = manager;
    this.writes = writes;
    this.labelRules = labelRules;
    this.global = global;
    this.access = access;
    this.selection = new PolicySelectionEndpoint(manager, access);
  }

  /** Adds every route of {@code type} to {@code routes}. */
  void register(ResourceType type, List<Route> routes) {
    List<String> paths = new ArrayList<>();
    type.wsPath().ifPresent(paths::add);
    type.alternativeWsPath().ifPresent(paths::add);
    for (String p : paths) {
      String collection = type.isMeshScoped() ? "/meshes/{mesh}/" + p : "/" + p;
      if (type.isMeshScoped()) {
        routes.add(new Route("GET", "/" + p, (r, v, u) -> list(type, null, r, "/" + p, u)));
      }
      routes.add(new Route("GET", collection, (r, v, u) -> list(type, v.get("mesh"), r, collection, u)));
      routes.add(new Route("GET", collection + "/{name}", (r, v, u) -> get(type, v.get("mesh"), v.get("name"), r, u)));
      routes.add(new Route("PUT", collection + "/{name}", (r, v, u) -> put(type, v.get("mesh"), v.get("name"), r, u)));
      routes.add(new Route("DELETE", collection + "/{name}", (r, v, u) -> delete(type, v.get("mesh"), v.get("name"), u)));
    }
    type.insightTypeName().flatMap(ResourceTypes::byName).ifPresent(insight -> registerOverviews(type, insight, routes));
    if (type.isPolicy() && type.isMeshScoped()) {
      selection.register(type, routes);
    }
    if (type.equals(MeshService.TYPE)) {
      selection.registerMeshServices(routes);
    }
  }

  /**
   * {@code <collection>/_overview} and {@code <collection>/{name}/_overview}, for mesh-scoped types
   * also across meshes, plus Kuma's legacy overview paths (e.g. {@code dataplanes+insights}).
   */
  private void registerOverviews(ResourceType type, ResourceType insight, List<Route> routes) {
    String p = type.wsPath().orElseThrow();
    String prefix = type.isMeshScoped() ? "/meshes/{mesh}/" : "/";
    String legacy = LEGACY_OVERVIEW_PATHS.get(type.name());
    addOverviewRoutes(type, insight, prefix + p + "/_overview", prefix + p + "/{name}/_overview", routes);
    if (legacy != null) {
      addOverviewRoutes(type, insight, prefix + legacy, prefix + legacy + "/{name}", routes);
    }
    if (type.isMeshScoped()) {
      String all = "/" + p + "/_overview";
      routes.add(new Route("GET", all, (r, v, u) -> listOverviews(type, insight, null, r, all)));
      if (legacy != null) {
        String allLegacy = "/" + legacy;
        routes.add(new Route("GET", allLegacy, (r, v, u) -> listOverviews(type, insight, null, r, allLegacy)));
      }
    }
  }

  private void addOverviewRoutes(ResourceType type, ResourceType insight, String listPath, String itemPath,
      List<Route> routes) {
    routes.add(new Route("GET", listPath, (r, v, u) -> listOverviews(type, insight, v.get("mesh"), r, listPath)));
    routes.add(new Route("GET", itemPath, (r, v, u) -> overview(type, insight, v.get("mesh"), v.get("name"))));
  }

  private void checkAccess(ResourceType type, User user) {
    access.resource(type, user);
  }

  private void requireMesh(String mesh) {
    requireMesh(manager, mesh);
  }

  /** Kuma's {@code meshFromRequest}: the mesh of the URL must exist. */
  static void requireMesh(ResourceManager manager, String mesh) {
    if (mesh != null && manager.get(ResourceKey.global(Mesh.TYPE, mesh)).isEmpty()) {
      throw Errors.notFound("Failed to retrieve Mesh");
    }
  }

  ApiResponse list(ResourceType type, String mesh, ApiRequest request, String template, User user) {
    checkAccess(type, user);
    requireMesh(mesh);
    ListParams params = ListParams.parse(request, template);
    Predicate<Resource> extra = TagFilters.of(type, request);
    ResourceList page;
    try {
      if (extra == null) {
        page = manager.list(new ResourceQuery(type, mesh, params.name(), params.labels(), params.size(), params.offset()));
      } else {
        page = filteredPage(type, mesh, params, extra);
      }
    } catch (RuntimeException e) {
      throw Errors.of(e, ListParams.TITLE);
    }
    List<JsonNode> items = new ArrayList<>();
    for (Resource r : page.items()) {
      items.add(UniversalCodec.encode(r));
    }
    return ApiResponse.ok(listBody(page.total(), items, next(request, page.nextOffset())));
  }

  /** Tag and gateway filters cannot run in the store (they look inside the spec, as in Kuma). */
  private ResourceList filteredPage(ResourceType type, String mesh, ListParams params, Predicate<Resource> extra) {
    ResourceList all = manager.list(new ResourceQuery(type, mesh, params.name(), params.labels(), 0, null));
    List<Resource> matching = all.items().stream().filter(extra).toList();
    int offset = ListParams.numericOffset(params.offset(), ListParams.TITLE);
    int from = (int) Math.min(offset, matching.size());
    int to = Math.min(matching.size(), from + params.size());
    return new ResourceList(matching.subList(from, to), matching.size(), to < matching.size() ? Integer.toString(to) : null);
  }

  static ObjectNode listBody(long total, List<? extends JsonNode> items, String next) {
    ObjectNode body = NODES.objectNode();
    body.put("total", total);
    body.putArray("items").addAll(items);
    if (next == null) {
      body.putNull("next");
    } else {
      body.put("next", next);
    }
    return body;
  }

  /** Kuma's {@code next}: this URL with the offset replaced, query keys sorted. */
  static String next(ApiRequest request, String nextOffset) {
    if (nextOffset == null) {
      return null;
    }
    Map<String, List<String>> query = new TreeMap<>(request.query());
    query.put("offset", List.of(nextOffset));
    StringBuilder sb = new StringBuilder(request.baseUrl()).append(request.path()).append('?');
    boolean first = true;
    for (Map.Entry<String, List<String>> e : query.entrySet()) {
      for (String value : e.getValue()) {
        if (!first) {
          sb.append('&');
        }
        first = false;
        sb.append(encode(e.getKey())).append('=').append(encode(value));
      }
    }
    return sb.toString();
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  ApiResponse get(ResourceType type, String mesh, String name, ApiRequest request, User user) {
    checkAccess(type, user);
    requireMesh(mesh);
    Resource r = manager.get(key(type, mesh, name))
        .orElseThrow(() -> Errors.notFound("Could not retrieve a resource"));
    return ApiResponse.ok(render(r, request));
  }

  /** Renders {@code r} in the form {@code ?format=} asks for. */
  static JsonNode render(Resource r, ApiRequest request) {
    String format = request.param("format");
    if (format == null || format.isEmpty() || format.equals("universal")) {
      return UniversalCodec.encode(r);
    }
    if (format.equals("k8s") || format.equals("kubernetes")) {
      return KubernetesCodec.encode(r, request.param("namespace"));
    }
    throw Errors.invalid("Could not retrieve a resource",
        List.of(new Violation("", "\"format\" must be one of [\"k8s\", \"kubernetes\", \"universal\"]")));
  }

  ApiResponse put(ResourceType type, String mesh, String name, ApiRequest request, User user) {
    if (writes.isReadOnly(type)) {
      throw writes.methodNotAllowed();
    }
    requireMesh(mesh);
    JsonNode body = parseBody(type, request.body());
    Resource resource = decode(type, body);
    Optional<Resource> existing = manager.get(key(type, mesh, name));
    validateRequest(type, mesh, name, body, resource);
    checkAccess(type, user);
    if (existing.isEmpty()) {
      checkWorkloadLabel(type, resource);
    }
    try {
      if (existing.isEmpty()) {
        WriteResult result = manager.create(resource);
        return ApiResponse.json(201, successBody(result));
      }
      Resource current = existing.get();
      Map<String, String> before = labelRules.computed(current);
      Resource update = resource
          .withMeta(new ResourceMeta(name, current.meta().mesh(), resource.meta().labels(),
              current.meta().creationTime(), current.meta().modificationTime(), current.meta().version()))
          .withStatus(current.status());
      Map<String, String> after = labelRules.computed(update);
      List<Violation> immutable = labelRules.immutable(before, after);
      if (!immutable.isEmpty()) {
        throw Errors.invalid("Could not update a resource", immutable);
      }
      return ApiResponse.ok(successBody(manager.update(update)));
    } catch (ApiException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ApiException(Errors.map(e, existing.isEmpty() ? "Failed to create a resource"
          : "Failed to update a resource", type));
    }
  }

  /** Kuma checks a new Universal Dataplane's {@code kuma.io/workload} label in the API server. */
  private void checkWorkloadLabel(ResourceType type, Resource resource) {
    String workload = resource.meta().label(WorkloadLabel.LABEL);
    if (!type.equals(Dataplane.TYPE) || workload == null || workload.isEmpty()) {
      return;
    }
    Optional<String> problem = global ? Optional.of(WorkloadLabel.NOT_ALLOWED_ON_GLOBAL) : WorkloadLabel.error(workload);
    problem.ifPresent(p -> {
      throw new ApiException(KumaError.of(400, "Bad Request", "bad request: " + p));
    });
  }

  private static ObjectNode successBody(WriteResult result) {
    ObjectNode out = NODES.objectNode();
    if (!result.warnings().isEmpty()) {
      result.warnings().forEach(out.putArray("warnings")::add);
    }
    return out;
  }

  private static JsonNode parseBody(ResourceType type, String body) {
    try {
      JsonNode node = Json.mapper().readTree(body == null ? "" : body);
      if (node == null || node.isMissingNode()) {
        throw new ApiException(Errors.badRequest("invalid " + type.name() + " object: \"unexpected end of JSON input\""));
      }
      if (!node.isObject()) {
        throw new ApiException(Errors.badRequest("invalid " + type.name() + " object: \"json: cannot unmarshal "
            + (node.isArray() ? "array" : node.isTextual() ? "string" : node.isNumber() ? "number" : node.isBoolean() ? "bool" : "null")
            + " into Go value of type rest.Resource\""));
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new ApiException(Errors.badRequest("invalid " + type.name() + " object: \"" + GoJsonErrors.describe(e) + "\""));
    }
  }

  /** Binds and spec-validates the body, as Kuma's REST unmarshaller does before anything else. */
  private Resource decode(ResourceType type, JsonNode body) {
    String title = "Could not process a resource";
    if (type.style() == SpecStyle.NESTED) {
      JsonNode t = body.get("type");
      if (t == null || !t.isTextual() || !t.asText().equals(type.name())) {
        throw Errors.invalid(title, List.of(new Violation("", "type in body should be one of [" + type.name() + "]")));
      }
    }
    try {
      Resource r = UniversalCodec.decode(type, body);
      Violations violations = new Violations();
      type.validator().validate(r.meta(), r.spec(), violations);
      violations.throwIfAny();
      return r.withStatus(null);
    } catch (RuntimeException e) {
      throw new ApiException(Errors.map(e, title, type));
    }
  }

  /** Kuma's {@code validateResourceRequest}: URL against body, labels, metadata. */
  private void validateRequest(ResourceType type, String mesh, String name, JsonNode body, Resource resource) {
    Violations v = new Violations();
    if (!name.equals(resource.meta().name())) {
      v.add("name", "name from the URL has to be the same as in body");
    }
    labelRules.nameFitsGlobal(name, v);
    JsonNode bodyType = body.get("type");
    if (bodyType == null || !type.name().equals(bodyType.asText())) {
      v.add("type", "type from the URL has to be the same as in body");
    }
    if (type.isMeshScoped() && !mesh.equals(resource.meta().mesh() == null ? "" : resource.meta().mesh())) {
      v.add("mesh", "mesh from the URL has to be the same as in body");
    }
    labelRules.validate(type, resource.meta(), v);
    MetaValidation.labels(resource.meta().labels(), v);
    MetaValidation.meta(type, resource.meta(), v);
    if (!v.isEmpty()) {
      throw Errors.invalid("Could not process a resource", v.list());
    }
  }

  ApiResponse delete(ResourceType type, String mesh, String name, User user) {
    if (writes.isReadOnly(type)) {
      throw writes.methodNotAllowed();
    }
    requireMesh(mesh);
    String title = "Could not delete a resource";
    Resource existing = manager.get(key(type, mesh, name)).orElseThrow(() -> Errors.notFound(title));
    Violations origin = new Violations();
    labelRules.originForWrite(type, existing.meta(), origin);
    if (!origin.isEmpty()) {
      throw Errors.invalid(title, origin.list());
    }
    checkAccess(type, user);
    try {
      manager.delete(existing.key());
    } catch (ResourceNotFoundException | ValidationException e) {
      throw Errors.of(e, title);
    }
    return ApiResponse.ok(NODES.objectNode());
  }

  ApiResponse listOverviews(ResourceType type, ResourceType insight, String mesh, ApiRequest request, String template) {
    requireMesh(mesh);
    ListParams params = ListParams.parse(request, template);
    Predicate<Resource> extra = TagFilters.of(type, request);
    ResourceList page;
    try {
      page = extra == null
          ? manager.list(new ResourceQuery(type, mesh, params.name(), params.labels(), params.size(), params.offset()))
          : filteredPage(type, mesh, params, extra);
    } catch (RuntimeException e) {
      throw Errors.of(e, ListParams.TITLE);
    }
    List<JsonNode> items = new ArrayList<>();
    for (Resource r : page.items()) {
      items.add(Overviews.render(r, manager.get(new ResourceKey(insight, r.key().mesh(), r.meta().name()))));
    }
    return ApiResponse.ok(listBody(page.total(), items, next(request, page.nextOffset())));
  }

  ApiResponse overview(ResourceType type, ResourceType insight, String mesh, String name) {
    requireMesh(mesh);
    Resource r = manager.get(key(type, mesh, name)).orElseThrow(() -> Errors.notFound("Could not retrieve a resource"));
    return ApiResponse.ok(Overviews.render(r, manager.get(new ResourceKey(insight, r.key().mesh(), name))));
  }

  private static ResourceKey key(ResourceType type, String mesh, String name) {
    return new ResourceKey(type, type.isMeshScoped() ? mesh : "", name);
  }
}
