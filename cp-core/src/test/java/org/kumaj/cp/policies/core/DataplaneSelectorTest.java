package org.kumaj.cp.policies.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceType;
import org.kumaj.model.ResourceTypes;
import org.kumaj.model.codec.Json;
import org.kumaj.model.codec.UniversalCodec;
import org.kumaj.model.policies.core.TargetRef;

/**
 * Table tests of Kuma's top-level targetRef selection, one row per kind and variant, against a
 * fixed set of proxies: two sidecars (backend v1 with two named inbounds, frontend), a delegated
 * gateway, a builtin gateway served by MeshGateway {@code edge}, and a proxy with an embedded zone
 * ingress listener.
 */
class DataplaneSelectorTest {
  private static final Resource BACKEND = resource("""
      type: Dataplane
      name: backend-1
      mesh: default
      labels: {app: backend, k8s.kuma.io/namespace: ns-a}
      networking:
        address: 10.0.0.1
        inbound:
          - port: 8080
            name: http
            tags: {kuma.io/service: backend, version: v1}
          - port: 9090
            address: 10.0.0.11
            tags: {kuma.io/service: backend-admin, version: v1}
      """);
  private static final Resource FRONTEND = resource("""
      type: Dataplane
      name: frontend-1
      mesh: default
      labels: {app: frontend}
      networking:
        address: 10.0.0.2
        inbound:
          - port: 80
            tags: {kuma.io/service: frontend}
      """);
  private static final Resource DELEGATED = resource("""
      type: Dataplane
      name: kong-1
      mesh: default
      networking:
        address: 10.0.0.3
        gateway:
          tags: {kuma.io/service: kong}
      """);
  private static final Resource BUILTIN = resource("""
      type: Dataplane
      name: edge-1
      mesh: default
      networking:
        address: 10.0.0.4
        gateway:
          type: BUILTIN
          tags: {kuma.io/service: edge}
      """);
  private static final Resource INGRESS = resource("""
      type: Dataplane
      name: zone-proxy-1
      mesh: default
      networking:
        address: 10.0.0.5
        listeners:
          - type: ZoneIngress
            port: 10001
            name: ingress
      """);
  private static final Resource EDGE_GATEWAY = resource("""
      type: MeshGateway
      name: edge
      mesh: default
      selectors:
        - match: {kuma.io/service: edge}
      tags: {team: platform}
      conf:
        listeners:
          - port: 8080
            protocol: HTTP
            hostname: a.example.com
            tags: {listener: public}
          - port: 8443
            protocol: HTTP
            tags: {listener: private}
      """);
  private static final Resource ROUTE = resource("""
      type: MeshHTTPRoute
      name: to-backend
      mesh: default
      spec:
        targetRef: {kind: MeshService, name: frontend}
        to:
          - targetRef: {kind: MeshService, name: backend}
            rules:
              - matches: [{path: {type: PathPrefix, value: /}}]
                default: {}
      """);
  private static final List<Resource> PROXIES = List.of(BACKEND, FRONTEND, DELEGATED, BUILTIN, INGRESS);
  private static final DataplaneSelector SELECTOR = new DataplaneSelector(List.of(EDGE_GATEWAY), List.of(ROUTE));

  static Stream<Arguments> kinds() {
    return Stream.of(
        row("Mesh selects every proxy", "{kind: Mesh}",
            "backend-1", "frontend-1", "kong-1", "edge-1", "zone-proxy-1"),
        row("Mesh restricted to sidecars", "{kind: Mesh, proxyTypes: [Sidecar]}",
            "backend-1", "frontend-1", "zone-proxy-1"),
        row("Mesh restricted to gateways", "{kind: Mesh, proxyTypes: [Gateway]}", "kong-1", "edge-1"),
        row("Dataplane without name or labels selects all", "{kind: Dataplane}",
            "backend-1", "frontend-1", "kong-1", "zone-proxy-1"),
        row("Dataplane by name", "{kind: Dataplane, name: frontend-1}", "frontend-1"),
        row("Dataplane by name in another namespace", "{kind: Dataplane, name: backend-1}"),
        row("Dataplane by name and namespace", "{kind: Dataplane, name: backend-1, namespace: ns-a}", "backend-1"),
        row("Dataplane by labels", "{kind: Dataplane, labels: {app: backend}}", "backend-1"),
        row("Dataplane by unknown labels", "{kind: Dataplane, labels: {app: nobody}}"),
        row("Dataplane by section name (a delegated gateway is selected as a whole)",
            "{kind: Dataplane, sectionName: http}", "backend-1", "kong-1"),
        row("Dataplane by port as section name", "{kind: Dataplane, sectionName: '80'}", "frontend-1", "kong-1"),
        row("Dataplane by listener section name", "{kind: Dataplane, sectionName: ingress}", "kong-1",
            "zone-proxy-1"),
        row("MeshSubset by tags", "{kind: MeshSubset, tags: {version: v1}}", "backend-1"),
        row("MeshSubset with wildcard value", "{kind: MeshSubset, tags: {kuma.io/service: '*'}}",
            "backend-1", "frontend-1", "kong-1", "edge-1"),
        row("MeshSubset restricted to gateways", "{kind: MeshSubset, tags: {kuma.io/service: kong}, "
            + "proxyTypes: [Gateway]}", "kong-1"),
        row("MeshService by service tag", "{kind: MeshService, name: backend-admin}", "backend-1"),
        row("MeshService selects a delegated gateway", "{kind: MeshService, name: kong}", "kong-1"),
        row("MeshServiceSubset", "{kind: MeshServiceSubset, name: backend, tags: {version: v2}}"),
        row("MeshServiceSubset matching", "{kind: MeshServiceSubset, name: backend, tags: {version: v1}}",
            "backend-1"),
        row("MeshGateway by name", "{kind: MeshGateway, name: edge}", "edge-1"),
        row("MeshGateway by listener tags", "{kind: MeshGateway, name: edge, tags: {listener: private}}",
            "edge-1"),
        row("MeshGateway by unknown listener tags", "{kind: MeshGateway, name: edge, tags: {listener: x}}"),
        row("MeshGateway of another name", "{kind: MeshGateway, name: other}"),
        row("MeshHTTPRoute follows the route's own targetRef", "{kind: MeshHTTPRoute, name: to-backend}",
            "frontend-1"),
        row("MeshHTTPRoute that does not exist", "{kind: MeshHTTPRoute, name: missing}"),
        row("unknown kind", "{kind: MeshExternalService, name: x}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void selectsByKind(String description, String targetRef, List<String> expected) {
    Resource policy = policy(targetRef, "");
    List<String> selected = new ArrayList<>();
    for (Resource dp : PROXIES) {
      if (SELECTOR.selects(policy, dp)) {
        selected.add(dp.meta().name());
      }
    }
    assertThat(selected).as(description).containsExactlyElementsOf(expected);
  }

  @Test
  void sectionNamePicksOneInbound() {
    Selection s = select("{kind: Dataplane, sectionName: http}", BACKEND, null);
    assertThat(s.inbounds()).containsExactly(new Selection.InboundListener("10.0.0.1", 8080));
    Selection all = select("{kind: Dataplane, name: backend-1, namespace: ns-a}", BACKEND, null);
    assertThat(all.inbounds()).containsExactly(new Selection.InboundListener("10.0.0.1", 8080),
        new Selection.InboundListener("10.0.0.11", 9090));
  }

  @Test
  void meshIncludesEmbeddedListeners() {
    assertThat(select("{kind: Mesh}", INGRESS, null).inbounds())
        .containsExactly(new Selection.InboundListener("10.0.0.5", 10001));
  }

  @Test
  void builtinGatewaySelectionListsListenersAndHostnames() {
    Resource gateway = SELECTOR.gatewayFor(BUILTIN).orElseThrow();
    assertThat(gateway.meta().name()).isEqualTo("edge");
    Selection s = select("{kind: MeshGateway, name: edge}", BUILTIN, gateway);
    assertThat(s.inbounds()).containsExactly(new Selection.InboundListener("10.0.0.4", 8080),
        new Selection.InboundListener("10.0.0.4", 8443));
    assertThat(s.gatewayListeners()).containsExactly(
        new Selection.GatewayListenerHostname("10.0.0.4", 8080, "a.example.com"),
        new Selection.GatewayListenerHostname("10.0.0.4", 8443, "*"));
    assertThat(s.delegatedGateway()).isFalse();
    Selection byTeam = select("{kind: MeshSubset, tags: {team: platform}}", BUILTIN, gateway);
    assertThat(byTeam.gatewayListeners()).hasSize(2);
  }

  @Test
  void dataplaneKindNeverSelectsABuiltinGateway() {
    Resource gateway = SELECTOR.gatewayFor(BUILTIN).orElseThrow();
    assertThat(select("{kind: Dataplane}", BUILTIN, gateway).selectsAnything()).isFalse();
  }

  @Test
  void delegatedGatewayIsSelectedAsAWhole() {
    Selection s = select("{kind: Mesh}", DELEGATED, null);
    assertThat(s.inbounds()).isEmpty();
    assertThat(s.delegatedGateway()).isTrue();
  }

  @Test
  void unresolvableReferencesExplainWhy() {
    assertThat(select("{kind: MeshHTTPRoute, name: missing}", FRONTEND, null).problem())
        .isEqualTo("couldn't resolve MeshHTTPRoute targetRef with name 'missing'");
    // the schema refuses such a kind on write; a policy stored before (or received over KDS) may have it
    Resource valid = policy("{kind: Mesh}", "");
    TargetRef bogus = new TargetRef("Bogus", null, null, null, null, null, null, null);
    assertThat(SELECTOR.select(valid.meta(), bogus, FRONTEND, null).problem())
        .isEqualTo("unsupported targetRef kind 'Bogus'");
  }

  @Test
  void omittedTargetRefMeansTheWholeMesh() {
    Resource policy = resource("""
        type: MeshTimeout
        name: t
        mesh: default
        spec:
          to: [{targetRef: {kind: Mesh}, default: {connectionTimeout: 1s}}]
        """);
    assertThat(PROXIES.stream().filter(dp -> SELECTOR.selects(policy, dp))).hasSize(5);
  }

  static Stream<Arguments> zonesAndRoles() {
    String zoneDp = "{kuma.io/origin: zone, kuma.io/zone: zone-1}";
    return Stream.of(
        Arguments.of("zone policy of the proxy's zone", zoneDp, "{kuma.io/origin: zone, kuma.io/zone: zone-1}", true),
        Arguments.of("zone policy of another zone", zoneDp, "{kuma.io/origin: zone, kuma.io/zone: zone-2}", false),
        Arguments.of("producer policy of another zone", zoneDp,
            "{kuma.io/origin: zone, kuma.io/zone: zone-2, kuma.io/policy-role: producer}", true),
        Arguments.of("global policy", zoneDp, "{kuma.io/origin: global}", true),
        Arguments.of("zone policy without zone label", zoneDp, "{kuma.io/origin: zone}", true),
        Arguments.of("proxy without origin", "{}", "{kuma.io/origin: zone, kuma.io/zone: zone-2}", true),
        Arguments.of("proxy of a zone without zone label", "{kuma.io/origin: zone}",
            "{kuma.io/origin: zone, kuma.io/zone: zone-2}", true),
        Arguments.of("consumer policy in the proxy's namespace", "{k8s.kuma.io/namespace: a}",
            "{kuma.io/policy-role: consumer, k8s.kuma.io/namespace: a}", true),
        Arguments.of("consumer policy in another namespace", "{k8s.kuma.io/namespace: a}",
            "{kuma.io/policy-role: consumer, k8s.kuma.io/namespace: b}", false),
        Arguments.of("workload-owner policy without namespace", "{k8s.kuma.io/namespace: a}",
            "{kuma.io/policy-role: workload-owner}", false),
        Arguments.of("system policy ignores namespaces", "{k8s.kuma.io/namespace: a}",
            "{k8s.kuma.io/namespace: b}", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("zonesAndRoles")
  void zoneAndNamespaceChecks(String description, String dpLabels, String policyLabels, boolean selected) {
    Resource dp = resource("""
        type: Dataplane
        name: dp
        mesh: default
        labels: %s
        networking:
          address: 10.0.0.9
          inbound: [{port: 1, tags: {kuma.io/service: s}}]
        """.formatted(dpLabels));
    Resource policy = resource("""
        type: MeshTimeout
        name: p
        mesh: default
        labels: %s
        spec:
          targetRef: {kind: Mesh}
          to: [{targetRef: {kind: Mesh}, default: {connectionTimeout: 1s}}]
        """.formatted(policyLabels));
    assertThat(SELECTOR.selects(policy, dp)).as(description).isEqualTo(selected);
  }

  static Stream<Arguments> legacy() {
    return Stream.of(
        Arguments.of("selectors by service", """
            type: HealthCheck
            name: hc
            mesh: default
            sources: [{match: {kuma.io/service: '*'}}]
            destinations: [{match: {kuma.io/service: backend}}]
            conf: {interval: 10s, timeout: 2s, unhealthyThreshold: 3, healthyThreshold: 1}
            """, List.of("backend-1", "frontend-1", "kong-1", "edge-1")),
        Arguments.of("sources and destinations", """
            type: Retry
            name: r
            mesh: default
            sources: [{match: {kuma.io/service: frontend}}]
            destinations: [{match: {kuma.io/service: backend}}]
            conf: {http: {numRetries: 5}}
            """, List.of("backend-1", "frontend-1")),
        Arguments.of("proxy selectors", """
            type: ProxyTemplate
            name: pt
            mesh: default
            selectors: [{match: {version: v1}}]
            conf: {imports: [default-proxy]}
            """, List.of("backend-1")),
        Arguments.of("gateway route selects by gateway tags", """
            type: MeshGatewayRoute
            name: gr
            mesh: default
            selectors: [{match: {kuma.io/service: edge}}]
            conf: {http: {rules: [{matches: [{path: {match: PREFIX, value: /}}],
              backends: [{destination: {kuma.io/service: backend}}]}]}}
            """, List.of("edge-1")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("legacy")
  void legacyPoliciesSelectByTags(String description, String yaml, List<String> expected) {
    Resource policy = resource(yaml);
    assertThat(PROXIES.stream().filter(dp -> SELECTOR.selects(policy, dp)).map(r -> r.meta().name()))
        .as(description).containsExactlyElementsOf(expected);
  }

  @Test
  void gatewayChoiceIsTheMostSpecificThenTheNewest() {
    Resource generic = resource("""
        type: MeshGateway
        name: a-generic
        mesh: default
        selectors: [{match: {kuma.io/service: '*'}}]
        conf: {listeners: [{port: 1, protocol: HTTP}]}
        """);
    Resource exact = resource("""
        type: MeshGateway
        name: b-exact
        mesh: default
        selectors: [{match: {kuma.io/service: edge}}]
        conf: {listeners: [{port: 2, protocol: HTTP}]}
        """);
    Resource newer = stored(resource("""
        type: MeshGateway
        name: c-exact-newer
        mesh: default
        selectors: [{match: {kuma.io/service: edge}}]
        conf: {listeners: [{port: 3, protocol: HTTP}]}
        """), Instant.parse("2026-01-02T00:00:00Z"));
    Resource older = stored(exact, Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(new DataplaneSelector(List.of(generic, exact), List.of()).gatewayFor(BUILTIN).orElseThrow()
        .meta().name()).isEqualTo("b-exact");
    assertThat(new DataplaneSelector(List.of(newer, older, generic), List.of()).gatewayFor(BUILTIN).orElseThrow()
        .meta().name()).isEqualTo("c-exact-newer");
    Resource otherZone = resource("""
        type: MeshGateway
        name: z
        mesh: default
        labels: {kuma.io/origin: zone, kuma.io/zone: zone-2}
        selectors: [{match: {kuma.io/service: edge}}]
        conf: {listeners: [{port: 4, protocol: HTTP}]}
        """);
    Resource zoneDp = BUILTIN.withMeta(BUILTIN.meta().withLabels(java.util.Map.of("kuma.io/zone", "zone-1")));
    assertThat(new DataplaneSelector(List.of(otherZone), List.of()).gatewayFor(zoneDp)).isEmpty();
    assertThat(new DataplaneSelector(List.of(otherZone), List.of()).gatewayFor(BUILTIN)).isPresent();
  }

  @Test
  void tagSelectorRules() {
    assertThat(TagSelectors.matches(null, null)).isTrue();
    assertThat(TagSelectors.matches(java.util.Map.of("a", "*"), java.util.Map.of("a", "x"))).isTrue();
    assertThat(TagSelectors.matches(java.util.Map.of("a", "*"), java.util.Map.of())).isFalse();
    assertThat(TagSelectors.matches(java.util.Map.of("a", "x"), java.util.Map.of("a", "y"))).isFalse();
    assertThat(TagSelectors.compareRank(java.util.Map.of("a", "x"), java.util.Map.of("a", "*"))).isPositive();
    assertThat(TagSelectors.compareRank(java.util.Map.of("a", "*", "b", "*"), java.util.Map.of("a", "x")))
        .isPositive();
  }

  private static Selection select(String targetRef, Resource dp, Resource gateway) {
    Resource policy = policy(targetRef, "");
    return SELECTOR.select(policy.meta(), PolicySpecs.topLevelTargetRef(policy.spec()).orElseThrow(), dp, gateway);
  }

  private static Resource policy(String targetRef, String labels) {
    return resource("""
        type: MeshTimeout
        name: policy
        mesh: default
        labels: {%s}
        spec:
          targetRef: %s
          to: [{targetRef: {kind: Mesh}, default: {connectionTimeout: 1s}}]
        """.formatted(labels, targetRef));
  }

  private static Arguments row(String description, String targetRef, String... expected) {
    return Arguments.of(description, targetRef, List.of(expected));
  }

  private static Resource stored(Resource r, Instant created) {
    return r.withMeta(r.meta().stored(created, created, "1"));
  }

  static Resource resource(String yaml) {
    try {
      JsonNode node = Json.yaml().readTree(yaml);
      ResourceType type = ResourceTypes.byName(node.get("type").asText()).orElseThrow();
      return UniversalCodec.decode(type, node);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void targetRefIsReadFromAnyPolicySpec() {
    assertThat(PolicySpecs.topLevelTargetRef(policy("{kind: MeshSubset, tags: {a: b}}", "").spec()))
        .contains(new TargetRef("MeshSubset", null, java.util.Map.of("a", "b"), null, null, null, null, null));
    assertThat(PolicySpecs.topLevelTargetRef(BACKEND.spec())).isEmpty();
  }
}
