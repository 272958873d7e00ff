package org.kumaj.cp.policies.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kumaj.cp.manager.ComputedLabels;
import org.kumaj.model.Kri;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.mesh.Dataplane;
import org.kumaj.model.mesh.MeshGateway;
import org.kumaj.model.mesh.Selector;
import org.kumaj.model.mesh.TagChecks;
import org.kumaj.model.meshservice.MeshService;
import org.kumaj.model.meshservice.MeshServiceSelector;
import org.kumaj.model.policies.core.PolicyRules;
import org.kumaj.model.policies.core.TargetRef;
import org.kumaj.model.policies.core.TargetRefKind;
import org.kumaj.model.policies.meshhttproute.MeshHTTPRoute;

/**
 * Which data plane proxies a policy selects, as Kuma 2.14 decides it
 * ({@code pkg/plugins/policies/core/matchers/dataplane.go}).
 *
 * <p>For targetRef policies the top-level {@code targetRef} is resolved in this order: the zone
 * check (a zone-originated policy only applies to proxies of its zone, unless it is a producer
 * policy), the namespace check (consumer and workload-owner policies only apply in their
 * namespace), then by kind: {@code Mesh} (every inbound and embedded listener, subject to
 * {@code proxyTypes}), {@code Dataplane} (all, by name as a KRI, or by labels; {@code sectionName}
 * picks inbounds and listeners), {@code MeshSubset} (inbounds whose tags match), {@code MeshService}
 * and {@code MeshServiceSubset} (by {@code kuma.io/service} plus tags), {@code MeshGateway} (the
 * builtin gateway serving the proxy, optionally listener tags) and {@code MeshHTTPRoute} (the
 * route's own top-level reference). Legacy policies select a proxy when one of their
 * {@code selectors}, {@code sources} or {@code destinations} matches an inbound's or the gateway's
 * tags.
 *
 * <p>An instance holds the resources a reference may point to (the MeshGateways and
 * MeshHTTPRoutes of one mesh); it is immutable and thread-safe.
 */
public final class DataplaneSelector {
  static final String PRODUCER_ROLE = "producer";
  static final String CONSUMER_ROLE = "consumer";
  static final String WORKLOAD_OWNER_ROLE = "workload-owner";
  private static final int MAX_ROUTE_DEPTH = 8;

  private final List<Resource> gateways;
  private final List<Resource> httpRoutes;

  /**
   * @param meshGateways the MeshGateway resources of the mesh
   * @param meshHttpRoutes the MeshHTTPRoute resources of the mesh
   */
  public DataplaneSelector(List<Resource> meshGateways, List<Resource> meshHttpRoutes) {
    this.gateways = List.copyOf(meshGateways);
    this.httpRoutes = List.copyOf(meshHttpRoutes);
  }

  /** A selector for policies that reference no other resources (no gateways, no routes). */
  public static DataplaneSelector standalone() {
    return new DataplaneSelector(List.of(), List.of());
  }

  /**
   * Kuma's {@code PolicyMatches} plus the legacy selector rules of the policy-selection endpoint:
   * whether {@code policy} applies to {@code dataplane} at all.
   *
   * @param policy a policy resource (targetRef or legacy)
   * @param dataplane a Dataplane resource
   */
  public boolean selects(Resource policy, Resource dataplane) {
    Dataplane dp = dataplane.spec(Dataplane.class);
    Optional<TargetRef> top = PolicySpecs.topLevelTargetRef(policy.spec());
    if (top.isPresent()) {
      Resource gateway = dp.isBuiltinGateway() ? gatewayFor(dataplane).orElse(null) : null;
      return select(policy.meta(), top.get(), dataplane, gateway).selectsAnything();
    }
    List<Selector> selectors = PolicySpecs.selectors(policy.spec());
    if (selectors != null) {
      return anyMatches(selectors, dp);
    }
    List<List<Selector>> connection = PolicySpecs.sourcesAndDestinations(policy.spec());
    return connection != null && connection.stream().anyMatch(list -> anyMatches(list, dp));
  }

  /**
   * Kuma's {@code meshservice.MatchesDataplane}: whether {@code meshService}'s selector picks
   * {@code dataplane}: by name ({@code dataplaneRef}), by inbound or gateway tags
   * ({@code dataplaneTags}), or by labels ({@code dataplaneLabels}), the first one set.
   */
  public static boolean meshServiceSelects(Resource meshService, Resource dataplane) {
    MeshServiceSelector selector = meshService.spec(MeshService.class).selector();
    if (selector == null) {
      return false;
    }
    if (selector.dataplaneRef() != null) {
      return dataplane.meta().name().equals(selector.dataplaneRef().name());
    }
    if (selector.dataplaneTags() != null) {
      return dataplaneMatches(dataplane.spec(Dataplane.class), selector.dataplaneTags());
    }
    if (selector.dataplaneLabels() != null) {
      return selector.dataplaneLabels().matches(dataplane.meta().labels());
    }
    return false;
  }

  /**
   * Kuma's {@code DppSelectedByPolicy}: what {@code ref}, the top-level reference of a policy with
   * metadata {@code policyMeta}, selects on {@code dataplane}, given the builtin gateway that serves
   * it (see {@link #gatewayFor}), or null.
   */
  public Selection select(ResourceMeta policyMeta, TargetRef ref, Resource dataplane, Resource gateway) {
    return select(policyMeta, ref, dataplane, gateway, 0);
  }

  /**
   * Kuma's {@code SelectGateway} over the gateways visible to the proxy's zone: the MeshGateway whose
   * selector matches the proxy most specifically (more tags, then more exact values; the one
   * created last on a tie).
   */
  public Optional<Resource> gatewayFor(Resource dataplane) {
    Dataplane dp = dataplane.spec(Dataplane.class);
    Resource best = null;
    Map<String, String> bestSelector = Map.of();
    List<Resource> candidates = new ArrayList<>(visibleGateways(dataplane));
    candidates.sort(Comparator.comparing(r -> r.meta().name()));
    for (Resource gw : candidates) {
      List<Selector> selectors = gw.spec(MeshGateway.class).selectors();
      List<Map<String, String>> matches = new ArrayList<>();
      if (selectors == null || selectors.isEmpty()) {
        matches.add(Map.of());
      } else {
        for (Selector s : selectors) {
          Map<String, String> match = s.match() == null ? Map.of() : s.match();
          if (match.isEmpty() || dataplaneMatches(dp, match)) {
            matches.add(match);
          }
        }
      }
      for (Map<String, String> match : matches) {
        int rank = best == null ? 1 : TagSelectors.compareRank(match, bestSelector);
        if (rank > 0 || (rank == 0 && createdAfter(gw, best))) {
          best = gw;
          bestSelector = match;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private Selection select(ResourceMeta policyMeta, TargetRef ref, Resource dataplane, Resource gateway, int depth) {
    if (!selectedByZone(policyMeta, dataplane, gateway) || !selectedByNamespace(policyMeta, dataplane)) {
      return Selection.NONE;
    }
    Dataplane dp = dataplane.spec(Dataplane.class);
    String kind = ref.kindOrEmpty();
    switch (kind) {
      case TargetRefKind.MESH -> {
        if (!supportsProxyType(ref, dp)) {
          return Selection.NONE;
        }
        Selection byTags = byTags(null, dataplane, gateway);
        List<Selection.InboundListener> inbounds = new ArrayList<>(byTags.inbounds());
        inbounds.addAll(embeddedListeners(dp, ""));
        return new Selection(inbounds, byTags.gatewayListeners(), byTags.delegatedGateway(), null);
      }
      case TargetRefKind.DATAPLANE -> {
        if (gateway != null) {
          return Selection.NONE;
        }
        if (!selectsAllDataplanes(ref) && !selectedByIdentifier(dataplane, ref, policyMeta)
            && !selectedByLabels(dataplane, ref)) {
          return Selection.NONE;
        }
        String section = ref.sectionName() == null ? "" : ref.sectionName();
        List<Selection.InboundListener> inbounds = new ArrayList<>();
        for (Dataplane.Inbound inbound : inbounds(dp)) {
          if (section.isEmpty() || inbound.sectionName().equals(section)) {
            inbounds.add(inboundListener(dp, inbound));
          }
        }
        inbounds.addAll(embeddedListeners(dp, section));
        return new Selection(inbounds, List.of(), dp.isDelegatedGateway(), null);
      }
      case TargetRefKind.MESH_SUBSET -> {
        return supportsProxyType(ref, dp) ? byTags(ref.tags(), dataplane, gateway) : Selection.NONE;
      }
      case TargetRefKind.MESH_SERVICE, TargetRefKind.MESH_SERVICE_SUBSET -> {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(TagChecks.SERVICE_TAG, ref.name() == null ? "" : ref.name());
        if (kind.equals(TargetRefKind.MESH_SERVICE_SUBSET) && ref.tags() != null) {
          tags.putAll(ref.tags());
        }
        return byTags(tags, dataplane, gateway);
      }
      case TargetRefKind.MESH_GATEWAY -> {
        if (gateway == null || !dp.isBuiltinGateway() || !isReferenced(policyMeta, ref.name(), gateway.meta())) {
          return Selection.NONE;
        }
        Selection byTags = byTags(ref.tags(), dataplane, gateway);
        return new Selection(byTags.inbounds(), byTags.gatewayListeners(), false, null);
      }
      case TargetRefKind.MESH_HTTP_ROUTE -> {
        Resource route = httpRoutes.stream()
            .filter(r -> isReferenced(policyMeta, ref.name(), r.meta()))
            .findFirst().orElse(null);
        if (route == null || depth >= MAX_ROUTE_DEPTH) {
          return Selection.unresolved("couldn't resolve MeshHTTPRoute targetRef with name '"
              + (ref.name() == null ? "" : ref.name()) + "'");
        }
        TargetRef routeRef = TargetRef.orMesh(route.spec(MeshHTTPRoute.class).targetRef());
        return select(route.meta(), routeRef, dataplane, gateway, depth + 1);
      }
      default -> {
        return Selection.unresolved("unsupported targetRef kind '" + kind + "'");
      }
    }
  }

  /** Kuma's {@code inboundsSelectedByTags}; a null selector selects everything. */
  private static Selection byTags(Map<String, String> selector, Resource dataplane, Resource gateway) {
    Dataplane dp = dataplane.spec(Dataplane.class);
    List<Selection.InboundListener> inbounds = new ArrayList<>();
    for (Dataplane.Inbound inbound : inbounds(dp)) {
      if (TagSelectors.matches(selector, inbound.tags())) {
        inbounds.add(inboundListener(dp, inbound));
      }
    }
    List<Selection.GatewayListenerHostname> listeners = new ArrayList<>();
    if (gateway != null) {
      Set<Selection.InboundListener> seen = new LinkedHashSet<>();
      MeshGateway gw = gateway.spec(MeshGateway.class);
      List<MeshGateway.Listener> gwListeners = gw.conf() == null || gw.conf().listeners() == null
          ? List.of() : gw.conf().listeners();
      for (MeshGateway.Listener l : gwListeners) {
        Map<String, String> tags = new LinkedHashMap<>(gatewayTags(dp));
        if (gw.tags() != null) {
          tags.putAll(gw.tags());
        }
        if (l.tags() != null) {
          tags.putAll(l.tags());
        }
        if (!TagSelectors.matches(selector, tags)) {
          continue;
        }
        int port = l.port() == null ? 0 : l.port();
        Selection.InboundListener listener = new Selection.InboundListener(address(dp), port);
        if (seen.add(listener)) {
          inbounds.add(listener);
        }
        listeners.add(new Selection.GatewayListenerHostname(address(dp), port, l.nonEmptyHostname()));
      }
    }
    boolean delegated = dp.isDelegatedGateway() && TagSelectors.matches(selector, gatewayTags(dp));
    return new Selection(inbounds, listeners, delegated, null);
  }

  private List<Resource> visibleGateways(Resource dataplane) {
    String dpZone = dataplane.meta().label(Kri.ZONE_LABEL);
    List<Resource> out = new ArrayList<>();
    for (Resource gw : gateways) {
      String origin = gw.meta().label(ComputedLabels.ORIGIN);
      if (origin == null || origin.isEmpty() || origin.equals("global")
          || dpZone == null || isLocalZoneResource(gw.meta(), dpZone)) {
        out.add(gw);
      }
    }
    return out;
  }

  /** Kuma's {@code dppSelectedByZone}. */
  private static boolean selectedByZone(ResourceMeta policyMeta, Resource dataplane, Resource gateway) {
    if (PRODUCER_ROLE.equals(role(policyMeta))) {
      return true;
    }
    ResourceMeta meta = gateway != null ? gateway.meta() : dataplane.meta();
    String origin = meta.label(ComputedLabels.ORIGIN);
    if (origin == null || origin.isEmpty() || origin.equals("global")) {
      return true;
    }
    if ("zone".equals(policyMeta.label(ComputedLabels.ORIGIN))) {
      String zone = policyMeta.label(Kri.ZONE_LABEL);
      return zone == null || isLocalZoneResource(meta, zone);
    }
    return true;
  }

  /** Kuma's {@code dppSelectedByNamespace}. */
  private static boolean selectedByNamespace(ResourceMeta policyMeta, Resource dataplane) {
    String role = role(policyMeta);
    if (!role.equals(CONSUMER_ROLE) && !role.equals(WORKLOAD_OWNER_ROLE)) {
      return true;
    }
    String ns = policyMeta.label(Kri.NAMESPACE_LABEL);
    String dpNs = dataplane.meta().label(Kri.NAMESPACE_LABEL);
    return ns != null && ns.equals(dpNs == null ? "" : dpNs);
  }

  /** Kuma's {@code IsLocalZoneResource}: zone-originated and of {@code zone} (or of no recorded zone). */
  private static boolean isLocalZoneResource(ResourceMeta meta, String zone) {
    if (!"zone".equals(meta.label(ComputedLabels.ORIGIN))) {
      return false;
    }
    String resourceZone = meta.label(Kri.ZONE_LABEL);
    return resourceZone == null || resourceZone.equals(zone);
  }

  /** Kuma's {@code PolicyRole}: the role label, {@code system} when absent or empty. */
  private static String role(ResourceMeta meta) {
    String role = meta.label(PolicyRules.POLICY_ROLE_LABEL);
    return role == null || role.isEmpty() ? PolicyRules.SYSTEM_ROLE : role;
  }

  /** Kuma's {@code IsReferenced}: same mesh and the reference names the resource's display name. */
  private static boolean isReferenced(ResourceMeta refMeta, String refName, ResourceMeta target) {
    String mesh = refMeta.mesh() == null ? "" : refMeta.mesh();
    String targetMesh = target.mesh() == null ? "" : target.mesh();
    return mesh.equals(targetMesh) && displayName(target).equals(refName == null ? "" : refName);
  }

  private static String displayName(ResourceMeta meta) {
    String display = meta.label(Kri.DISPLAY_NAME_LABEL);
    return display == null || display.isEmpty() ? meta.name() : display;
  }

  private static boolean selectsAllDataplanes(TargetRef ref) {
    return isEmpty(ref.name()) && isEmpty(ref.namespace()) && ref.labels() == null;
  }

  private static boolean selectedByLabels(Resource dataplane, TargetRef ref) {
    if (ref.labels() == null) {
      return false;
    }
    for (Map.Entry<String, String> e : ref.labels().entrySet()) {
      if (!e.getValue().equals(dataplane.meta().label(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * By name: the proxy's KRI equals the reference resolved against the policy (its mesh and zone,
   * the reference's namespace or else the policy's).
   */
  private static boolean selectedByIdentifier(Resource dataplane, TargetRef ref, ResourceMeta policyMeta) {
    if (isEmpty(ref.name())) {
      return false;
    }
    Kri dp = Kri.of(dataplane.type(), dataplane.meta()).orElseThrow();
    String namespace = isEmpty(ref.namespace()) ? policyMeta.labels().getOrDefault(Kri.NAMESPACE_LABEL, "")
        : ref.namespace();
    String policyMesh = policyMeta.mesh() == null ? "" : policyMeta.mesh();
    return dp.mesh().equals(policyMesh)
        && dp.zone().equals(policyMeta.labels().getOrDefault(Kri.ZONE_LABEL, ""))
        && dp.namespace().equals(namespace)
        && dp.name().equals(ref.name());
  }

  private static boolean supportsProxyType(TargetRef ref, Dataplane dp) {
    if (ref.proxyTypes() == null || ref.proxyTypes().isEmpty()) {
      return true;
    }
    boolean gateway = dp.networking() != null && dp.networking().gateway() != null;
    return ref.proxyTypes().contains(gateway ? TargetRefKind.PROXY_GATEWAY : TargetRefKind.PROXY_SIDECAR);
  }

  /** Kuma's {@code Dataplane.Matches}: an inbound's tags or the gateway's tags match. */
  static boolean dataplaneMatches(Dataplane dp, Map<String, String> selector) {
    for (Dataplane.Inbound inbound : inbounds(dp)) {
      if (TagSelectors.matches(selector, inbound.tags())) {
        return true;
      }
    }
    return TagSelectors.matches(selector, gatewayTags(dp));
  }

  private static boolean anyMatches(List<Selector> selectors, Dataplane dp) {
    return selectors.stream().anyMatch(s -> dataplaneMatches(dp, s.match()));
  }

  private static List<Dataplane.Inbound> inbounds(Dataplane dp) {
    return dp.networking() == null || dp.networking().inbound() == null ? List.of() : dp.networking().inbound();
  }

  private static Map<String, String> gatewayTags(Dataplane dp) {
    if (dp.networking() == null || dp.networking().gateway() == null || dp.networking().gateway().tags() == null) {
      return Map.of();
    }
    return dp.networking().gateway().tags();
  }

  private static String address(Dataplane dp) {
    return dp.networking() == null || dp.networking().address() == null ? "" : dp.networking().address();
  }

  /** Kuma's {@code ToInboundInterface} address and port. */
  private static Selection.InboundListener inboundListener(Dataplane dp, Dataplane.Inbound inbound) {
    String addr = isEmpty(inbound.address()) ? address(dp) : inbound.address();
    return new Selection.InboundListener(addr, inbound.port() == null ? 0 : inbound.port());
  }

  /** Embedded zone-proxy listeners, filtered by section name when one is given. */
  private static List<Selection.InboundListener> embeddedListeners(Dataplane dp, String section) {
    List<Selection.InboundListener> out = new ArrayList<>();
    if (dp.networking() == null || dp.networking().listeners() == null) {
      return out;
    }
    for (Dataplane.Listener l : dp.networking().listeners()) {
      if (!section.isEmpty() && !l.sectionName().equals(section)) {
        continue;
      }
      String addr = isEmpty(l.address()) ? address(dp) : l.address();
      out.add(new Selection.InboundListener(addr, l.port() == null ? 0 : l.port()));
    }
    return out;
  }

  private static boolean createdAfter(Resource candidate, Resource best) {
    Instant a = candidate.meta().creationTime();
    Instant b = best.meta().creationTime();
    return a != null && b != null && a.isAfter(b);
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }
}
