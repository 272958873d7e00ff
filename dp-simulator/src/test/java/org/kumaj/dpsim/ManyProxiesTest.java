package org.kumaj.dpsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 200 proxies on TLS, half SotW and half delta, four to a connection. */
class ManyProxiesTest {
  private static final Duration DEADLINE = Duration.ofSeconds(120);

  @Test
  void twoHundredProxiesConnectAndReceiveTheirSnapshots() throws Exception {
    Topology topology = Topology.generate(100, 2, 5);
    try (BaselineServer server = BaselineServer.startTls();
        DpSimulator simulator = DpSimulator.builder().eventLoopThreads(2)
            .proxiesPerConnection(4).build()) {
      SyntheticMesh.snapshots("default", topology, SyntheticMesh.Mtls.STRICT)
          .forEach(server::setSnapshot);
      List<SimulatedProxy> proxies = new ArrayList<>();
      for (Topology.Instance i : topology.instances()) {
        proxies.add(simulator.connect(server.target(), ProxyOptions
            .builder(SyntheticMesh.nodeId("default", i))
            .mode(proxies.size() % 2 == 0 ? AdsMode.SOTW : AdsMode.DELTA)
            .nodeOnEveryRequest(true)
            .retainPayloads(false)
            .build()));
      }

      Map<SimulatedProxy, Long> acked =
          DpSimulator.awaitAll(proxies, p -> Condition.hasCertificates(), DEADLINE);

      assertThat(acked).hasSize(200);
      assertThat(simulator.openConnections()).isEqualTo(50);
      for (SimulatedProxy p : proxies) {
        XdsView v = p.view();
        assertThat(v.names(XdsType.LISTENER)).as(p.id()).hasSize(6);
        assertThat(v.names(XdsType.CLUSTER)).as(p.id()).hasSize(6);
        assertThat(v.names(XdsType.ROUTE)).as(p.id()).hasSize(5);
        assertThat(v.names(XdsType.ENDPOINT)).as(p.id()).hasSize(5);
        assertThat(v.names(XdsType.SECRET)).as(p.id()).hasSize(2);
        assertThat(p.nacks()).isZero();
      }

      // one new instance: exactly its service's subscribers see it
      Topology.Instance extra = topology.extraInstance("svc-0");
      List<SimulatedProxy> subscribers = new ArrayList<>();
      for (Topology.Instance i : topology.subscribersOf("svc-0")) {
        proxies.stream().filter(p -> p.id().equals(SyntheticMesh.nodeId("default", i)))
            .forEach(subscribers::add);
      }
      assertThat(subscribers).hasSize(10);
      long t0 = System.nanoTime();
      SyntheticMesh.snapshots("default", topology.plus(extra), SyntheticMesh.Mtls.STRICT)
          .forEach(server::setSnapshot);
      Map<SimulatedProxy, Long> seen = DpSimulator.awaitAll(subscribers,
          p -> Condition.hasEndpoint("svc-0", extra.endpoint()), DEADLINE);
      assertThat(seen.values()).allMatch(t -> t > t0);
      assertThat(server.nacks()).isEmpty();

      simulator.closeProxies(proxies);
      assertThat(simulator.openConnections()).isZero();
    }
  }
}
