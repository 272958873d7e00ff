package org.kumaj.cp.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.launcher.ControlPlaneIdentity;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.cp.store.ResourceQuery;
import org.kumaj.cp.tokens.TokenIssuer;
import org.kumaj.cp.tokens.UserTokenValidator;
import org.kumaj.cp.xds.ProxyInspector;
import org.kumaj.model.BuildInfo;
import org.kumaj.model.Kri;
import org.kumaj.model.PolicyTraits;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.ResourceType;
import org.kumaj.model.ResourceTypes;
import org.kumaj.model.Scope;
import org.kumaj.model.codec.GoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kuma's HTTP API, framework-independent: the fixed routes ({@code /}, {@code /config},
 * {@code /who-am-i}, {@code /policies}, {@code /_resources}, {@code /global-insights},
 * {@code /global-insight}, {@code /mesh-insights}, {@code /_kri}, {@code /tokens/*}), the dataplane
 * inspection routes ({@link InspectEndpoints}) and, for every
 * type in the descriptor registry, its generated CRUD, overview and policy-selection routes. Routes
 * with more literal segments win; among equals, the one registered first. Each request is
 * authenticated first (401 stops it), then CORS applies, then the route answers. Thread-safe.
 */
@Singleton
public final class ApiRouter {
  private static final Logger LOG = LoggerFactory.getLogger("api-server");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final List<Route> routes = new ArrayList<>();
  private final Authenticator authenticator;
  private final Access access;
  private final Cors cors;
  private final ResourceManager manager;
  private final WritePolicy writes;
  private final Clock clock;
  private final ObjectNode index;
  private final boolean global;
  private final String zoneName;

  ApiRouter(ResourceManager manager, KumaConfig config, ControlPlaneIdentity identity, BuildInfo build, Clock clock,
      TokenIssuer tokenIssuer, UserTokenValidator userTokens, @Nullable ProxyInspector inspector) {
    this.manager = manager;
    this.clock = clock;
    this.authenticator = new Authenticator(config, userTokens);
    this.access = new Access(config);
    this.cors = new Cors(config);
    this.global = config.isGlobal();
    this.zoneName = config.string("multizone.zone.name");
    this.writes = new WritePolicy(config);
    this.index = index(identity, build, config);
    routes.add(new Route("GET", "/", (r, v, u) -> ApiResponse.ok(index), true));
    routes.add(new Route("GET", "/config", (r, v, u) -> {
      access.controlPlaneMetadata(u);
      return ApiResponse.ok(config.toMaskedJson());
    }));
    routes.add(new Route("GET", "/who-am-i", (r, v, u) -> ApiResponse.ok(whoAmI(u))));
    routes.add(new Route("GET", "/policies", (r, v, u) -> ApiResponse.ok(policies())));
    routes.add(new Route("GET", "/_resources", (r, v, u) -> ApiResponse.ok(resources())));
    routes.add(new Route("GET", "/global-insights", (r, v, u) -> ApiResponse.ok(globalInsights())));
    routes.add(new Route("GET", "/_kri/{kri}", (r, v, u) -> byKri(v.get("kri"), r, u)));
    ResourceEndpoints endpoints = new ResourceEndpoints(manager, writes,
        new LabelRules(config, manager.computedLabels()), config.isGlobal(), access);
    new TokenEndpoints(tokenIssuer, access).register(routes);
    new Insights(manager, endpoints, clock).register(routes);
    new ServiceInsightEndpoints(manager, config).register(routes);
    new InspectEndpoints(manager, access, inspector, config).register(routes);
    for (ResourceType type : ResourceTypes.withApi()) {
      endpoints.register(type, routes);
    }
    routes.sort(Comparator.comparingInt(Route::specificity).reversed());
  }

  /** Answers one request; never throws. */
  public ApiResponse handle(ApiRequest request) {
    try {
      List<String> segments = Route.split(request.path());
      Route matched = null;
      Map<String, String> matchedVars = null;
      List<String> methods = new ArrayList<>();
      for (Route route : routes) {
        Map<String, String> vars = route.match(segments);
        if (vars == null) {
          continue;
        }
        if (!methods.contains(route.method())) {
          methods.add(route.method());
        }
        if (matched == null && route.method().equals(request.method())) {
          matched = route;
          matchedVars = vars;
        }
      }
      boolean skipAuth = (matched != null && matched.skipAuth()) || request.path().startsWith("/gui");
      User user = authenticator.authenticate(request, skipAuth);
      if (cors.isPreflight(request)) {
        return cors.preflight(request, methods);
      }
      return cors.decorate(request, answer(request, matched, matchedVars, user, !methods.isEmpty()));
    } catch (ApiException e) {
      return ApiResponse.error(e.error());
    }
  }

  private ApiResponse answer(ApiRequest request, Route route, Map<String, String> vars, User user, boolean pathMatched) {
    try {
      if (route != null) {
        return route.handler().handle(request, vars, user);
      }
      if (pathMatched) {
        return ApiResponse.error(KumaError.of(405, "Method Not Allowed", "Method Not Allowed"));
      }
      return ApiResponse.error(KumaError.of(404, "Not Found", "404 page not found"));
    } catch (ApiException e) {
      return ApiResponse.error(e.error());
    } catch (RuntimeException e) {
      LOG.error("{} {} failed", request.method(), request.path(), e);
      return ApiResponse.error(KumaError.of(500, "Internal Server Error", "Internal Server Error"));
    }
  }

  private static ObjectNode index(ControlPlaneIdentity identity, BuildInfo build, KumaConfig config) {
    String gui = !config.bool("apiServer.gui.enabled") || config.isFederatedZone()
        ? ""
        : config.string("apiServer.gui.rootUrl").isEmpty()
            ? config.string("apiServer.gui.basePath")
            : config.string("apiServer.gui.rootUrl");
    ObjectNode index = NODES.objectNode();
    index.put("hostname", identity.hostname());
    index.put("product", build.product());
    index.put("version", build.version());
    index.put("instanceId", identity.instanceId());
    index.put("clusterId", identity.clusterId());
    index.put("gui", gui);
    index.put("basedOnKuma", build.basedOnKuma());
    return index;
  }

  /**
   * Kuma's {@code IsLocallyOriginated}: on global a KRI without zone, on a zone a KRI of this zone.
   * Resources synced from elsewhere are stored under hashed names (KDS, not implemented yet).
   */
  private boolean isLocal(Kri kri) {
    return global ? kri.zone().isEmpty() : kri.zone().isEmpty() || kri.zone().equals(zoneName);
  }

  private static ObjectNode whoAmI(User user) {
    ObjectNode out = NODES.objectNode();
    out.put("name", user.name());
    user.groups().forEach(out.putArray("groups")::add);
    return out;
  }

  private ObjectNode policies() {
    ObjectNode out = NODES.objectNode();
    ArrayNode list = out.putArray("policies");
    for (ResourceType t : ResourceTypes.withApi()) {
      if (!t.isPolicy()) {
        continue;
      }
      PolicyTraits p = t.policy().orElseThrow();
      ObjectNode e = list.addObject();
      e.put("name", t.name());
      e.put("readOnly", writes.isReadOnly(t));
      e.put("path", t.wsPath().orElseThrow());
      e.put("singularDisplayName", t.singularDisplayName());
      e.put("pluralDisplayName", t.pluralDisplayName());
      e.put("isExperimental", p.experimental());
      e.put("isTargetRefBased", p.targetRefBased());
      e.put("isInbound", p.inbound());
      e.put("isOutbound", p.outbound());
    }
    return out;
  }

  private ObjectNode resources() {
    ObjectNode out = NODES.objectNode();
    ArrayNode list = out.putArray("resources");
    for (ResourceType t : ResourceTypes.withApi()) {
      ObjectNode e = list.addObject();
      e.put("includeInFederation", t.includeInFederation());
      e.put("name", t.name());
      e.put("path", t.wsPath().orElseThrow());
      e.put("pluralDisplayName", t.pluralDisplayName());
      t.policy().ifPresent(p -> {
        ObjectNode policy = e.putObject("policy");
        policy.put("hasFromTargetRef", p.hasFromTargetRef());
        policy.put("hasRulesTargetRef", p.hasRulesTargetRef());
        policy.put("hasToTargetRef", p.hasToTargetRef());
        policy.put("isFromAsRules", p.fromAsRules());
        policy.put("isTargetRef", p.targetRefBased());
      });
      e.put("readOnly", writes.isReadOnly(t));
      e.put("scope", t.scope().displayName());
      e.put("shortName", t.shortName());
      e.put("singularDisplayName", t.singularDisplayName());
    }
    return out;
  }

  private ObjectNode globalInsights() {
    ObjectNode out = NODES.objectNode();
    out.put("type", "GlobalInsights");
    out.put("creationTime", GoTime.format(clock.instant()));
    ObjectNode resources = out.putObject("resources");
    ResourceTypes.all().stream()
        .filter(t -> t.scope() == Scope.GLOBAL && t.wsPath().isPresent() && !t.readOnly())
        .sorted(Comparator.comparing(ResourceType::name))
        .forEach(t -> resources.putObject(t.name()).put("total", manager.list(new ResourceQuery(t, null, null, Map.of(), 1, null)).total()));
    return out;
  }

  private ApiResponse byKri(String text, ApiRequest request, User user) {
    Kri kri;
    try {
      kri = Kri.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ApiException(Errors.badRequest("bad request: " + e.getMessage()));
    }
    ResourceType type = ResourceTypes.all().stream()
        .filter(t -> !t.shortName().isEmpty() && t.shortName().equals(kri.shortName()))
        .findFirst()
        .orElseThrow(() -> new ApiException(Errors.badRequest(
            "bad request: unknown short name of resource type: \"" + kri.shortName() + "\"")));
    String title = "Could not retrieve a resource";
    access.resource(type, user);
    if (!isLocal(kri)) {
      throw Errors.notFound(title);
    }
    Resource found = manager.get(new ResourceKey(type, type.isMeshScoped() ? kri.mesh() : "", kri.name()))
        .orElseThrow(() -> Errors.notFound(title));
    return ApiResponse.ok(ResourceEndpoints.render(found, request));
  }
}
