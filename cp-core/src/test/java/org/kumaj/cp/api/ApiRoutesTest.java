package org.kumaj.cp.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kumaj.cp.launcher.Role;
import org.kumaj.cp.testing.TestControlPlane;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceType;
import org.kumaj.model.ResourceTypes;
import org.kumaj.model.codec.Json;
import org.kumaj.model.codec.UniversalCodec;

/**
 * The routes issue 4 adds beyond the CRUD fixtures: policy selection
 * ({@code /_resources/dataplanes}), computed mesh insights, the global insight, and the zone
 * ingress/egress overviews with their legacy aliases. Resources are stored directly, as Kuma's
 * harness does.
 */
class ApiRoutesTest {
  @TempDir
  static Path workDir;
  static TestControlPlane cp;
  static ApiClient api;

  @BeforeAll
  static void start() throws IOException {
    cp = TestControlPlane.start(Role.STANDALONE, workDir, Map.of("KUMA_DEFAULTS_SKIP_MESH_CREATION", "true"));
    api = new ApiClient(cp.apiUrl());
    store("""
        type: Mesh
        name: default
        ---
        type: Mesh
        name: empty
        ---
        type: Dataplane
        name: backend-1
        mesh: default
        labels: {app: backend}
        networking:
          address: 10.0.0.1
          inbound: [{port: 8080, tags: {kuma.io/service: backend, version: v1}}]
        ---
        type: Dataplane
        name: backend-2
        mesh: default
        networking:
          address: 10.0.0.2
          inbound:
            - port: 8080
              tags: {kuma.io/service: backend, version: v2}
            - port: 9090
              health: {ready: false}
              tags: {kuma.io/service: backend-admin}
        ---
        type: Dataplane
        name: frontend-1
        mesh: default
        networking:
          address: 10.0.0.3
          inbound: [{port: 80, tags: {kuma.io/service: frontend}}]
        ---
        type: Dataplane
        name: gateway-1
        mesh: default
        networking:
          address: 10.0.0.4
          gateway: {type: BUILTIN, tags: {kuma.io/service: edge}}
        ---
        type: DataplaneInsight
        name: backend-1
        mesh: default
        subscriptions: [{id: s1, controlPlaneInstanceId: cp-1, connectTime: "2026-01-01T00:00:00Z"}]
        ---
        type: DataplaneInsight
        name: backend-2
        mesh: default
        subscriptions: [{id: s2, controlPlaneInstanceId: cp-1, connectTime: "2026-01-01T00:00:00Z"}]
        ---
        type: DataplaneInsight
        name: gateway-1
        mesh: default
        subscriptions:
          - {id: s3, controlPlaneInstanceId: cp-1, connectTime: "2026-01-01T00:00:00Z",
             disconnectTime: "2026-01-01T01:00:00Z"}
        ---
        type: MeshTimeout
        name: to-backend-v1
        mesh: default
        spec:
          targetRef: {kind: MeshSubset, tags: {version: v1}}
          to: [{targetRef: {kind: Mesh}, default: {connectionTimeout: 2s}}]
        ---
        type: MeshTimeout
        name: everywhere
        mesh: default
        spec:
          targetRef: {kind: Mesh}
          to: [{targetRef: {kind: Mesh}, default: {connectionTimeout: 2s}}]
        ---
        type: MeshRetry
        name: by-labels
        mesh: default
        spec:
          targetRef: {kind: Dataplane, labels: {app: backend}}
          to: [{targetRef: {kind: Mesh}, default: {tcp: {maxConnectAttempt: 3}}}]
        ---
        type: TrafficPermission
        name: legacy
        mesh: default
        sources: [{match: {kuma.io/service: frontend}}]
        destinations: [{match: {kuma.io/service: backend-admin}}]
        ---
        type: ZoneIngress
        name: zi-1
        networking: {address: 192.168.0.1, port: 10001}
        ---
        type: ZoneIngressInsight
        name: zi-1
        subscriptions: [{id: z1, controlPlaneInstanceId: cp-1, connectTime: "2026-01-01T00:00:00Z"}]
        ---
        type: ZoneEgress
        name: ze-1
        networking: {address: 192.168.0.2, port: 10002}
        """);
  }

  @AfterAll
  static void stop() {
    if (cp != null) {
      cp.close();
    }
  }

  @Test
  void policySelectsDataplanes() {
    assertThat(names("/meshes/default/meshtimeouts/to-backend-v1/_resources/dataplanes")).containsExactly("backend-1");
    // a builtin gateway without a MeshGateway serving it has nothing a Mesh policy can select
    assertThat(names("/meshes/default/meshtimeouts/everywhere/_resources/dataplanes"))
        .containsExactly("backend-1", "backend-2", "frontend-1");
    assertThat(names("/meshes/default/meshretries/by-labels/_resources/dataplanes")).containsExactly("backend-1");
    assertThat(names("/meshes/default/traffic-permissions/legacy/_resources/dataplanes"))
        .containsExactly("backend-2", "frontend-1");
  }

  @Test
  void selectionItemsAreMetaWithLabels() {
    JsonNode body = api.get("/meshes/default/meshtimeouts/to-backend-v1/_resources/dataplanes").json();
    assertThat(body).isEqualTo(json("""
        {"items":[{"labels":{"app":"backend"},"mesh":"default","name":"backend-1","type":"Dataplane"}],"total":1}"""));
  }

  @Test
  void selectionPagesAndFiltersByName() {
    JsonNode first = api.get("/meshes/default/meshtimeouts/everywhere/_resources/dataplanes?size=2").json();
    assertThat(first.path("total").asInt()).isEqualTo(3);
    assertThat(first.path("items")).hasSize(2);
    assertThat(first.path("next").asText()).endsWith("/meshes/default/meshtimeouts/everywhere/_resources/dataplanes"
        + "?offset=2&size=2");
    JsonNode second = api.get("/meshes/default/meshtimeouts/everywhere/_resources/dataplanes?size=2&offset=2").json();
    assertThat(second.path("items").findValuesAsText("name")).containsExactly("frontend-1");
    assertThat(second.has("next")).isFalse();
    assertThat(names("/meshes/default/meshtimeouts/everywhere/_resources/dataplanes?name=backend"))
        .containsExactly("backend-1", "backend-2");
  }

  @Test
  void selectionErrors() {
    assertThat(api.get("/meshes/default/meshtimeouts/missing/_resources/dataplanes").json())
        .isEqualTo(TokenApiTest.error(404, "Could not retrieve policy", "Not found"));
    assertThat(api.get("/meshes/nope/meshtimeouts/everywhere/_resources/dataplanes").json())
        .isEqualTo(TokenApiTest.error(404, "Failed to retrieve Mesh", "Not found"));
    ApiClient.Response size = api.get("/meshes/default/meshtimeouts/everywhere/_resources/dataplanes?size=0");
    assertThat(size.status()).isEqualTo(400);
    assertThat(size.json().path("title").asText()).isEqualTo("Could not retrieve policy");
    assertThat(size.json().path("invalid_parameters").get(0).path("field").asText()).isEqualTo("size");
    ApiClient.Response offset = api.get("/meshes/default/meshtimeouts/everywhere/_resources/dataplanes?offset=-1");
    assertThat(offset.status()).isEqualTo(400);
    assertThat(api.get("/meshes/default/dataplanes/backend-1/_resources/dataplanes").status()).isEqualTo(404);
  }

  @Test
  void meshInsightsAreComputedWhenNoneAreStored() {
    JsonNode insight = api.get("/mesh-insights/default").json();
    assertThat(insight.path("type").asText()).isEqualTo("MeshInsight");
    assertThat(insight.path("name").asText()).isEqualTo("default");
    assertThat(insight.path("dataplanes")).isEqualTo(json("{\"total\":4,\"online\":1,\"offline\":2,\"partiallyDegraded\":1}"));
    assertThat(insight.path("dataplanesByType").path("gatewayBuiltin"))
        .isEqualTo(json("{\"total\":1,\"offline\":1}"));
    assertThat(insight.path("policies")).isEqualTo(json(
        "{\"MeshRetry\":{\"total\":1},\"MeshTimeout\":{\"total\":2},\"TrafficPermission\":{\"total\":1}}"));
    assertThat(insight.path("resources").path("Dataplane").path("total").asInt()).isEqualTo(4);
    assertThat(insight.path("services")).isEqualTo(json("{\"total\":4,\"internal\":4}"));
    JsonNode list = api.get("/mesh-insights").json();
    assertThat(list.path("total").asInt()).isEqualTo(2);
    assertThat(list.path("items").findValuesAsText("name")).containsExactly("default", "empty");
    assertThat(api.get("/mesh-insights?size=1").json().path("next").asText()).endsWith("/mesh-insights?offset=1&size=1");
    assertThat(api.get("/mesh-insights/nope").status()).isEqualTo(404);
  }

  @Test
  void globalInsightAggregates() {
    JsonNode g = api.get("/global-insight").json();
    assertThat(g.has("createdAt")).isTrue();
    assertThat(g.path("meshes").path("total").asInt()).isEqualTo(2);
    assertThat(g.path("dataplanes").path("standard"))
        .isEqualTo(json("{\"offline\":1,\"online\":1,\"partiallyDegraded\":1,\"total\":3}"));
    assertThat(g.path("dataplanes").path("gatewayBuiltin"))
        .isEqualTo(json("{\"offline\":1,\"online\":0,\"partiallyDegraded\":0,\"total\":1}"));
    assertThat(g.path("policies").path("total").asInt()).isEqualTo(4);
    assertThat(g.path("zones").path("zoneIngresses")).isEqualTo(json("{\"online\":1,\"total\":1}"));
    assertThat(g.path("zones").path("zoneEgresses")).isEqualTo(json("{\"online\":0,\"total\":0}"));
    assertThat(g.path("resources").path("MeshTimeout").path("total").asInt()).isEqualTo(2);
    assertThat(g.path("services").path("external").path("total").asInt()).isZero();
    for (String field : List.of("createdAt", "services", "zones", "dataplanes", "policies", "meshes", "resources")) {
      assertThat(g.has(field)).as(field).isTrue();
    }
  }

  @Test
  void zoneProxyOverviewsAndLegacyAliases() {
    for (String path : List.of("/zoneingresses/_overview", "/zoneingresses+insights")) {
      JsonNode list = api.get(path).json();
      assertThat(list.path("total").asInt()).as(path).isEqualTo(1);
      JsonNode item = list.path("items").get(0);
      assertThat(item.path("type").asText()).isEqualTo("ZoneIngressOverview");
      assertThat(item.path("zoneIngress").path("networking").path("port").asInt()).isEqualTo(10001);
      assertThat(item.path("zoneIngressInsight").path("subscriptions")).hasSize(1);
    }
    assertThat(api.get("/zoneingresses+insights/zi-1").json().path("name").asText()).isEqualTo("zi-1");
    assertThat(api.get("/zoneingresses/zi-1/_overview").json().path("name").asText()).isEqualTo("zi-1");
    for (String path : List.of("/zoneegresses/_overview", "/zoneegressoverviews")) {
      JsonNode item = api.get(path).json().path("items").get(0);
      assertThat(item.path("type").asText()).as(path).isEqualTo("ZoneEgressOverview");
      assertThat(item.path("zoneEgressInsight").isObject()).isTrue();
    }
    assertThat(api.get("/zoneegressoverviews/ze-1").json().path("zoneEgress").path("networking").path("port").asInt())
        .isEqualTo(10002);
    assertThat(api.get("/zoneegressoverviews/missing").status()).isEqualTo(404);
    assertThat(api.get("/zoneegresses+insights").status()).isEqualTo(404);
  }

  private static List<String> names(String path) {
    ApiClient.Response r = api.get(path);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    r.json().path("items").forEach(i -> out.add(i.path("name").asText()));
    return out;
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void store(String yaml) throws IOException {
    List<Resource> resources = new ArrayList<>();
    for (JsonNode doc : Json.yaml().readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
      ResourceType type = ResourceTypes.byName(doc.get("type").asText()).orElseThrow();
      resources.add(UniversalCodec.decode(type, doc));
    }
    for (Resource r : resources) {
      cp.store().create(r, null);
    }
  }
}
