package org.kumaj.cp.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kumaj.cp.launcher.Role;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.cp.store.ResourceQuery;
import org.kumaj.testing.GoldenFiles;
import org.kumaj.cp.testing.TestControlPlane;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.ResourceType;
import org.kumaj.model.ResourceTypes;
import org.kumaj.model.codec.Json;
import org.kumaj.model.codec.UniversalCodec;
import org.kumaj.model.mesh.Mesh;
import org.kumaj.model.system.Config;
import org.kumaj.model.system.GlobalSecret;
import org.kumaj.model.system.Secret;
import org.kumaj.model.system.Zone;

/**
 * Start-up defaults and the resources every mesh gets, on a real control plane: Kuma's default
 * policies (compared with goldens), {@code skipCreatingInitialPolicies}, the routing resources,
 * and idempotence across a restart on the same H2 file.
 */
class StartupDefaultsTest {
  private static final List<String> MESH_POLICIES = List.of("MeshTimeout/mesh-gateways-timeout-all",
      "MeshTimeout/mesh-timeout-all", "MeshCircuitBreaker/mesh-circuit-breaker-all", "MeshRetry/mesh-retry-all");
  private static final List<String> ROUTING = List.of("TrafficPermission/allow-all", "TrafficRoute/route-all");
  private static final Path GOLDEN = GoldenFiles.sourceDir("cp-core", "org/kumaj/cp/defaults");

  @TempDir
  Path workDir;

  @Test
  void theDefaultMeshGetsKumasPoliciesOnceAcrossRestarts() {
    Map<String, Resource> first = new LinkedHashMap<>();
    try (TestControlPlane cp = TestControlPlane.start(Role.STANDALONE, workDir,
        Map.of("KUMA_STORE_TYPE", "h2", "KUMA_DEFAULTS_CREATE_MESH_ROUTING_RESOURCES", "true"))) {
      ResourceManager manager = cp.bean(ResourceManager.class);
      for (String policy : concat(MESH_POLICIES, ROUTING)) {
        Resource r = policy(manager, policy, "default");
        first.put(policy, r);
        ObjectNode json = UniversalCodec.encode(r);
        json.remove(List.of("creationTime", "modificationTime"));
        GoldenFiles.assertMatches(GOLDEN.resolve(policy.replace('/', '-') + ".golden.json"), pretty(json));
      }
      assertThat(manager.get(new ResourceKey(Secret.TYPE, "default", "dataplane-token-signing-key-default-1")))
          .isPresent();
      for (String name : List.of("zone-token-signing-key-1", "user-token-signing-key-1", "admin-user-token")) {
        assertThat(manager.get(ResourceKey.global(GlobalSecret.TYPE, name))).as(name).isPresent();
      }
      assertThat(manager.get(ResourceKey.global(Config.TYPE, ClusterIds.CLUSTER_ID_CONFIG))).isPresent();
    }

    try (TestControlPlane cp = TestControlPlane.start(Role.STANDALONE, workDir, Map.of("KUMA_STORE_TYPE", "h2"))) {
      ResourceManager manager = cp.bean(ResourceManager.class);
      assertThat(manager.list(ResourceQuery.all(Mesh.TYPE, null)).total()).isEqualTo(1);
      assertThat(manager.list(ResourceQuery.all(type("MeshTimeout"), "default")).total()).isEqualTo(2);
      first.forEach((policy, before) ->
          assertThat(policy(manager, policy, "default").meta()).as(policy).isEqualTo(before.meta()));

      createMesh(manager, "fresh", null);
      for (String policy : MESH_POLICIES) {
        policy(manager, policy, "fresh");
      }
      assertThat(manager.get(new ResourceKey(type("TrafficPermission"), "fresh", "allow-all-fresh")))
          .as("routing resources only with defaults.createMeshRoutingResources").isEmpty();
    }
  }

  @Test
  void zoneDefaultsAndSkippedInitialPolicies() {
    try (TestControlPlane cp = TestControlPlane.start(Role.ZONE, workDir,
        Map.of("KUMA_MULTIZONE_ZONE_NAME", "zone-a", "KUMA_DEFAULTS_SKIP_MESH_CREATION", "true"))) {
      ResourceManager manager = cp.bean(ResourceManager.class);
      assertThat(manager.get(ResourceKey.global(Zone.TYPE, "zone-a"))).isPresent();
      assertThat(manager.list(ResourceQuery.all(Mesh.TYPE, null)).total()).isZero();

      createMesh(manager, "partial", List.of("MeshRetry", "MeshTimeout"));
      policy(manager, "MeshCircuitBreaker/mesh-circuit-breaker-all", "partial");
      assertThat(manager.list(ResourceQuery.all(type("MeshTimeout"), "partial")).total()).isZero();
      assertThat(manager.list(ResourceQuery.all(type("MeshRetry"), "partial")).total()).isZero();

      createMesh(manager, "bare", List.of("*"));
      for (String policy : MESH_POLICIES) {
        assertThat(manager.list(ResourceQuery.all(type(policy.split("/")[0]), "bare")).total()).as(policy).isZero();
      }
      assertThat(manager.get(new ResourceKey(Secret.TYPE, "bare", "dataplane-token-signing-key-bare-1")))
          .as("the signing key is created even when every policy is skipped").isPresent();
    }
  }

  private static void createMesh(ResourceManager manager, String name, List<String> skip) {
    ObjectNode node = Json.mapper().createObjectNode().put("type", "Mesh").put("name", name);
    if (skip != null) {
      skip.forEach(node.putArray("skipCreatingInitialPolicies")::add);
    }
    manager.create(UniversalCodec.decode(Mesh.TYPE, node));
  }

  /** The policy {@code Type/prefix} of {@code mesh}, which must exist. */
  private static Resource policy(ResourceManager manager, String policy, String mesh) {
    String[] parts = policy.split("/");
    return manager.get(new ResourceKey(type(parts[0]), mesh, parts[1] + "-" + mesh))
        .orElseThrow(() -> new AssertionError(policy + " missing in mesh " + mesh));
  }

  private static ResourceType type(String name) {
    return ResourceTypes.byName(name).orElseThrow();
  }

  private static String pretty(ObjectNode json) {
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
