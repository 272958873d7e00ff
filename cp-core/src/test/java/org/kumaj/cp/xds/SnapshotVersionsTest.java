package org.kumaj.cp.xds;

import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.controlplane.cache.SnapshotResources;
import io.envoyproxy.controlplane.cache.v3.Snapshot;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Content versions: equal resources, equal versions, whatever the previous snapshot was. */
class SnapshotVersionsTest {
  private final PackedResources packed = new PackedResources();

  private static Cluster cluster(String name, int timeoutSeconds) {
    return Cluster.newBuilder().setName(name)
        .setConnectTimeout(com.google.protobuf.Duration.newBuilder().setSeconds(timeoutSeconds)).build();
  }

  private static XdsResources resources(List<Cluster> clusters, List<Listener> listeners) {
    return new XdsResources(listeners, clusters, List.of(), List.of(), List.of());
  }

  @Test
  void equalResourcesGetEqualVersionsWithOrWithoutAPreviousSnapshot() {
    XdsResources one = resources(List.of(cluster("a", 1), cluster("b", 2)), List.of(Listener.newBuilder().setName("l").build()));
    XdsResources copy = resources(List.of(cluster("a", 1), cluster("b", 2)), List.of(Listener.newBuilder().setName("l").build()));

    Snapshot fresh = SnapshotVersions.snapshot(one, null, packed);
    Snapshot again = SnapshotVersions.snapshot(copy, fresh, packed);
    Snapshot unrelated = SnapshotVersions.snapshot(copy, null, packed);

    assertThat(again.clusters().version()).isEqualTo(fresh.clusters().version()).isEqualTo(unrelated.clusters().version());
    assertThat(again.listeners().version()).isEqualTo(fresh.listeners().version());
    // the previous snapshot's resources and versions are kept, not computed again
    assertThat(again.clusters().versionedResources().get("a")).isSameAs(fresh.clusters().versionedResources().get("a"));
    assertThat(unrelated.clusters().versionedResources().get("a").version())
        .isEqualTo(fresh.clusters().versionedResources().get("a").version());
  }

  @Test
  void aChangedResourceChangesItsVersionAndItsTypesOnly() {
    Snapshot before = SnapshotVersions.snapshot(resources(List.of(cluster("a", 1), cluster("b", 2)), List.of()), null, packed);
    Snapshot after = SnapshotVersions.snapshot(resources(List.of(cluster("a", 1), cluster("b", 3)), List.of()), before, packed);

    assertThat(after.clusters().version()).isNotEqualTo(before.clusters().version())
        .isEqualTo(SnapshotVersions.snapshot(resources(List.of(cluster("a", 1), cluster("b", 3)), List.of()), null, packed)
            .clusters().version());
    assertThat(version(after.clusters(), "a")).isEqualTo(version(before.clusters(), "a"));
    assertThat(version(after.clusters(), "b")).isNotEqualTo(version(before.clusters(), "b"));
    assertThat(after.listeners().version()).isEqualTo(before.listeners().version());
    assertThat(after.clusters().resources().get("b")).isEqualTo(cluster("b", 3));
  }

  @Test
  void removingOrAddingAResourceChangesTheTypesVersion() {
    Snapshot two = SnapshotVersions.snapshot(resources(List.of(cluster("a", 1), cluster("b", 2)), List.of()), null, packed);
    Snapshot one = SnapshotVersions.snapshot(resources(List.of(cluster("a", 1)), List.of()), two, packed);
    Snapshot twoAgain = SnapshotVersions.snapshot(resources(List.of(cluster("a", 1), cluster("b", 2)), List.of()), one, packed);

    assertThat(one.clusters().version()).isNotEqualTo(two.clusters().version());
    assertThat(one.clusters().resources()).containsOnlyKeys("a");
    assertThat(twoAgain.clusters().version()).isEqualTo(two.clusters().version());
  }

  private static String version(SnapshotResources<Cluster> resources, String name) {
    return resources.versionedResources().get(name).version();
  }
}
