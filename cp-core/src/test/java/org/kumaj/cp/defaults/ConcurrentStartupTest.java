package org.kumaj.cp.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kumaj.cp.launcher.ControlPlaneIdentity;
import org.kumaj.cp.launcher.Role;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.cp.store.PostgresTestDatabase;
import org.kumaj.cp.store.ResourceQuery;
import org.kumaj.cp.store.SchemaMigrations;
import org.kumaj.cp.testing.TestControlPlane;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceTypes;
import org.kumaj.model.mesh.Mesh;
import org.kumaj.model.system.Config;
import org.kumaj.model.system.GlobalSecret;
import org.kumaj.model.system.Secret;

/**
 * Two control planes starting at the same moment on one PostgreSQL database create every
 * start-up default exactly once: one default mesh, one key of each signing-key kind, one admin
 * token, one cluster id, and each default policy once.
 */
class ConcurrentStartupTest {
  @TempDir
  Path workDir;

  @Test
  void twoInstancesStartingAtOnceCreateEachDefaultOnce() throws Exception {
    try (PostgresTestDatabase pg = PostgresTestDatabase.create()) {
      assertThat(SchemaMigrations.migrateUp(pg.config(java.util.Map.of())))
          .isEqualTo(SchemaMigrations.Outcome.MIGRATED);
      CyclicBarrier together = new CyclicBarrier(2);
      CompletableFuture<TestControlPlane> a = CompletableFuture.supplyAsync(() -> start(pg, "a", together));
      CompletableFuture<TestControlPlane> b = CompletableFuture.supplyAsync(() -> start(pg, "b", together));
      try (TestControlPlane first = a.get(3, TimeUnit.MINUTES);
          TestControlPlane second = b.get(3, TimeUnit.MINUTES)) {
        ResourceManager manager = first.bean(ResourceManager.class);
        assertThat(names(manager, Mesh.TYPE.name(), null)).containsExactly("default");
        assertThat(names(manager, GlobalSecret.TYPE.name(), null)).containsExactlyInAnyOrder(
            "admin-user-token", "user-token-signing-key-1", "zone-token-signing-key-1");
        assertThat(names(manager, Secret.TYPE.name(), "default"))
            .containsExactly("dataplane-token-signing-key-default-1");
        assertThat(names(manager, Config.TYPE.name(), null)).containsExactly(ClusterIds.CLUSTER_ID_CONFIG);
        assertThat(names(manager, "MeshTimeout", "default"))
            .containsExactlyInAnyOrder("mesh-gateways-timeout-all-default", "mesh-timeout-all-default");
        assertThat(names(manager, "MeshRetry", "default")).containsExactly("mesh-retry-all-default");
        assertThat(names(manager, "MeshCircuitBreaker", "default"))
            .containsExactly("mesh-circuit-breaker-all-default");
        assertThat(first.bean(ControlPlaneIdentity.class).clusterId())
            .isEqualTo(second.bean(ControlPlaneIdentity.class).clusterId());
      }
    }
  }

  private TestControlPlane start(PostgresTestDatabase pg, String name, CyclicBarrier together) {
    try {
      together.await(1, TimeUnit.MINUTES);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return TestControlPlane.start(Role.STANDALONE, workDir.resolve(name), pg.env(java.util.Map.of()));
  }

  private static List<String> names(ResourceManager manager, String type, String mesh) {
    return manager.list(ResourceQuery.all(ResourceTypes.byName(type).orElseThrow(), mesh)).items().stream()
        .map(Resource::meta).map(m -> m.name()).toList();
  }
}
