package org.kumaj.cp.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kumaj.cp.ca.CaFixtures.backend;
import static org.kumaj.cp.ca.CaFixtures.builtin;
import static org.kumaj.cp.ca.CaFixtures.create;
import static org.kumaj.cp.ca.CaFixtures.manager;
import static org.kumaj.cp.ca.CaFixtures.mesh;
import static org.kumaj.cp.ca.CaFixtures.secret;
import static org.kumaj.cp.ca.CaFixtures.secretText;
import static org.kumaj.cp.ca.CaFixtures.update;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kumaj.testing.MutableClock;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.codec.Json;
import org.kumaj.model.mesh.CertificateAuthorityBackend;
import org.kumaj.model.mesh.Mesh;
import org.kumaj.model.system.Secret;
import org.kumaj.model.validation.ValidationException;
import org.kumaj.model.validation.Violation;
import org.kumaj.pki.Certificates;
import org.kumaj.pki.CertificateUsage;
import org.kumaj.pki.KeyAndCertificate;
import org.kumaj.pki.KeyType;
import org.kumaj.pki.MeshCertificates;
import org.kumaj.pki.Pem;

class CaManagerTest {
  private final CaManager cas = CaFixtures.controlPlane().bean(CaManager.class);

  @Test
  void meshWithBuiltinBackendGetsItsCaAsTwoSecretsOwnedByTheMesh() throws Exception {
    Resource mesh = create("builtin-1", mesh(builtin("ca-1", null), true));

    String certPem = secretText("builtin-1", "builtin-1.ca-builtin-cert-ca-1");
    String keyPem = secretText("builtin-1", "builtin-1.ca-builtin-key-ca-1");
    assertThat(certPem).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(keyPem).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    KeyAndCertificate ca = KeyAndCertificate.parse(certPem, keyPem);
    X509Certificate cert = ca.certificate();
    assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=builtin-1,OU=Mesh,O=Kuma");
    assertThat(cert.getSerialNumber()).isEqualTo(BigInteger.ZERO);
    assertThat(cert.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
    assertThat(CaFixtures.uris(cert)).containsExactly("spiffe://builtin-1");
    assertThat(((RSAKey) cert.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
    assertThat(Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant()))
        .isEqualTo(Duration.ofDays(3650).plusSeconds(10));
    assertThat(cas.rootCertificates("builtin-1", builtin("ca-1", null))).containsExactly(certPem);
    assertThat(cas.usedSecrets("builtin-1", builtin("ca-1", null)))
        .containsExactly("builtin-1.ca-builtin-cert-ca-1", "builtin-1.ca-builtin-key-ca-1");

    Resource stored = manager().get(key("builtin-1", "builtin-1.ca-builtin-cert-ca-1")).orElseThrow();
    assertThat(cas.ensureBackends(mesh)).as("created once").isFalse();
    assertThat(manager().get(key("builtin-1", "builtin-1.ca-builtin-cert-ca-1")).orElseThrow().meta().version())
        .isEqualTo(stored.meta().version());
    assertThat(secretText("builtin-1", "builtin-1.ca-builtin-cert-ca-1")).isEqualTo(certPem);

    manager().delete(mesh.key());
    assertThat(manager().get(key("builtin-1", "builtin-1.ca-builtin-cert-ca-1"))).as("deleted with the mesh").isEmpty();
    assertThat(manager().get(key("builtin-1", "builtin-1.ca-builtin-key-ca-1"))).isEmpty();
  }

  @Test
  void meshSwitchingMtlsOnLaterGetsItsCaWithTheUpdate() {
    Resource mesh = create("later-1", Mesh.EMPTY);
    assertThat(secretText("later-1", "later-1.ca-builtin-cert-ca-1")).isNull();

    Resource updated = CaFixtures.update(mesh, mesh(builtin("ca-1", null), true));
    assertThat(secretText("later-1", "later-1.ca-builtin-cert-ca-1")).as("Kuma's EnsureCAs on update").isNotNull();
    assertThat(secretText("later-1", "later-1.ca-builtin-key-ca-1")).isNotNull();
    assertThat(cas.ensureBackends(updated)).as("already there").isFalse();
  }

  @Test
  void everyBuiltinBackendGetsACaEvenWhenNotEnabledAsInKuma() {
    create("disabled-1", mesh(builtin("ca-1", null), false));
    assertThat(secretText("disabled-1", "disabled-1.ca-builtin-cert-ca-1")).isNotNull();
  }

  @Test
  void builtinConfSetsKeySizeAndExpiration() {
    create("conf-1", mesh(builtin("ca-1", "{\"caCert\":{\"RSAbits\":1024,\"expiration\":\"1y\"}}"), true));
    X509Certificate cert = Pem.certificates(secretText("conf-1", "conf-1.ca-builtin-cert-ca-1")).get(0);
    assertThat(((RSAKey) cert.getPublicKey()).getModulus().bitLength()).isEqualTo(1024);
    assertThat(Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant()))
        .isEqualTo(Duration.ofDays(365).plusSeconds(10));
  }

  @Test
  void ecdsaOptionMakesP256RootCas() {
    Resource mesh = create("ecdsa-1", Mesh.EMPTY).withSpec(mesh(builtin("ca-1", null), true));
    CaManager ecdsa = new CaManager(manager(), Clock.systemUTC(), CaSettings.DEFAULTS.withKeyType(KeyType.ECDSA));
    assertThat(ecdsa.ensureBackends(mesh)).isTrue();
    assertThat(secretText("ecdsa-1", "ecdsa-1.ca-builtin-key-ca-1"))
        .startsWith("-----BEGIN EC PRIVATE KEY-----");
  }

  @Test
  void federatedZoneLeavesCaCreationToTheGlobalControlPlane() {
    Resource mesh = create("zone-1", Mesh.EMPTY).withSpec(mesh(builtin("ca-1", null), true));
    CaSettings zone = new CaSettings(KeyType.RSA, 0, Duration.ofSeconds(5), Duration.ofMinutes(5), true);
    assertThat(new CaManager(manager(), Clock.systemUTC(), zone).ensureBackends(mesh)).isFalse();
    assertThat(secretText("zone-1", "zone-1.ca-builtin-cert-ca-1")).isNull();
  }

  @Test
  void builtinConfThatCannotMakeACaIsAValidationError() {
    assertThatThrownBy(() -> create("bad-bits", mesh(builtin("ca-1", "{\"caCert\":{\"RSAbits\":512}}"), true)))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).violations()).containsExactly(
            new Violation("mtls.backends[0].conf.caCert.RSAbits", "must be at least 1024")));
    assertThatThrownBy(() -> create("bad-exp", mesh(builtin("ca-1", "{\"caCert\":{\"expiration\":\"10 years\"}}"), true)))
        .satisfies(e -> assertThat(((ValidationException) e).violations()).containsExactly(
            new Violation("mtls.backends[0].conf.caCert.expiration", "not a valid duration string: \"10 years\"")));
    assertThatThrownBy(() -> create("bad-name", mesh(builtin("CA_1", null), true)))
        .satisfies(e -> assertThat(((ValidationException) e).violations()).containsExactly(
            new Violation("mtls.backends[0].conf.mtls.backends.name", "\"CA_1\" name must be valid dns name")));
    assertThatThrownBy(() -> create("bad-conf", mesh(builtin("ca-1", "{\"caCert\":{\"RSAbits\":\"many\"}}"), true)))
        .satisfies(e -> assertThat(((ValidationException) e).violations()).singleElement()
            .satisfies(v -> {
              assertThat(v.field()).isEqualTo("mtls.backends[0].conf");
              assertThat(v.message()).startsWith("could not convert backend config: ");
            }));
    assertThat(manager().get(ResourceKey.global(Mesh.TYPE, "bad-bits"))).as("refused before it is stored").isEmpty();
  }

  @Test
  void theManagerRunsKumasMeshChecksOnCreateAndUpdate() {
    CertificateAuthorityBackend vault = backend("ca-1", "vault", null, null, null);
    assertThatThrownBy(() -> create("vault-1", mesh(vault, true)))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).containsExactly(
            new Violation("mtls.backends[0].type", "could not find installed plugin for this type")));

    Resource stored = create("switch-1", mesh(builtin("ca-1", null), true));
    assertThatThrownBy(() -> update(stored, mesh(builtin("ca-2", null), true)))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).containsExactly(
            new Violation("mtls.enabledBackend", "Changing CA when mTLS is enabled is forbidden. Disable mTLS first"
                + " and then change the CA")));
    assertThatThrownBy(() -> update(stored, mesh(provided(sources("no-such-cert", "no-such-key")), true)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void unknownBackendTypeIsReportedNotThrown() {
    CertificateAuthorityBackend vault = backend("ca-1", "vault", null, null, null);
    Resource mesh = create("unknown-1", Mesh.EMPTY).withSpec(mesh(vault, true));
    assertThat(cas.ensureBackends(mesh)).isFalse();
    assertThat(cas.validate("unknown-1", mesh(vault, true)).list()).containsExactly(
        new Violation("mtls.backends[0].type", "could not find installed plugin for this type"));
    assertThat(cas.usedSecrets("unknown-1", vault)).isEmpty();
    assertThatThrownBy(() -> cas.rootCertificates("unknown-1", vault))
        .isInstanceOf(CaException.class).hasMessage("CA manager of type vault not exist");
  }

  @Test
  void providedBackendReadsSecretsFilesAndInlineSources(@TempDir Path dir) throws Exception {
    create("provided-1", Mesh.EMPTY);
    KeyAndCertificate ca = new MeshCertificates(Clock.systemUTC()).rootCa("provided-1", KeyType.ECDSA.generate(), null);
    secret("provided-1", "my-ca-cert", ca.certificatePem());
    Path keyFile = Files.writeString(dir.resolve("ca.key"), ca.keyPem());
    String inline = java.util.Base64.getEncoder().encodeToString(ca.certificatePem().getBytes());
    CertificateAuthorityBackend fromSecret = provided("{\"cert\":{\"secret\":\"my-ca-cert\"},\"key\":{\"file\":\""
        + keyFile + "\"}}");
    CertificateAuthorityBackend fromInline = provided("{\"cert\":{\"inline\":\"" + inline + "\"},\"key\":{\"inlineString\":"
        + Json.mapper().writeValueAsString(ca.keyPem()) + "}}");

    for (CertificateAuthorityBackend backend : List.of(fromSecret, fromInline)) {
      assertThat(cas.validate("provided-1", mesh(backend, true)).list()).isEmpty();
      assertThat(cas.rootCertificates("provided-1", backend)).containsExactly(ca.certificatePem());
      assertThat(cas.load("provided-1", backend).signer().certificate()).isEqualTo(ca.certificate());
    }
    assertThat(cas.usedSecrets("provided-1", fromSecret)).containsExactly("my-ca-cert");
    assertThat(cas.ensureBackends(manager().get(ResourceKey.global(Mesh.TYPE, "provided-1")).orElseThrow()
        .withSpec(mesh(fromSecret, true)))).as("nothing to create").isFalse();
  }

  @Test
  void providedBackendWithABadCertOrKeyGivesClearErrors() {
    create("provided-bad", Mesh.EMPTY);
    KeyAndCertificate ca = new MeshCertificates(Clock.systemUTC()).rootCa("provided-bad", KeyType.ECDSA.generate(), null);
    KeyAndCertificate notCa = new Certificates(Clock.systemUTC())
        .selfSigned(CertificateUsage.SERVER, KeyType.ECDSA, List.of("example.com"));
    KeyAndCertificate leafLike = new MeshCertificates(new MutableClock(java.time.Instant.now()))
        .workload(ca, "provided-bad", java.util.Map.of("kuma.io/service", List.of("a")), KeyType.ECDSA.generate(), null);
    secret("provided-bad", "ca-cert", ca.certificatePem());
    secret("provided-bad", "ca-key", ca.keyPem());
    secret("provided-bad", "other-key", Pem.encode(KeyType.ECDSA.generate().getPrivate()));
    secret("provided-bad", "leaf-cert", leafLike.certificatePem());
    secret("provided-bad", "leaf-key", leafLike.keyPem());
    secret("provided-bad", "garbage", "not a pem");

    assertThat(violations(provided(sources("ca-cert", "other-key")))).containsExactly(
        new Violation("mtls.backends[0].conf.cert", "not a valid TLS key pair: tls: private key does not match public key"));
    assertThat(violations(provided(sources("garbage", "ca-key")))).containsExactly(
        new Violation("mtls.backends[0].conf.cert", "not a valid TLS key pair: tls: failed to find any PEM data in certificate input"));
    assertThat(violations(provided(sources("leaf-cert", "leaf-key")))).containsExactly(
        new Violation("mtls.backends[0].conf.cert[0]", "basic constraint 'CA' must be set to 'true' (see X509-SVID: 4.1. Basic Constraints)"),
        new Violation("mtls.backends[0].conf.cert[0]", "key usage extension 'keyCertSign' must be set (see X509-SVID: 4.3. Key Usage)"),
        new Violation("mtls.backends[0].conf.cert[0]", "key usage extension 'keyAgreement' must NOT be set (see X509-SVID: Appendix A. X.509 Field Reference)"));
    String missing = "could not load data: Resource not found: type=\"Secret\" name=\"nope\" mesh=\"provided-bad\"";
    assertThat(violations(provided(sources("ca-cert", "nope")))).containsExactly(
        new Violation("mtls.backends[0].conf.cert", missing), new Violation("mtls.backends[0].conf.key", missing));
    assertThat(violations(provided("{\"cert\":{\"secret\":\"\"}}"))).containsExactly(
        new Violation("mtls.backends[0].conf.cert.secret", "cannot be empty"),
        new Violation("mtls.backends[0].conf.key", "has to be defined"));
    assertThat(violations(provided("{\"cert\":7}"))).singleElement()
        .satisfies(v -> assertThat(v.message()).startsWith("could not convert backend config: "));

    Mesh skipped = new Mesh(new Mesh.Mtls("ca-1", List.of(provided(sources("ca-cert", "nope"))), true),
        null, null, null, null, null, null, null, null);
    assertThat(cas.validate("provided-bad", skipped).list()).as("skipValidation").isEmpty();

    assertThatThrownBy(() -> cas.load("provided-bad", provided(sources("leaf-cert", "leaf-key"))))
        .isInstanceOf(CaException.class)
        .hasMessageStartingWith("failed to load CA key pair for Mesh \"provided-bad\" and backend \"ca-1\": cert[0]: basic constraint 'CA'");
    assertThatThrownBy(() -> cas.load("provided-bad", provided(sources("ca-cert", "other-key"))))
        .isInstanceOf(CaException.class)
        .hasMessageEndingWith("cert: not a valid TLS key pair: tls: private key does not match public key");
    assertThatThrownBy(() -> cas.load("provided-bad", provided("{\"cert\":{\"file\":\"/no/such/file\"},\"key\":{\"secret\":\"ca-key\"}}")))
        .isInstanceOf(CaException.class)
        .hasMessageEndingWith("could not load data: open /no/such/file: no such file or directory");
  }

  @Test
  void missingBuiltinSecretsAreAClearError() {
    assertThatThrownBy(() -> cas.rootCertificates("nowhere", builtin("ca-1", null)))
        .isInstanceOf(CaException.class)
        .hasMessage("failed to load CA key pair for Mesh \"nowhere\" and backend \"ca-1\": "
            + "Resource not found: type=\"Secret\" name=\"nowhere.ca-builtin-cert-ca-1\" mesh=\"nowhere\"");
  }

  @Test
  void halfPresentBuiltinCaIsReportedNotReplaced() {
    Resource mesh = create("half-1", Mesh.EMPTY);
    secret("half-1", "half-1.ca-builtin-cert-ca-1", "left over");
    assertThatThrownBy(() -> cas.ensureBackends(mesh.withSpec(mesh(builtin("ca-1", null), true))))
        .isInstanceOf(CaException.class)
        .hasMessageContaining("Secret half-1.ca-builtin-key-ca-1 is missing");
    assertThat(secretText("half-1", "half-1.ca-builtin-cert-ca-1")).isEqualTo("left over");
  }

  private List<Violation> violations(CertificateAuthorityBackend backend) {
    return cas.validate("provided-bad", mesh(backend, true)).list();
  }

  private static CertificateAuthorityBackend provided(String conf) {
    return backend("ca-1", CertificateAuthorityBackend.PROVIDED, conf, null, null);
  }

  private static String sources(String certSecret, String keySecret) {
    return "{\"cert\":{\"secret\":\"" + certSecret + "\"},\"key\":{\"secret\":\"" + keySecret + "\"}}";
  }

  private static ResourceKey key(String mesh, String name) {
    return new ResourceKey(Secret.TYPE, mesh, name);
  }
}
