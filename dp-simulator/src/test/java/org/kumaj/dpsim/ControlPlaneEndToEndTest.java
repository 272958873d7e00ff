package org.kumaj.dpsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kumaj.dpsim.RealControlPlane.DEADLINE;
import static org.kumaj.dpsim.RealControlPlane.poll;

import com.fasterxml.jackson.databind.JsonNode;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kumaj.cp.launcher.ControlPlaneIdentity;
import org.kumaj.dpsim.RealControlPlane.Dp;

/**
 * Our real control plane driven end to end by simulated proxies over its sockets: bootstrap with a
 * token, SotW and delta ADS, complete resource graphs, EDS-only updates, builtin mTLS (certificates
 * checked with the JDK's {@link CertPathValidator}), mode switches and mTLS off without reconnects,
 * certificate rotation and the DataplaneInsight. Every test uses its own mesh.
 */
class ControlPlaneEndToEndTest {
  @TempDir
  static Path workDir;
  static RealControlPlane cp;

  @BeforeAll
  static void start() throws Exception {
    cp = RealControlPlane.start(workDir, Map.of());
  }

  @AfterAll
  static void stop() {
    if (cp != null) {
      cp.close();
    }
  }

  @Test
  void sotwAndDeltaProxiesGetCompleteGraphsAndANewInstanceChangesOnlyEds() throws Exception {
    String mesh = "plain";
    cp.putMesh(mesh, null);
    Dp web1 = Dp.of("web-1", "10.1.0.1", "web", Map.of("backend", 10001));
    Dp web2 = Dp.of("web-2", "10.1.0.2", "web", Map.of("backend", 10001));
    Dp backend1 = Dp.of("backend-1", "10.1.0.3", "backend", Map.of());
    for (Dp dp : List.of(web1, web2, backend1)) {
      cp.putDataplane(mesh, dp);
    }

    BootstrapResult sotwBootstrap = cp.bootstrap(mesh, "web-1", AdsMode.SOTW);
    BootstrapResult deltaBootstrap = cp.bootstrap(mesh, "web-2", AdsMode.DELTA);
    assertThat(sotwBootstrap.nodeId()).isEqualTo("plain.web-1");
    assertThat(sotwBootstrap.adsMode()).isEqualTo(AdsMode.SOTW);
    assertThat(deltaBootstrap.adsMode()).isEqualTo(AdsMode.DELTA);
    assertThat(sotwBootstrap.token()).isPresent();
    SimulatedProxy sotw = cp.connect(sotwBootstrap, o -> o);
    SimulatedProxy delta = cp.connect(deltaBootstrap, o -> o);
    SimulatedProxy backend = cp.connect(mesh, "backend-1", AdsMode.SOTW);

    for (SimulatedProxy p : List.of(sotw, delta, backend)) {
      p.await(Condition.graphComplete(), DEADLINE);
    }
    for (SimulatedProxy web : List.of(sotw, delta)) {
      Dp dp = web == sotw ? web1 : web2;
      web.await(Condition.hasEndpoint("backend", backend1.endpoint()), DEADLINE);
      XdsView v = web.view();
      assertThat(v.names(XdsType.LISTENER)).contains("inbound:" + dp.address() + ":8080", "outbound:127.0.0.1:10001");
      assertThat(v.names(XdsType.CLUSTER)).contains("backend", "localhost:18080");
      assertThat(v.endpoints("backend")).containsExactly(backend1.endpoint());
      assertThat(v.names(XdsType.SECRET)).isEmpty();
      assertThat(web.nacks()).isZero();
    }

    Map<SimulatedProxy, Integer> ldsCds = new java.util.HashMap<>();
    for (SimulatedProxy web : List.of(sotw, delta)) {
      ldsCds.put(web, countOf(web, XdsType.LISTENER) + countOf(web, XdsType.CLUSTER));
    }
    int edsBefore = countOf(sotw, XdsType.ENDPOINT);
    Dp backend2 = Dp.of("backend-2", "10.1.0.4", "backend", Map.of());
    cp.putDataplane(mesh, backend2);

    for (SimulatedProxy web : List.of(sotw, delta)) {
      web.await(Condition.hasEndpoint("backend", backend2.endpoint()), DEADLINE);
      assertThat(web.view().endpoints("backend")).containsExactlyInAnyOrder(backend1.endpoint(), backend2.endpoint());
    }
    // the changed endpoints only: neither listeners nor clusters were resent
    for (SimulatedProxy web : List.of(sotw, delta)) {
      assertThat(countOf(web, XdsType.LISTENER) + countOf(web, XdsType.CLUSTER)).as(web.id())
          .isEqualTo(ldsCds.get(web));
    }
    assertThat(countOf(sotw, XdsType.ENDPOINT)).isEqualTo(edsBefore + 1);
    ResponseEvent lastDeltaEds = delta.events().stream().filter(e -> e.type() == XdsType.ENDPOINT)
        .reduce((a, b) -> b).orElseThrow();
    assertThat(lastDeltaEds.resources()).as("a delta update carries the changed load assignment only").isEqualTo(1);
    closeAll(sotw, delta, backend);
  }

  @Test
  void builtinMtlsDeliversVerifiableCertificatesAndModeChangesNeedNoReconnect() throws Exception {
    String mesh = "secure";
    cp.putMesh(mesh, null);
    Dp client1 = Dp.of("client-1", "10.2.0.1", "client", Map.of("backend", 10001));
    Dp backend1 = Dp.of("backend-1", "10.2.0.2", "backend", Map.of());
    cp.putDataplane(mesh, client1);
    cp.putDataplane(mesh, backend1);
    SimulatedProxy client = cp.connect(mesh, "client-1", AdsMode.SOTW);
    SimulatedProxy backend = cp.connect(mesh, "backend-1", AdsMode.DELTA);
    client.await(Condition.graphComplete(), DEADLINE);
    backend.await(Condition.graphComplete(), DEADLINE);

    cp.putMesh(mesh, RealControlPlane.builtinMtls("STRICT", null));

    for (SimulatedProxy p : List.of(client, backend)) {
      p.await(Condition.hasCertificates(), DEADLINE);
      assertThat(p.view().names(XdsType.SECRET))
          .containsExactlyInAnyOrder("identity_cert:secret:secure", "mesh_ca:secret:secure");
    }
    // inbound: client certificates required, any identity of the mesh
    Listener inbound = backend.view().resource(XdsType.LISTENER, "inbound:10.2.0.2:8080").orElseThrow()
        .parse(Listener.parser());
    assertThat(inbound.getFilterChainsList()).hasSize(1);
    DownstreamTlsContext downstream = inbound.getFilterChains(0).getTransportSocket().getTypedConfig()
        .unpack(DownstreamTlsContext.class);
    assertThat(downstream.getRequireClientCertificate().getValue()).isTrue();
    assertSdsSecrets(downstream.getCommonTlsContext(), mesh);
    assertThat(downstream.getCommonTlsContext().getCombinedValidationContext().getDefaultValidationContext()
        .getMatchTypedSubjectAltNames(0).getMatcher().getPrefix()).isEqualTo("spiffe://secure/");
    // outbound: Kuma's SNI and the exact SPIFFE id of the service
    Cluster outbound = client.view().resource(XdsType.CLUSTER, "backend").orElseThrow().parse(Cluster.parser());
    UpstreamTlsContext upstream = outbound.getTransportSocket().getTypedConfig().unpack(UpstreamTlsContext.class);
    assertThat(upstream.getSni()).isEqualTo("backend{mesh=secure}");
    assertThat(upstream.getCommonTlsContext().getAlpnProtocolsList()).containsExactly("kuma");
    assertThat(upstream.getCommonTlsContext().getCombinedValidationContext().getDefaultValidationContext()
        .getMatchTypedSubjectAltNames(0).getMatcher().getExact()).isEqualTo("spiffe://secure/backend");
    assertSdsSecrets(upstream.getCommonTlsContext(), mesh);

    // the certificates, checked independently of the control plane's code
    X509Certificate meshCa = Certificates.parsePem(cp.get("/meshes/secure/secrets/secure.ca-builtin-cert-ca-1")
        .path("data").asText().transform(b64 -> new String(Base64.getDecoder().decode(b64), StandardCharsets.US_ASCII)))
        .get(0);
    for (SimulatedProxy p : List.of(client, backend)) {
      Identity identity = Identity.of(p.view(), mesh);
      assertThat(identity.trusted()).containsExactly(meshCa);
      String service = p == client ? "client" : "backend";
      identity.verify(meshCa, "spiffe://secure/" + service, "kuma://kuma.io/service/" + service,
          "kuma://kuma.io/protocol/tcp");
      Instant notAfter = identity.certificate().getNotAfter().toInstant();
      assertThat(Duration.between(Instant.now(), notAfter)).isBetween(Duration.ofHours(23), Duration.ofHours(25));
    }

    // STRICT -> PERMISSIVE: new listeners on the same streams, no new certificates
    XdsView clientBefore = client.view();
    XdsView backendBefore = backend.view();
    cp.putMesh(mesh, RealControlPlane.builtinMtls("PERMISSIVE", null));
    backend.await(Condition.changed(XdsType.LISTENER, backendBefore).and(Condition.graphComplete()), DEADLINE);
    Listener permissive = backend.view().resource(XdsType.LISTENER, "inbound:10.2.0.2:8080").orElseThrow()
        .parse(Listener.parser());
    assertThat(permissive.getFilterChainsList()).hasSizeGreaterThan(1)
        .anyMatch(c -> !c.hasTransportSocket())
        .anyMatch(c -> c.hasTransportSocket());
    assertThat(backend.view().sameContent(XdsType.SECRET, backendBefore)).as("same certificates").isTrue();
    assertThat(client.view().sameContent(XdsType.SECRET, clientBefore)).isTrue();

    // mTLS off: plaintext everywhere, secrets unsubscribed, still the same streams
    cp.putMesh(mesh, null);
    for (SimulatedProxy p : List.of(client, backend)) {
      p.await(plaintext().and(Condition.graphComplete()), DEADLINE);
    }
    assertThat(client.subscription(XdsType.SECRET)).isEmpty();
    assertThat(backend.subscription(XdsType.SECRET)).isEmpty();
    for (SimulatedProxy p : List.of(client, backend)) {
      assertThat(p.failure()).as("%s kept its stream", p.id()).isEmpty();
      assertThat(p.nacks()).isZero();
    }
    closeAll(client, backend);
  }

  @Test
  void certificatesRotateAtFourFifthsOfTheirLifeAndWhenTagsChange() throws Exception {
    String mesh = "rotating";
    cp.putMesh(mesh, RealControlPlane.builtinMtls("STRICT", "6s"));
    Dp worker = Dp.of("worker-1", "10.3.0.1", "worker", Map.of());
    cp.putDataplane(mesh, worker);
    SimulatedProxy proxy = cp.connect(mesh, "worker-1", AdsMode.SOTW);
    proxy.await(Condition.hasCertificates(), DEADLINE);
    Identity first = Identity.of(proxy.view(), mesh);
    Duration life = Duration.between(first.certificate().getNotBefore().toInstant(),
        first.certificate().getNotAfter().toInstant());
    assertThat(life).as("6s plus Kuma's 10s of clock skew allowance").isEqualTo(Duration.ofSeconds(16));

    // nothing changes in the store: the control plane pushes a new certificate by itself
    XdsView before = proxy.view();
    long t0 = System.nanoTime();
    proxy.await(Condition.changed(XdsType.SECRET, before).and(Condition.hasCertificates()), DEADLINE);
    Duration after = Duration.ofNanos(System.nanoTime() - t0);
    Identity rotated = Identity.of(proxy.view(), mesh);
    assertThat(rotated.certificate().getSerialNumber()).isNotEqualTo(first.certificate().getSerialNumber());
    // rotation at generation + 4/5 of 6s = 4.8s after the first certificate was generated
    assertThat(after).isLessThan(Duration.ofSeconds(6));
    assertThat(rotated.certificate().getNotAfter()).isAfter(first.certificate().getNotAfter());
    assertThat(proxy.failure()).isEmpty();
    closeAll(proxy);
  }

  @Test
  void aTagChangeGivesANewCertificateWithTheNewTags() throws Exception {
    String mesh = "retagged";
    cp.putMesh(mesh, RealControlPlane.builtinMtls("STRICT", null));
    Dp worker = Dp.of("worker-1", "10.4.0.1", "worker", Map.of());
    cp.putDataplane(mesh, worker);
    SimulatedProxy proxy = cp.connect(mesh, "worker-1", AdsMode.DELTA);
    proxy.await(Condition.hasCertificates(), DEADLINE);
    Identity first = Identity.of(proxy.view(), mesh);
    assertThat(first.uris()).doesNotContain("kuma://version/v2");

    cp.putDataplane(mesh, worker.withTags(Map.of("version", "v2")));

    proxy.await(Condition.of("the identity carries version=v2", v -> {
      try {
        return Identity.of(v, mesh).uris().contains("kuma://version/v2");
      } catch (RuntimeException e) {
        return false;
      }
    }), DEADLINE);
    Identity second = Identity.of(proxy.view(), mesh);
    X509Certificate meshCa = second.trusted().get(0);
    second.verify(meshCa, "spiffe://retagged/worker", "kuma://version/v2", "kuma://kuma.io/service/worker");
    assertThat(second.certificate().getSerialNumber()).isNotEqualTo(first.certificate().getSerialNumber());
    closeAll(proxy);
  }

  @Test
  void theDataplaneInsightShowsTheSubscriptionCountsVersionsAndCertificate() throws Exception {
    String mesh = "observed";
    cp.putMesh(mesh, RealControlPlane.builtinMtls("STRICT", null));
    Dp web = Dp.of("web-1", "10.5.0.1", "web", Map.of("backend", 10001));
    Dp backend1 = Dp.of("backend-1", "10.5.0.2", "backend", Map.of());
    cp.putDataplane(mesh, web);
    cp.putDataplane(mesh, backend1);
    Instant connecting = Instant.now();
    // rejects the first clusters it gets; the control plane resends them after its NACK backoff
    SimulatedProxy proxy = cp.connect(cp.bootstrap(mesh, "web-1", AdsMode.SOTW),
        o -> o.nackPolicy(NackPolicy.firstN(XdsType.CLUSTER, 1)));
    proxy.await(Condition.hasCertificates(), DEADLINE);
    String instanceId = cp.cp().bean(ControlPlaneIdentity.class).instanceId();

    String path = "/meshes/observed/dataplanes+insights/web-1";
    poll("the insight shows the ACKed and rejected responses", () -> {
      JsonNode s = subscription(path);
      return s != null && s.at("/status/cds/responsesRejected").asInt() == 1
          && s.at("/status/cds/responsesAcknowledged").asInt() >= 1 && s.at("/status/lds/responsesAcknowledged").asInt() >= 1
          && s.at("/status/eds/responsesAcknowledged").asInt() >= 1;
    });
    JsonNode insight = cp.get(path).path("dataplaneInsight");
    JsonNode s = subscription(path);
    assertThat(s.path("id").asText()).isNotEmpty();
    assertThat(s.path("controlPlaneInstanceId").asText()).isEqualTo(instanceId);
    Instant connectTime = Instant.parse(s.path("connectTime").asText());
    assertThat(connectTime).isBetween(connecting.minusSeconds(1), Instant.now());
    assertThat(s.has("disconnectTime")).isFalse();
    assertThat(s.at("/status/cds/responsesSent").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(s.at("/status/total/responsesSent").asInt())
        .isGreaterThanOrEqualTo(s.at("/status/cds/responsesSent").asInt() + s.at("/status/lds/responsesSent").asInt());
    assertThat(s.at("/version/kumaDp/version").asText()).isEqualTo("2.14.3");
    assertThat(s.at("/version/kumaDp/gitTag").asText()).isEqualTo("v2.14.3");
    assertThat(s.at("/version/envoy/version").asText()).isEqualTo(ProxyOptions.ENVOY_VERSION);
    Identity identity = Identity.of(proxy.view(), mesh);
    poll("the insight shows the certificate", () -> subscriptionInsight(path).at("/mTLS/certificateRegenerations").asInt() == 1);
    insight = subscriptionInsight(path);
    assertThat(Instant.parse(insight.at("/mTLS/certificateExpirationTime").asText()))
        .isEqualTo(identity.certificate().getNotAfter().toInstant());
    assertThat(insight.at("/mTLS/issuedBackend").asText()).isEqualTo("ca-1");
    assertThat(insight.at("/mTLS/supportedBackends/0").asText()).isEqualTo("ca-1");

    // counters keep being flushed while nothing but the proxy's ACKs happen
    int edsAcked = s.at("/status/eds/responsesAcknowledged").asInt();
    cp.putDataplane(mesh, Dp.of("backend-2", "10.5.0.3", "backend", Map.of()));
    proxy.await(Condition.hasEndpoint("backend", "10.5.0.3:8080"), DEADLINE);
    poll("the new EDS ACK is flushed", () -> subscription(path).at("/status/eds/responsesAcknowledged").asInt() > edsAcked);
    assertThat(onlineCount(mesh)).isEqualTo(1);

    closeAll(proxy);
    poll("the subscription is closed", () -> subscription(path).has("disconnectTime"));
    JsonNode closed = subscription(path);
    assertThat(Instant.parse(closed.path("disconnectTime").asText())).isAfterOrEqualTo(connectTime);
    assertThat(onlineCount(mesh)).isZero();
  }

  /** The mesh insight's count of online Dataplanes (Kuma's Online: a connected subscription). */
  private static int onlineCount(String mesh) {
    try {
      return cp.get("/mesh-insights/" + mesh).at("/dataplanes/online").asInt(0);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JsonNode subscriptionInsight(String path) {
    try {
      return cp.get(path).path("dataplaneInsight");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The newest subscription of the overview at {@code path}, or null. */
  private static JsonNode subscription(String path) {
    JsonNode subs = subscriptionInsight(path).path("subscriptions");
    return subs.size() == 0 ? null : subs.get(subs.size() - 1);
  }

  /** No inbound/outbound listener filter chain and no cluster has a transport socket (TLS). */
  private static Condition plaintext() {
    return Condition.of("every inbound/outbound listener and cluster is plaintext", v ->
        v.resources(XdsType.LISTENER).values().stream().filter(l -> l.name().startsWith("inbound:")
            || l.name().startsWith("outbound:")).allMatch(l -> l.parse(Listener.parser())
            .getFilterChainsList().stream().noneMatch(FilterChain::hasTransportSocket))
        && v.resources(XdsType.CLUSTER).values().stream().noneMatch(c -> c.parse(Cluster.parser()).hasTransportSocket()));
  }

  private static void assertSdsSecrets(CommonTlsContext tls, String mesh) {
    assertThat(tls.getTlsCertificateSdsSecretConfigsList()).singleElement()
        .satisfies(c -> assertThat(c.getName()).isEqualTo("identity_cert:secret:" + mesh))
        .satisfies(c -> assertThat(c.getSdsConfig().hasAds()).isTrue());
    assertThat(tls.getCombinedValidationContext().getValidationContextSdsSecretConfig().getName())
        .isEqualTo("mesh_ca:secret:" + mesh);
  }

  /** A proxy's identity as received over SDS: certificate, key and trusted CAs. */
  record Identity(X509Certificate certificate, PrivateKey key, List<X509Certificate> trusted) {

    static Identity of(XdsView view, String mesh) {
      Secret identity = view.resource(XdsType.SECRET, "identity_cert:secret:" + mesh).orElseThrow()
          .parse(Secret.parser());
      Secret ca = view.resource(XdsType.SECRET, "mesh_ca:secret:" + mesh).orElseThrow().parse(Secret.parser());
      List<X509Certificate> chain = Certificates.parsePem(text(identity.getTlsCertificate().getCertificateChain()));
      return new Identity(chain.get(0), privateKey(text(identity.getTlsCertificate().getPrivateKey())),
          Certificates.parsePem(text(ca.getValidationContext().getTrustedCa())));
    }

    private static String text(DataSource source) {
      return source.hasInlineBytes() ? source.getInlineBytes().toString(StandardCharsets.US_ASCII)
          : source.getInlineString();
    }

    private static PrivateKey privateKey(String pem) {
      try (org.bouncycastle.openssl.PEMParser parser = new org.bouncycastle.openssl.PEMParser(new java.io.StringReader(pem))) {
        Object o = parser.readObject();
        var converter = new org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter();
        if (o instanceof org.bouncycastle.openssl.PEMKeyPair pair) {
          return converter.getKeyPair(pair).getPrivate();
        }
        return converter.getPrivateKey((org.bouncycastle.asn1.pkcs.PrivateKeyInfo) o);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    /** The URI SANs. */
    List<String> uris() {
      try {
        List<String> out = new ArrayList<>();
        if (certificate.getSubjectAlternativeNames() != null) {
          certificate.getSubjectAlternativeNames().stream().filter(san -> (Integer) san.get(0) == 6)
              .forEach(san -> out.add((String) san.get(1)));
        }
        return out;
      } catch (java.security.cert.CertificateParsingException e) {
        throw new IllegalStateException(e);
      }
    }

    /**
     * The JDK's PKIX validation of the certificate against {@code ca} (revocation off), the URI SANs,
     * key usages, and that the key is the certificate's.
     */
    void verify(X509Certificate ca, String... expectedUris) throws Exception {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
      params.setRevocationEnabled(false);
      CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(List.of(certificate)), params);
      assertThat(uris()).contains(expectedUris);
      assertThat(certificate.getSubjectX500Principal().getName()).isEmpty();
      assertThat(certificate.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
      assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
      Signature signer = Signature.getInstance(certificate.getPublicKey().getAlgorithm().equals("EC")
          ? "SHA256withECDSA" : "SHA256withRSA");
      signer.initSign(key);
      byte[] data = "kuma".getBytes(StandardCharsets.US_ASCII);
      signer.update(data);
      byte[] signature = signer.sign();
      signer.initVerify(certificate.getPublicKey());
      signer.update(data);
      assertThat(signer.verify(signature)).as("the private key belongs to the certificate").isTrue();
    }
  }

  private static int countOf(SimulatedProxy p, XdsType type) {
    return (int) p.events().stream().filter(e -> e.type() == type).count();
  }

  private static void closeAll(SimulatedProxy... proxies) {
    cp.simulator().closeProxies(List.of(proxies));
  }
}
