package org.kumaj.cp.xds.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kumaj.model.ResourceMeta;
import org.kumaj.testing.GoldenFiles;
import org.kumaj.cp.xds.MeshView;
import org.kumaj.cp.xds.ProxyContext;
import org.kumaj.cp.xds.XdsResources;

/** The outbound clusters and load assignments are built once per mesh view and shared. */
class MeshOutputsTest {
  private static final Path DIR = GoldenFiles.sourceDir("cp-core", "org/kumaj/cp/xds/generator");

  private final ProxyGenerator generator = new ProxyGenerator();

  @Test
  void proxiesOfOneViewShareTheirOutboundClustersAndLoadAssignments() {
    ProxyContext web = Fixture.read(DIR.resolve("mtls-strict.dataplane.yaml"));
    // a second context on the same MeshView object (the fixture's other proxies have no outbounds)
    ProxyContext other = new ProxyContext(web.id(), web.dataplane(), web.mesh(), web.metadata(), web.identity());

    XdsResources first = generator.generate(web);
    XdsResources second = generator.generate(other);

    assertThat(second).isEqualTo(first);
    assertThat(cluster(second, "backend")).isSameAs(cluster(first, "backend"));
    assertThat(second.endpoints()).first().isSameAs(first.endpoints().get(0));
  }

  @Test
  void aNewViewBuildsThemAgainAndGivesEqualResources() {
    ProxyContext web = Fixture.read(DIR.resolve("mtls-strict.dataplane.yaml"));
    MeshView copy = new MeshView(web.mesh().mesh(), web.mesh().dataplanes(), web.mesh().endpoints(), "2");
    ProxyContext again = new ProxyContext(web.id(), web.dataplane(), copy, web.metadata(), web.identity());

    XdsResources first = generator.generate(web);
    XdsResources second = generator.generate(again);

    assertThat(second).isEqualTo(first);
    assertThat(cluster(second, "backend")).isNotSameAs(cluster(first, "backend"));
    assertThat(second).isEqualTo(new ProxyGenerator().generate(again));
  }

  @Test
  void theOutputsOfAMeshWhoseLastViewIsGoneAreDroppedWhenAnotherViewArrives() {
    MeshView web = Fixture.read(DIR.resolve("mtls-strict.dataplane.yaml")).mesh();
    MeshOutputs.Registry registry = new MeshOutputs.Registry();
    // a mesh that is deleted afterwards: nothing references its view any more
    registry.of(new MeshView(web.mesh().withMeta(ResourceMeta.of(null, "deleted", null)), List.of(), Map.of(), "1"));
    registry.of(web);
    assertThat(registry.size()).isEqualTo(2);

    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (registry.size() > 1 && System.nanoTime() < deadline) {
      System.gc();
      // each new view of the remaining mesh runs the clean-up
      registry.of(new MeshView(web.mesh(), web.dataplanes(), web.endpoints(), "next"));
    }
    assertThat(registry.size()).as("outputs of the deleted mesh dropped").isEqualTo(1);
  }

  private static io.envoyproxy.envoy.config.cluster.v3.Cluster cluster(XdsResources resources, String name) {
    return resources.clusters().stream().filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
  }
}
