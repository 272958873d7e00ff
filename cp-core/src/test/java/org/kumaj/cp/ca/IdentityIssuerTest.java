package org.kumaj.cp.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kumaj.cp.ca.CaFixtures.backend;
import static org.kumaj.cp.ca.CaFixtures.builtin;
import static org.kumaj.cp.ca.CaFixtures.create;
import static org.kumaj.cp.ca.CaFixtures.dataplane;
import static org.kumaj.cp.ca.CaFixtures.leaf;
import static org.kumaj.cp.ca.CaFixtures.mesh;
import static org.kumaj.cp.ca.CaFixtures.secret;
import static org.kumaj.cp.ca.CaFixtures.secretText;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kumaj.testing.MutableClock;
import org.kumaj.cp.xds.IdentityMaterial;
import org.kumaj.cp.xds.ProxyId;
import org.kumaj.model.Resource;
import org.kumaj.model.mesh.CertificateAuthorityBackend;
import org.kumaj.model.mesh.Mesh;
import org.kumaj.pki.KeyAndCertificate;
import org.kumaj.pki.KeyType;
import org.kumaj.pki.MeshCertificates;

class IdentityIssuerTest {
  private static final Map<String, String> WEB = Map.of("kuma.io/service", "web", "version", "v1", "kuma.io/protocol", "http");
  private static final Map<String, String> ADMIN = Map.of("kuma.io/service", "web-admin", "version", "v1");
  private static final CaSettings ECDSA = CaSettings.DEFAULTS.withKeyType(KeyType.ECDSA).withKeyPoolSize(0);
  private static Resource meshOne;

  private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  private final CaManager cas = CaFixtures.controlPlane().bean(CaManager.class);
  private final List<IdentityIssuer> issuers = new ArrayList<>();

  @BeforeAll
  static void meshes() {
    meshOne = create("id-1", mesh(builtin("ca-1", null), true));
  }

  @AfterEach
  void closeIssuers() {
    issuers.forEach(IdentityIssuer::close);
  }

  private IdentityIssuer issuer(CaSettings settings) {
    IdentityIssuer issuer = new IdentityIssuer(cas, clock, settings);
    issuers.add(issuer);
    return issuer;
  }

  @Test
  void issuedIdentityCarriesKumasSansAndChainsToTheMeshCa(@TempDir Path dir) throws Exception {
    IdentityIssuer issuer = issuer(CaSettings.DEFAULTS.withKeyPoolSize(0));
    ProxyId id = new ProxyId("id-1", "web-01");
    IdentityMaterial material = issuer.issue(id, dataplane("id-1", "web-01", null, WEB, ADMIN), meshOne);

    String caPem = secretText("id-1", "id-1.ca-builtin-cert-ca-1");
    assertThat(material.trustedCaPems()).containsExactly(caPem);
    assertThat(material.backend()).isEqualTo("ca-1");
    assertThat(material.privateKeyPem()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    assertThat(KeyAndCertificate.parse(material.certificateChainPem(), material.privateKeyPem())).isNotNull();
    X509Certificate cert = leaf(material.certificateChainPem());
    assertThat(cert.getSubjectX500Principal().getName()).isEmpty();
    assertThat(CaFixtures.uris(cert)).containsExactly(
        "spiffe://id-1/web", "spiffe://id-1/web-admin",
        "kuma://kuma.io/protocol/http", "kuma://kuma.io/service/web", "kuma://kuma.io/service/web-admin",
        "kuma://version/v1");
    assertThat(cert.getKeyUsage()).containsExactly(true, false, true, false, true, false, false, false, false);
    assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
    assertThat(cert.getNotBefore().toInstant()).isEqualTo(clock.instant().minusSeconds(10));
    assertThat(cert.getNotAfter().toInstant()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
    assertThat(material.expiration()).isEqualTo(cert.getNotAfter().toInstant());

    X509Certificate ca = leaf(caPem);
    CaFixtures.pkix(ca, cert, clock.instant());
    CaFixtures.opensslVerifies(dir, caPem, material.certificateChainPem(), "sslserver", clock.instant());
    CaFixtures.opensslVerifies(dir, caPem, material.certificateChainPem(), "sslclient", clock.instant());

    assertThat(issuer.status(id)).hasValue(new IdentityStatus(material.expiration(), clock.instant(), 1, "ca-1", List.of("ca-1")));
    assertThat(issuer.status(id).orElseThrow().toInsight().certificateRegenerations()).isEqualTo(1);
  }

  @Test
  void rotatesAtFourFifthsOfTheLifetime() {
    IdentityIssuer issuer = issuer(ECDSA);
    ProxyId id = new ProxyId("id-1", "web-02");
    Resource dp = dataplane("id-1", "web-02", null, WEB);
    Instant start = clock.instant();
    IdentityMaterial first = issuer.issue(id, dp, meshOne);
    Instant due = start.plus(Duration.ofHours(24).dividedBy(5).multipliedBy(4));
    assertThat(issuer.nextRotation(id)).hasValue(due);

    clock.advance(Duration.between(start, due));
    assertThat(issuer.issue(id, dp, meshOne)).as("exactly at 4/5: kept").isSameAs(first);
    clock.advance(Duration.ofSeconds(1));
    IdentityMaterial second = issuer.issue(id, dp, meshOne);
    assertThat(second).isNotSameAs(first);
    assertThat(leaf(second.certificateChainPem()).getSerialNumber())
        .isNotEqualTo(leaf(first.certificateChainPem()).getSerialNumber());
    assertThat(second.expiration()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
    assertThat(issuer.status(id).orElseThrow().certificateRegenerations()).isEqualTo(2);
    assertThat(issuer.status(id).orElseThrow().lastCertificateRegeneration()).isEqualTo(clock.instant());
    assertThat(issuer.issue(id, dp, meshOne)).isSameAs(second);
    assertThat(issuer.generatedCertificates()).isEqualTo(2);
  }

  @Test
  void dpCertRotationExpirationSetsTheLifetime() {
    Resource mesh = create("id-exp", mesh(backend("ca-1", CertificateAuthorityBackend.BUILTIN, null, "1h", null), true));
    IdentityIssuer issuer = issuer(ECDSA);
    ProxyId id = new ProxyId("id-exp", "web-01");
    IdentityMaterial material = issuer.issue(id, dataplane("id-exp", "web-01", null, WEB), mesh);
    assertThat(material.expiration()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
    assertThat(issuer.nextRotation(id)).hasValue(clock.instant().plus(Duration.ofMinutes(48)));
  }

  @Test
  void rotatesWhenTheTagsChangeAndOnlyThen() throws Exception {
    IdentityIssuer issuer = issuer(ECDSA);
    ProxyId id = new ProxyId("id-1", "web-03");
    IdentityMaterial first = issuer.issue(id, dataplane("id-1", "web-03", null, WEB), meshOne);
    assertThat(issuer.issue(id, dataplane("id-1", "web-03", Map.of("team", "a"), new java.util.TreeMap<>(WEB)), meshOne))
        .as("same tags, other labels").isSameAs(first);

    IdentityMaterial second = issuer.issue(id, dataplane("id-1", "web-03", null, Map.of("kuma.io/service", "web", "version", "v2")), meshOne);
    assertThat(second).isNotSameAs(first);
    assertThat(CaFixtures.uris(leaf(second.certificateChainPem())))
        .containsExactly("spiffe://id-1/web", "kuma://kuma.io/service/web", "kuma://version/v2");
  }

  @Test
  void rotatesWhenTheCaBackendChangesButNotForTheMode() {
    Resource mesh = create("id-switch", mesh(builtin("ca-1", null), true));
    IdentityIssuer issuer = issuer(ECDSA);
    ProxyId id = new ProxyId("id-switch", "web-01");
    Resource dp = dataplane("id-switch", "web-01", null, WEB);
    IdentityMaterial first = issuer.issue(id, dp, mesh);

    Resource permissive = mesh.withSpec(mesh(backend("ca-1", CertificateAuthorityBackend.BUILTIN, null, null, "PERMISSIVE"), true));
    assertThat(issuer.issue(id, dp, permissive)).as("mode only").isSameAs(first);

    Resource shorter = mesh.withSpec(mesh(backend("ca-1", CertificateAuthorityBackend.BUILTIN, null, "2h", null), true));
    IdentityMaterial second = issuer.issue(id, dp, shorter);
    assertThat(second).isNotSameAs(first);
    assertThat(second.expiration()).isEqualTo(clock.instant().plus(Duration.ofHours(2)));

    Mesh twoBackends = new Mesh(new Mesh.Mtls("ca-2", List.of(builtin("ca-1", null), builtin("ca-2", null)), null),
        null, null, null, null, null, null, null, null);
    Resource other = mesh.withSpec(twoBackends);
    cas.ensureBackends(other);
    IdentityMaterial third = issuer.issue(id, dp, other);
    assertThat(third.backend()).isEqualTo("ca-2");
    assertThat(third.trustedCaPems()).containsExactly(secretText("id-switch", "id-switch.ca-builtin-cert-ca-2"));
    assertThat(issuer.status(id).orElseThrow().supportedBackends()).containsExactly("ca-2");

    Resource recreated = other.withMeta(other.meta().stored(Instant.EPOCH, Instant.EPOCH, "1"));
    assertThat(issuer.issue(id, dp, recreated)).as("mesh deleted and created again").isNotSameAs(third);
  }

  @Test
  void meshWithoutMtlsHasNoIdentity() {
    IdentityIssuer issuer = issuer(ECDSA);
    ProxyId id = new ProxyId("id-1", "web-04");
    Resource dp = dataplane("id-1", "web-04", null, WEB);
    assertThat(issuer.identityFor(id, dp, meshOne)).isPresent();
    assertThat(issuer.status(id)).isPresent();

    assertThat(issuer.identityFor(id, dp, meshOne.withSpec(mesh(builtin("ca-1", null), false)))).isEmpty();
    assertThat(issuer.status(id)).as("forgotten when mTLS is off").isEmpty();
    assertThat(issuer.nextRotation(id)).isEmpty();
    assertThatThrownBy(() -> issuer.issue(id, dp, meshOne.withSpec(Mesh.EMPTY)))
        .isInstanceOf(CaException.class).hasMessage("CA default backend in mesh \"id-1\" has to be defined");
  }

  @Test
  void failedGenerationBacksOffThenRecovers() {
    CertificateAuthorityBackend provided = backend("ca-1", CertificateAuthorityBackend.PROVIDED,
        "{\"cert\":{\"secret\":\"p-cert\"},\"key\":{\"secret\":\"p-key\"}}", null, null);
    Resource mesh = create("id-backoff", Mesh.EMPTY).withSpec(mesh(provided, true));
    IdentityIssuer issuer = issuer(ECDSA);
    ProxyId id = new ProxyId("id-backoff", "web-01");
    Resource dp = dataplane("id-backoff", "web-01", null, WEB);

    assertThatThrownBy(() -> issuer.issue(id, dp, mesh))
        .isInstanceOf(CaException.class)
        .hasMessageStartingWith("could not generate dataplane cert for mesh: \"id-backoff\" backend: \"ca-1\" services: "
            + "\"kuma.io/protocol=http kuma.io/service=web version=v1\": failed to load CA key pair")
        .hasMessageContaining("could not load data: Resource not found: type=\"Secret\" name=\"p-key\"");
    assertThat(issuer.nextRotation(id)).hasValue(clock.instant().plusSeconds(5));

    KeyAndCertificate ca = new MeshCertificates(Clock.systemUTC()).rootCa("id-backoff", KeyType.ECDSA.generate(), null);
    secret("id-backoff", "p-cert", ca.certificatePem());
    secret("id-backoff", "p-key", ca.keyPem());
    clock.advance(Duration.ofSeconds(4));
    assertThatThrownBy(() -> issuer.issue(id, dp, mesh))
        .isInstanceOf(CaException.class)
        .hasMessageStartingWith("backing off certificate generation for mesh \"id-backoff\" backend \"ca-1\" "
            + "after a previous failure (retry after 1s)");

    clock.advance(Duration.ofSeconds(1));
    IdentityMaterial material = issuer.issue(id, dp, mesh);
    assertThat(material.trustedCaPems()).containsExactly(ca.certificatePem());
    assertThat(issuer.nextRotation(id)).hasValue(clock.instant().plus(Duration.ofMinutes(24 * 60 * 4 / 5)));
    assertThat(issuer.failedGenerations()).isEqualTo(1);
  }

  @Test
  void backoffDoublesUpToTheMaximum() {
    Resource mesh = create("id-broken", Mesh.EMPTY).withSpec(mesh(backend("ca-1", CertificateAuthorityBackend.PROVIDED,
        "{\"cert\":{\"secret\":\"none\"},\"key\":{\"secret\":\"none\"}}", null, null), true));
    CaSettings settings = new CaSettings(KeyType.ECDSA, 0, Duration.ofSeconds(5), Duration.ofSeconds(30), false);
    IdentityIssuer issuer = issuer(settings);
    ProxyId id = new ProxyId("id-broken", "web-01");
    Resource dp = dataplane("id-broken", "web-01", null, WEB);

    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Instant before = clock.instant();
      assertThatThrownBy(() -> issuer.issue(id, dp, mesh)).hasMessageContaining("could not load data");
      Instant retry = issuer.nextRotation(id).orElseThrow();
      waits.add(Duration.between(before, retry).toSeconds());
      clock.advance(Duration.between(before, retry).minusSeconds(1));
      assertThatThrownBy(() -> issuer.issue(id, dp, mesh)).hasMessageStartingWith("backing off");
      clock.advance(Duration.ofSeconds(1));
    }
    assertThat(waits).containsExactly(5L, 10L, 20L, 30L, 30L);
    assertThat(issuer.failedGenerations()).as("the CA is not asked while backing off").isEqualTo(5);

    issuer.forget(id);
    assertThatThrownBy(() -> issuer.issue(id, dp, mesh)).hasMessageContaining("could not load data");
  }

  @Test
  void badInputsAreCaExceptions() {
    IdentityIssuer issuer = issuer(ECDSA);
    ProxyId id = new ProxyId("id-1", "bad");
    Resource dp = dataplane("id-1", "bad", null, WEB);

    assertThatThrownBy(() -> issuer.issue(id, dp, meshOne.withSpec(mesh(backend("ca-1", "vault", null, null, null), true))))
        .isInstanceOf(CaException.class).hasMessageEndingWith(": CA manager of type vault not exist");
    assertThatThrownBy(() -> issuer.issue(new ProxyId("id-1", "x"), dataplane("id-1", "x", null, Map.of("version", "v1")), meshOne))
        .isInstanceOf(CaException.class)
        .hasMessage("dataplane \"x\" has no kuma.io/service tag and no kuma.io/workload label, cannot derive mTLS identity");
    assertThatThrownBy(() -> issuer.issue(new ProxyId("id-1", "y"), dataplane("id-1", "y", null, Map.of("kuma.io/service", "a/b")), meshOne))
        .isInstanceOf(CaException.class).hasMessageContaining("path segment characters are limited");
    assertThatThrownBy(() -> issuer.issue(new ProxyId("id-1", "z"), dp, meshOne.withSpec(
        mesh(backend("ca-1", CertificateAuthorityBackend.BUILTIN, null, "soon", null), true))))
        .isInstanceOf(CaException.class).hasMessageEndingWith("not a valid duration string: \"soon\"");
    assertThatThrownBy(() -> issuer.issue(new ProxyId("id-1", "zero"), dp, meshOne.withSpec(
        mesh(backend("ca-1", CertificateAuthorityBackend.BUILTIN, null, "0", null), true))))
        .isInstanceOf(CaException.class).hasMessageContaining("validity must be positive");
    assertThatThrownBy(() -> issuer.issue(id, dp, dp))
        .isInstanceOf(CaException.class).hasMessageContaining("is not a Mesh");
    assertThatThrownBy(() -> issuer.issue(new ProxyId("id-1", "rsa-bits"), dp, meshOne.withSpec(
        mesh(builtin("ca-9", "{\"caCert\":{\"RSAbits\":100}}"), true))))
        .isInstanceOf(CaException.class).hasMessageEndingWith("mtls.backends[0].conf.caCert.RSAbits: must be at least 1024");

    CaSettings zone = new CaSettings(KeyType.ECDSA, 0, Duration.ofSeconds(5), Duration.ofMinutes(5), true);
    IdentityIssuer onZone = new IdentityIssuer(new CaManager(CaFixtures.manager(), clock, zone), clock, zone);
    issuers.add(onZone);
    assertThatThrownBy(() -> onZone.issue(new ProxyId("nowhere-ca", "a"), dataplane("nowhere-ca", "a", null, WEB),
        create("nowhere-ca", Mesh.EMPTY).withSpec(mesh(builtin("ca-1", null), true))))
        .as("a federated zone waits for the global CP's CA")
        .isInstanceOf(CaException.class).hasMessageContaining("Resource not found: type=\"Secret\"");
  }

  @Test
  void firstCertificatesOfAMeshThatJustSwitchedMtlsOnCreateItsCaOnce() throws Exception {
    // the Mesh as the issuer sees it before anything created its CA (a stored update would have)
    Resource mesh = create("id-burst", Mesh.EMPTY).withSpec(mesh(builtin("ca-1", null), true));
    assertThat(secretText("id-burst", "id-burst.ca-builtin-cert-ca-1")).as("nobody called ensureBackends").isNull();
    IdentityIssuer issuer = issuer(ECDSA);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<IdentityMaterial>> proxies = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String name = "dp-" + i;
        proxies.add(() -> issuer.issue(new ProxyId("id-burst", name), dataplane("id-burst", name, null, WEB), mesh));
      }
      Set<List<String>> trusted = new HashSet<>();
      for (Future<IdentityMaterial> f : pool.invokeAll(proxies)) {
        trusted.add(f.get().trustedCaPems());
      }
      assertThat(trusted).containsExactly(List.of(secretText("id-burst", "id-burst.ca-builtin-cert-ca-1")));
      assertThat(issuer.failedGenerations()).isZero();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theIssuerIsTheControlPlanesProxyIdentitiesBean() {
    IdentityIssuer bean = CaFixtures.controlPlane().bean(IdentityIssuer.class);
    assertThat(CaFixtures.controlPlane().bean(org.kumaj.cp.xds.ProxyIdentities.class)).isSameAs(bean);
  }

  @Test
  void workloadLabelIsTheIdentityOfADataplaneWithoutServiceTag() throws Exception {
    IdentityIssuer issuer = issuer(ECDSA);
    IdentityMaterial material = issuer.issue(new ProxyId("id-1", "wl"),
        dataplane("id-1", "wl", Map.of("kuma.io/workload", "payments"), Map.of("version", "v1")), meshOne);
    assertThat(CaFixtures.uris(leaf(material.certificateChainPem())))
        .containsExactly("spiffe://id-1/payments", "kuma://kuma.io/service/payments");
  }

  @Test
  void concurrentCallsForOneProxyGenerateOnceAndProxiesDoNotBlockEachOther() throws Exception {
    IdentityIssuer issuer = issuer(CaSettings.DEFAULTS.withKeyType(KeyType.ECDSA).withKeyPoolSize(4));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<IdentityMaterial>> same = new ArrayList<>();
      List<Callable<IdentityMaterial>> distinct = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        same.add(() -> issuer.issue(new ProxyId("id-1", "shared"), dataplane("id-1", "shared", null, WEB), meshOne));
        String name = "own-" + i;
        distinct.add(() -> issuer.issue(new ProxyId("id-1", name), dataplane("id-1", name, null, WEB), meshOne));
      }
      Set<IdentityMaterial> shared = new HashSet<>();
      for (Future<IdentityMaterial> f : pool.invokeAll(same)) {
        shared.add(f.get());
      }
      assertThat(shared).hasSize(1);
      Set<String> certs = new HashSet<>();
      for (Future<IdentityMaterial> f : pool.invokeAll(distinct)) {
        certs.add(f.get().certificateChainPem());
      }
      assertThat(certs).hasSize(16);
      assertThat(issuer.generatedCertificates()).isEqualTo(17);
    } finally {
      pool.shutdownNow();
    }
  }
}
