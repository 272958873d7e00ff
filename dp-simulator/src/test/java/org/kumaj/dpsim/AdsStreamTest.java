package org.kumaj.dpsim;

import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.controlplane.cache.v3.Snapshot;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SotW and delta streams against the in-process SimpleCache baseline server. */
class AdsStreamTest {
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final String MESH = "default";

  private BaselineServer server;
  private DpSimulator simulator;
  private Topology topology;

  @BeforeEach
  void start() throws Exception {
    server = BaselineServer.startPlaintext();
    simulator = DpSimulator.builder().eventLoopThreads(1).callbackThreads(2).build();
    topology = Topology.generate(4, 1, 2);
  }

  @AfterEach
  void stop() {
    simulator.close();
    server.close();
  }

  private void publish(Topology t, SyntheticMesh.Mtls mtls) {
    SyntheticMesh.snapshots(MESH, t, mtls).forEach(server::setSnapshot);
  }

  private SimulatedProxy connect(AdsMode mode, NackPolicy nacks) {
    Topology.Instance self = topology.instances().get(0);
    return simulator.connect(server.target(), ProxyOptions
        .builder(SyntheticMesh.nodeId(MESH, self))
        .mode(mode)
        .nackPolicy(nacks)
        .nodeOnEveryRequest(true)
        .build());
  }

  @ParameterizedTest
  @EnumSource(AdsMode.class)
  void receivesAcksAndVerifiesTheSnapshot(AdsMode mode) {
    publish(topology, SyntheticMesh.Mtls.STRICT);
    SimulatedProxy proxy = connect(mode, NackPolicy.never());

    long acked = proxy.await(Condition.hasCertificates(), DEADLINE);

    XdsView view = proxy.view();
    assertThat(acked).isEqualTo(view.ackNanos()).isGreaterThan(proxy.startNanos());
    Snapshot expected = SyntheticMesh.snapshots(MESH, topology, SyntheticMesh.Mtls.STRICT)
        .get(proxy.id());
    assertThat(view.names(XdsType.LISTENER)).isEqualTo(expected.listeners().resources().keySet());
    assertThat(view.names(XdsType.CLUSTER)).isEqualTo(expected.clusters().resources().keySet());
    assertThat(view.names(XdsType.ROUTE)).isEqualTo(expected.routes().resources().keySet());
    assertThat(view.names(XdsType.ENDPOINT)).containsExactlyInAnyOrder("svc-1", "svc-2");
    assertThat(view.names(XdsType.SECRET))
        .containsExactlyInAnyOrder("identity_cert:secret:default", "mesh_ca:secret:default");
    assertThat(view.graphProblems()).isEmpty();
    assertThat(view.endpoints("svc-1")).containsExactly(topology.instances().get(1).endpoint());
    assertThat(proxy.subscription(XdsType.ROUTE))
        .containsExactlyInAnyOrder("outbound:svc-1", "outbound:svc-2");
    Listener inbound = view.resource(XdsType.LISTENER, "inbound:10.0.0.1:8080").orElseThrow()
        .parse(Listener.parser());
    assertThat(inbound.getFilterChainsCount()).isEqualTo(1);

    assertThat(proxy.events()).isNotEmpty().allMatch(ResponseEvent::acked);
    assertThat(proxy.events()).extracting(ResponseEvent::type).contains(XdsType.values());
    assertThat(proxy.nacks()).isZero();
    assertThat(proxy.acks()).isEqualTo(proxy.responses());
    assertThat(server.nacks()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(AdsMode.class)
  void followsChangesAndDropsWhatIsNoLongerReferenced(AdsMode mode) {
    publish(topology, SyntheticMesh.Mtls.STRICT);
    SimulatedProxy proxy = connect(mode, NackPolicy.never());
    proxy.await(Condition.hasCertificates(), DEADLINE);
    XdsView before = proxy.view();

    Topology.Instance extra = topology.extraInstance("svc-1");
    long t0 = System.nanoTime();
    publish(topology.plus(extra), SyntheticMesh.Mtls.STRICT);
    long acked = proxy.await(Condition.hasEndpoint("svc-1", extra.endpoint()), DEADLINE);
    assertThat(acked).isGreaterThan(t0);
    assertThat(proxy.view().sameContent(XdsType.LISTENER, before)).isTrue();

    publish(topology.plus(extra), SyntheticMesh.Mtls.PERMISSIVE);
    proxy.await(Condition.changed(XdsType.LISTENER, before).and(Condition.graphComplete()),
        DEADLINE);
    Listener inbound = proxy.view().resource(XdsType.LISTENER, "inbound:10.0.0.1:8080")
        .orElseThrow().parse(Listener.parser());
    assertThat(inbound.getFilterChainsCount()).isEqualTo(2);

    publish(topology.plus(extra), SyntheticMesh.Mtls.OFF);
    proxy.await(Condition.lacksResource(XdsType.SECRET, "mesh_ca:secret:default")
        .and(Condition.graphComplete()), DEADLINE);
    assertThat(proxy.subscription(XdsType.SECRET)).isEmpty();
    assertThat(proxy.view().names(XdsType.SECRET)).isEmpty();
    assertThat(proxy.events()).allMatch(ResponseEvent::acked);
  }

  @ParameterizedTest
  @EnumSource(AdsMode.class)
  void nacksOnDemandWithErrorDetailAndGetsTheNextResponse(AdsMode mode) throws Exception {
    publish(topology, SyntheticMesh.Mtls.OFF);
    CompletableFuture<XdsResponse> nacked = new CompletableFuture<>();
    NackPolicy firstListeners = NackPolicy.firstN(XdsType.LISTENER, 1);
    SimulatedProxy proxy = connect(mode, r -> {
      String message = firstListeners.decide(r);
      if (message != null) {
        nacked.complete(r);
      }
      return message;
    });
    XdsResponse rejected = nacked.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    assertThat(rejected.index()).isEqualTo(1);
    // a SotW server answers a NACK again at once; a delta server waits for the next change
    publish(topology, SyntheticMesh.Mtls.PERMISSIVE);

    proxy.await(Condition.hasCertificates(), DEADLINE);

    var listenerEvents = proxy.events().stream().filter(e -> e.type() == XdsType.LISTENER)
        .toList();
    assertThat(listenerEvents).hasSizeGreaterThanOrEqualTo(2);
    assertThat(listenerEvents.get(0).acked()).isFalse();
    assertThat(listenerEvents.get(0).nonce()).isEqualTo(rejected.nonce());
    assertThat(listenerEvents.get(0).nackMessage()).isEqualTo("simulated NACK of LDS 1 of 1");
    assertThat(listenerEvents.get(1).acked()).isTrue();
    assertThat(listenerEvents.get(1).receivedNanos())
        .isGreaterThan(listenerEvents.get(0).answeredNanos());
    assertThat(proxy.nacks()).isEqualTo(1);
    assertThat(server.nacks()).singleElement().satisfies(n -> {
      assertThat(n.typeUrl()).isEqualTo(XdsType.LISTENER.typeUrl());
      assertThat(n.message()).isEqualTo("simulated NACK of LDS 1 of 1");
      assertThat(n.nodeId()).isEqualTo(proxy.id());
    });
  }

  @ParameterizedTest
  @EnumSource(AdsMode.class)
  void nodeGoesOnlyOnTheFirstRequestUnlessAsked(AdsMode mode) {
    publish(topology, SyntheticMesh.Mtls.OFF);
    Topology.Instance self = topology.instances().get(0);
    // SimpleCache needs the node on every request: without it nothing beyond the first answer
    SimulatedProxy proxy = simulator.connect(server.target(), ProxyOptions
        .builder(SyntheticMesh.nodeId(MESH, self)).mode(mode).token("secret-token").build());
    proxy.await(Condition.acked(XdsType.CLUSTER), DEADLINE);
    assertThat(server.authorizations()).containsExactly("secret-token");
    assertThat(server.nodes()).singleElement().satisfies(n -> {
      assertThat(n.getId()).isEqualTo("default.svc-0-0");
      assertThat(n.getUserAgentName()).isEqualTo("envoy");
    });
    assertThat(proxy.subscription(XdsType.ENDPOINT)).containsExactlyInAnyOrder("svc-1", "svc-2");
  }
}
