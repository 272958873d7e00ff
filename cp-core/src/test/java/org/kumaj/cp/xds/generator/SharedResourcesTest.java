package org.kumaj.cp.xds.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kumaj.cp.xds.MeshView;
import org.kumaj.cp.xds.ProxyContext;
import org.kumaj.cp.xds.XdsResources;
import org.kumaj.testing.Collected;
import org.kumaj.testing.GoldenFiles;

/** Parts built from equal inputs are one object, across proxies, mesh views and mTLS modes. */
class SharedResourcesTest {
  private static final Path DIR = GoldenFiles.sourceDir("cp-core", "org/kumaj/cp/xds/generator");

  private final ProxyGenerator generator = new ProxyGenerator();

  @Test
  void aNewViewWithTheSameInputsGivesTheSameObjects() {
    ProxyContext web = Fixture.read(DIR.resolve("mtls-strict.dataplane.yaml"));
    // another MeshView object with equal content: what every store change of the mesh produces
    MeshView copy = new MeshView(web.mesh().mesh(), web.mesh().dataplanes(), web.mesh().endpoints(), "2");
    ProxyContext again = new ProxyContext(web.id(), web.dataplane(), copy, web.metadata(), web.identity());

    XdsResources first = generator.generate(web);
    XdsResources second = generator.generate(again);

    assertThat(second).isEqualTo(first);
    assertThat(listener(second, "outbound:127.0.0.1:10001")).isSameAs(listener(first, "outbound:127.0.0.1:10001"));
    assertThat(cluster(second, "backend")).isSameAs(cluster(first, "backend"));
    assertThat(cluster(second, "localhost:8080")).isSameAs(cluster(first, "localhost:8080"));
    assertThat(second.endpoints()).first().isSameAs(first.endpoints().get(0));
    assertThat(hcm(second, "inbound:192.168.0.1:80")).isSameAs(hcm(first, "inbound:192.168.0.1:80"));
  }

  @Test
  void switchingStrictToPermissiveRebuildsTheInboundListenersAroundTheSameConnectionManager() {
    XdsResources strict = generator.generate(Fixture.read(DIR.resolve("mtls-strict.dataplane.yaml")));
    ProxyContext permissiveContext = Fixture.read(DIR.resolve("mtls-permissive.dataplane.yaml"));
    XdsResources permissive = generator.generate(permissiveContext);

    assertThat(listener(permissive, "inbound:192.168.0.1:80")).isNotEqualTo(listener(strict, "inbound:192.168.0.1:80"));
    assertThat(hcm(permissive, "inbound:192.168.0.1:80")).isSameAs(hcm(strict, "inbound:192.168.0.1:80"));
    assertThat(listener(permissive, "outbound:127.0.0.1:10002")).isSameAs(listener(strict, "outbound:127.0.0.1:10002"));
    assertThat(cluster(permissive, "db")).isSameAs(cluster(strict, "db"));
    // sharing never changes what is generated
    assertThat(permissive).isEqualTo(new ProxyGenerator().generate(permissiveContext));
  }

  @Test
  void mtlsOffAndOnGiveDifferentClusters() {
    XdsResources plain = generator.generate(Fixture.read(DIR.resolve("outbound.dataplane.yaml")));
    XdsResources strict = generator.generate(Fixture.read(DIR.resolve("mtls-strict.dataplane.yaml")));

    assertThat(plain.clusters().stream().map(Cluster::getName)).contains("backend");
    assertThat(cluster(strict, "backend").hasTransportSocket()).isTrue();
    assertThat(cluster(plain, "backend").hasTransportSocket()).isFalse();
  }

  @Test
  void partsGoWhenNothingHoldsThem() throws InterruptedException {
    SharedResources shared = new SharedResources();
    record Key(int i) {}
    List<Message> held = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      int n = i;
      held.add(shared.get(new Key(i), () -> Listener.newBuilder().setName("l" + n).build()));
    }
    assertThat(shared.get(new Key(7), () -> Listener.getDefaultInstance())).isSameAs(held.get(7));
    assertThat(shared.size()).isEqualTo(50);

    held.clear();
    assertThat(Collected.awaitNone(shared::size)).isZero();
  }

  private static Listener listener(XdsResources resources, String name) {
    return resources.listeners().stream().filter(l -> l.getName().equals(name)).findFirst().orElseThrow();
  }

  private static Cluster cluster(XdsResources resources, String name) {
    return resources.clusters().stream().filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
  }

  /** The HTTP connection manager filter of the listener's last filter chain. */
  private static Filter hcm(XdsResources resources, String listenerName) {
    Listener listener = listener(resources, listenerName);
    List<Filter> filters = listener.getFilterChains(listener.getFilterChainsCount() - 1).getFiltersList();
    Filter last = filters.get(filters.size() - 1);
    assertThat(last.getName()).isEqualTo("envoy.filters.network.http_connection_manager");
    return last;
  }
}
