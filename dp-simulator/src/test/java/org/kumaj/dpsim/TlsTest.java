package org.kumaj.dpsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ADS stream verifies the control plane's certificate against the given CA only. */
class TlsTest {
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static BaselineServer server;
  private static DpSimulator simulator;
  private static Topology topology;

  @BeforeAll
  static void start() throws Exception {
    server = BaselineServer.startTls();
    simulator = DpSimulator.builder().eventLoopThreads(1).build();
    topology = Topology.generate(2, 1, 1);
    SyntheticMesh.snapshots("default", topology, SyntheticMesh.Mtls.OFF)
        .forEach(server::setSnapshot);
  }

  @AfterAll
  static void stop() {
    simulator.close();
    server.close();
  }

  private static ProxyOptions options() {
    return ProxyOptions.builder("default.svc-0-0").nodeOnEveryRequest(true).build();
  }

  @Test
  void connectsWhenTheCertificateChainsToTheGivenCa() {
    XdsTarget target = XdsTarget.tls("127.0.0.1", server.port(),
        Certificates.parsePem(server.certificatePem()), "localhost");
    SimulatedProxy proxy = simulator.connect(target, options());
    proxy.await(Condition.graphComplete(), DEADLINE);
    assertThat(proxy.failure()).isEmpty();
  }

  @Test
  void failsClearlyAgainstAWrongCa() {
    SelfSigned other = SelfSigned.localhost("some-other-ca");
    XdsTarget target = XdsTarget.tls("127.0.0.1", server.port(),
        List.of(other.certificate()), "localhost");
    SimulatedProxy proxy = simulator.connect(target, options());

    assertThatThrownBy(() -> proxy.await(Condition.graphComplete(), DEADLINE))
        .isInstanceOf(ProxyStreamException.class)
        .hasMessageStartingWith("proxy default.svc-0-0: TLS handshake with 127.0.0.1:"
            + server.port() + " (TLS, authority localhost) failed: the server certificate is not"
            + " signed by the trusted CA");
    assertThat(proxy.failure()).isPresent();
  }

  @Test
  void failsClearlyWhenTheCertificateDoesNotNameTheAuthority() {
    XdsTarget target = XdsTarget.tls("127.0.0.1", server.port(), server.certificates(),
        "cp.example.com");
    SimulatedProxy proxy = simulator.connect(target, options());

    assertThatThrownBy(() -> proxy.await(Condition.graphComplete(), DEADLINE))
        .isInstanceOf(ProxyStreamException.class)
        .hasMessageContaining("failed: the server certificate does not match cp.example.com");
  }

  @Test
  void failsClearlyWhenNothingListens() {
    XdsTarget target = XdsTarget.plaintext("127.0.0.1", 1);
    SimulatedProxy proxy = simulator.connect(target, options());

    assertThatThrownBy(() -> proxy.await(Condition.graphComplete(), DEADLINE))
        .isInstanceOf(ProxyStreamException.class)
        .hasMessageContaining("ADS stream to 127.0.0.1:1 (plaintext) unavailable");
  }
}
