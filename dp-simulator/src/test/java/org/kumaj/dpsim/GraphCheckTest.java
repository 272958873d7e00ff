package org.kumaj.dpsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The graph-completeness check flags what a listener or cluster needs but nobody sent. */
class GraphCheckTest {
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  private BaselineServer server;
  private DpSimulator simulator;

  @BeforeEach
  void start() throws Exception {
    server = BaselineServer.startPlaintext();
    simulator = DpSimulator.builder().eventLoopThreads(1).build();
  }

  @AfterEach
  void stop() {
    simulator.close();
    server.close();
  }

  @ParameterizedTest
  @EnumSource(AdsMode.class)
  void flagsAMissingClusterAndAMissingLoadAssignment(AdsMode mode) {
    Topology topology = Topology.generate(3, 1, 2);
    Topology.Instance self = topology.instances().get(0);
    String node = SyntheticMesh.nodeId("default", self);
    var complete = SyntheticMesh.snapshots("default", topology, SyntheticMesh.Mtls.OFF).get(node);
    // drop cluster svc-2 (its listener and route stay) and the load assignment of svc-1
    List<Cluster> clusters = new ArrayList<>(complete.clusters().resources().values());
    clusters.removeIf(c -> c.getName().equals("svc-2"));
    server.setSnapshot(node, Snapshots.of(clusters, List.of(),
        complete.listeners().resources().values(), complete.routes().resources().values(),
        List.of()));

    SimulatedProxy proxy = simulator.connect(server.target(),
        ProxyOptions.builder(node).mode(mode).nodeOnEveryRequest(true).build());
    proxy.await(Condition.acked(XdsType.LISTENER, XdsType.CLUSTER, XdsType.ROUTE), DEADLINE);

    assertThat(proxy.view().graphProblems()).containsExactly(
        "cluster svc-1: load assignment svc-1 is missing",
        "route configuration outbound:svc-2: cluster svc-2 is missing");
    assertThatThrownBy(() -> proxy.await(Condition.graphComplete(), Duration.ofMillis(300)))
        .isInstanceOf(AwaitTimeoutException.class)
        .hasMessageContaining("proxy default.svc-0-0: 'the resource graph is complete' did not"
            + " hold within PT0.3S")
        .hasMessageContaining("graph problems: cluster svc-1: load assignment svc-1 is missing");
  }

  @ParameterizedTest
  @EnumSource(AdsMode.class)
  void flagsAListenerWhoseRouteConfigurationOrClusterIsMissing(AdsMode mode) {
    Topology topology = Topology.generate(2, 1, 1);
    Topology.Instance self = topology.instances().get(0);
    String node = SyntheticMesh.nodeId("default", self);
    var complete = SyntheticMesh.snapshots("default", topology, SyntheticMesh.Mtls.OFF).get(node);
    List<RouteConfiguration> routes = List.of();
    List<Cluster> clusters = complete.clusters().resources().values().stream()
        .filter(c -> !c.getName().startsWith("localhost:")).toList();
    server.setSnapshot(node, Snapshots.of(clusters, complete.endpoints().resources().values(),
        complete.listeners().resources().values(), routes, List.of()));

    SimulatedProxy proxy = simulator.connect(server.target(),
        ProxyOptions.builder(node).mode(mode).nodeOnEveryRequest(true).build());
    proxy.await(Condition.acked(XdsType.LISTENER, XdsType.CLUSTER, XdsType.ENDPOINT), DEADLINE);

    assertThat(proxy.view().graphProblems()).containsExactly(
        "listener inbound:10.0.0.1:8080: cluster localhost:18080 is missing",
        "listener outbound:127.0.0.1:20001: route configuration outbound:svc-1 is missing");
    assertThat(proxy.view().resource(XdsType.LISTENER, "outbound:127.0.0.1:20001").orElseThrow()
        .parse(Listener.parser()).getName()).isEqualTo("outbound:127.0.0.1:20001");
  }
}
