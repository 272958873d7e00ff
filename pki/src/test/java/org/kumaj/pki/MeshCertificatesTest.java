package org.kumaj.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MeshCertificatesTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  private static final String SAN_OID = "2.5.29.17";
  private static final Map<String, List<String>> TAGS = Map.of(
      "kuma.io/service", List.of("web", "backend"),
      "version", List.of("v1", "v1"),
      "kuma.io/zone", List.of("zone-1"));

  private static KeyAndCertificate rsaCa;
  private static KeyAndCertificate ecdsaCa;
  private final MeshCertificates certificates = new MeshCertificates(Clock.fixed(NOW, ZoneOffset.UTC));

  @BeforeAll
  static void cas() {
    MeshCertificates at = new MeshCertificates(Clock.fixed(NOW, ZoneOffset.UTC));
    rsaCa = at.rootCa("demo", KeyType.RSA.generate(), null);
    ecdsaCa = at.rootCa("demo", KeyType.ECDSA.generate(), null);
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void rootCaHasKumasSubjectSanSerialUsagesAndValidity(KeyType type) throws Exception {
    X509Certificate ca = (type == KeyType.RSA ? rsaCa : ecdsaCa).certificate();

    assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=demo,OU=Mesh,O=Kuma");
    assertThat(ca.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
    assertThat(ca.getSerialNumber()).isEqualTo(BigInteger.ZERO);
    assertThat(uris(ca)).containsExactly("spiffe://demo");
    assertThat(ca.getBasicConstraints()).as("CA without a path length").isEqualTo(Integer.MAX_VALUE);
    assertThat(ca.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
    assertThat(ca.getKeyUsage()).containsExactly(false, false, false, false, false, true, true, false, false);
    assertThat(ca.getNotBefore().toInstant()).isEqualTo(NOW.minusSeconds(10));
    assertThat(ca.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(3650)));
    assertThat(ca.getExtensionValue(Extension.subjectKeyIdentifier.getId())).isNotNull();
    ca.verify(ca.getPublicKey());
    if (type == KeyType.RSA) {
      assertThat(((RSAKey) ca.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
      assertThat(ca.getSigAlgName()).isEqualTo("SHA256withRSA");
    } else {
      assertThat(ca.getSigAlgName()).isEqualTo("SHA256withECDSA");
    }
  }

  @Test
  void rootCaTakesKeySizeAndExpiration() {
    KeyAndCertificate ca = certificates.rootCa("other-mesh", KeyType.rsa(1024), Duration.ofDays(30));
    assertThat(((RSAKey) ca.certificate().getPublicKey()).getModulus().bitLength()).isEqualTo(1024);
    assertThat(ca.certificate().getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(30)));
    assertThat(ca.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=other-mesh,OU=Mesh,O=Kuma");
  }

  @Test
  void rootCaRefusesWhatIsNotATrustDomainOrAValidity() {
    KeyPair keys = KeyType.ECDSA.generate();
    assertThatThrownBy(() -> certificates.rootCa("Demo", keys, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trust domain characters are limited to lowercase letters");
    assertThatThrownBy(() -> certificates.rootCa("", keys, null)).hasMessage("trust domain is missing");
    assertThatThrownBy(() -> certificates.rootCa("demo", keys, Duration.ZERO))
        .hasMessageContaining("validity must be positive");
    assertThatThrownBy(() -> KeyType.rsa(512)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void workloadCertificateHasEmptySubjectUriSansUsagesAndValidity(KeyType caType) throws Exception {
    KeyAndCertificate ca = caType == KeyType.RSA ? rsaCa : ecdsaCa;
    KeyAndCertificate leaf = certificates.workload(ca, "demo", TAGS, KeyType.ECDSA.generate(), null);
    X509Certificate cert = leaf.certificate();

    assertThat(cert.getSubjectX500Principal().getName()).isEmpty();
    assertThat(cert.getIssuerX500Principal()).isEqualTo(ca.certificate().getSubjectX500Principal());
    assertThat(uris(cert)).containsExactly(
        "spiffe://demo/backend", "spiffe://demo/web",
        "kuma://kuma.io/service/backend", "kuma://kuma.io/service/web",
        "kuma://kuma.io/zone/zone-1", "kuma://version/v1");
    assertThat(cert.getCriticalExtensionOIDs()).as("SAN is critical with an empty subject").contains(SAN_OID);
    // digitalSignature(0), keyEncipherment(2), keyAgreement(4)
    assertThat(cert.getKeyUsage()).containsExactly(true, false, true, false, true, false, false, false, false);
    assertThat(cert.getExtendedKeyUsage()).containsExactly(SERVER_AUTH, CLIENT_AUTH);
    assertThat(cert.getBasicConstraints()).isEqualTo(-1);
    assertThat(cert.getSerialNumber()).isPositive();
    assertThat(cert.getSerialNumber().bitLength()).isLessThanOrEqualTo(128);
    assertThat(cert.getNotBefore().toInstant()).isEqualTo(NOW.minusSeconds(10));
    assertThat(cert.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(24)));
    assertThat(keyId(cert, Extension.authorityKeyIdentifier)).isEqualTo(keyId(ca.certificate(), Extension.subjectKeyIdentifier));
    cert.verify(ca.certificate().getPublicKey());
    assertThat(Signatures.matches(Pem.privateKey(leaf.keyPem()), cert.getPublicKey())).isTrue();
  }

  @Test
  void workloadValidityAndSerialsVary() {
    KeyAndCertificate a = certificates.workload(ecdsaCa, "demo", TAGS, KeyType.ECDSA.generate(), Duration.ofHours(1));
    KeyAndCertificate b = certificates.workload(ecdsaCa, "demo", TAGS, KeyType.ECDSA.generate(), Duration.ofHours(1));
    assertThat(a.certificate().getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    assertThat(a.certificate().getSerialNumber()).isNotEqualTo(b.certificate().getSerialNumber());
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void issuedChainValidatesWithTheJdkPkixValidator(KeyType leafType) throws Exception {
    X509Certificate leaf = certificates.workload(rsaCa, "demo", TAGS, leafType.generate(), null).certificate();
    pkix(rsaCa.certificate(), leaf, NOW);

    assertThatThrownBy(() -> pkix(ecdsaCa.certificate(), leaf, NOW))
        .as("another CA is not trusted").isInstanceOf(CertPathValidatorException.class);
    assertThatThrownBy(() -> pkix(rsaCa.certificate(), leaf, NOW.plus(Duration.ofHours(25))))
        .as("expired").isInstanceOf(CertPathValidatorException.class);
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void issuedChainValidatesWithOpenssl(KeyType caType, @TempDir Path dir) throws Exception {
    OpenSsl.assumeAvailable();
    KeyAndCertificate ca = caType == KeyType.RSA ? rsaCa : ecdsaCa;
    KeyAndCertificate leaf = certificates.workload(ca, "demo", TAGS, KeyType.RSA.generate(), null);

    for (String purpose : new String[] {"sslserver", "sslclient"}) {
      OpenSsl.Result ok = OpenSsl.verify(dir, ca.certificatePem(), leaf.certificatePem(), purpose, NOW);
      assertThat(ok.exitCode()).as(ok.output()).isZero();
      assertThat(ok.output()).contains(": OK");
    }
    OpenSsl.Result other = OpenSsl.verify(dir, (caType == KeyType.RSA ? ecdsaCa : rsaCa).certificatePem(),
        leaf.certificatePem(), null, NOW);
    assertThat(other.exitCode()).as(other.output()).isNotZero();
    OpenSsl.Result expired = OpenSsl.verify(dir, ca.certificatePem(), leaf.certificatePem(), null,
        NOW.plus(Duration.ofDays(2)));
    assertThat(expired.output()).contains("certificate has expired");

    OpenSsl.Result text = OpenSsl.text(dir, leaf.certificatePem());
    assertThat(text.output())
        .contains("URI:spiffe://demo/backend, URI:spiffe://demo/web, URI:kuma://kuma.io/service/backend")
        .contains("TLS Web Server Authentication, TLS Web Client Authentication")
        .contains("Digital Signature, Key Encipherment, Key Agreement");
    OpenSsl.Result caText = OpenSsl.text(dir, ca.certificatePem());
    assertThat(caText.output())
        .contains("Subject: O = Kuma, OU = Mesh, CN = demo")
        .contains("CA:TRUE")
        .contains("Certificate Sign, CRL Sign")
        .contains("URI:spiffe://demo");
  }

  @Test
  void workloadUrisFollowKumasOrderAndRules() {
    assertThat(MeshCertificates.workloadUris("m", Map.of("team", Set.of("b", "a"), "kuma.io/service", Set.of("s"))))
        .containsExactly("spiffe://m/s", "kuma://kuma.io/service/s", "kuma://team/a", "kuma://team/b");
    assertThat(MeshCertificates.workloadUris("m", Map.of("note", List.of("a b"))))
        .containsExactly("kuma://note/a%20b");
    assertThatThrownBy(() -> MeshCertificates.workloadUris("m", Map.of("kuma.io/service", List.of("a/b"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("path segment characters are limited to letters, numbers, dots, dashes, and underscores");
    assertThatThrownBy(() -> MeshCertificates.workloadUris("m", Map.of("kuma.io/service", List.of(".."))))
        .hasMessageContaining("dot segments");
  }

  @Test
  void signsWithEd25519AndP384Cas() throws Exception {
    for (String[] alg : new String[][] {{"Ed25519", null}, {"EC", "secp384r1"}}) {
      KeyPairGenerator gen = KeyPairGenerator.getInstance(alg[0]);
      if (alg[1] != null) {
        gen.initialize(new java.security.spec.ECGenParameterSpec(alg[1]));
      }
      KeyAndCertificate ca = certificates.rootCa("demo", gen.generateKeyPair(), null);
      X509Certificate leaf = certificates.workload(ca, "demo", TAGS, KeyType.ECDSA.generate(), null).certificate();
      pkix(ca.certificate(), leaf, NOW);
      assertThat(leaf.getSigAlgName()).isIn("Ed25519", "SHA384withECDSA");
    }
  }

  @Test
  void parsesAMatchingPairAndExplainsBadOnes() {
    KeyAndCertificate parsed = KeyAndCertificate.parse(rsaCa.certificatePem(), rsaCa.keyPem());
    assertThat(parsed.certificate()).isEqualTo(rsaCa.certificate());

    String otherRsaKey = Pem.encode(KeyType.RSA.generate().getPrivate());
    assertThatThrownBy(() -> KeyAndCertificate.parse(rsaCa.certificatePem(), otherRsaKey))
        .hasMessage("tls: private key does not match public key");
    assertThatThrownBy(() -> KeyAndCertificate.parse(rsaCa.certificatePem(), ecdsaCa.keyPem()))
        .hasMessage("tls: private key type does not match public key type");
    assertThatThrownBy(() -> KeyAndCertificate.parse("garbage", rsaCa.keyPem()))
        .hasMessage("tls: failed to find any PEM data in certificate input");
    assertThatThrownBy(() -> KeyAndCertificate.parse(rsaCa.certificatePem(), rsaCa.certificatePem()))
        .hasMessage("tls: failed to find any PEM data in key input");
    assertThatThrownBy(() -> KeyAndCertificate.parse(null, null)).isInstanceOf(IllegalArgumentException.class);
  }

  static void pkix(X509Certificate ca, X509Certificate leaf, Instant at) throws Exception {
    PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
    params.setRevocationEnabled(false);
    params.setDate(Date.from(at));
    CertPathValidator.getInstance("PKIX").validate(
        CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf)), params);
  }

  private static List<String> uris(X509Certificate cert) throws Exception {
    return cert.getSubjectAlternativeNames().stream()
        .filter(san -> (Integer) san.get(0) == 6)
        .map(san -> (String) san.get(1))
        .toList();
  }

  private static byte[] keyId(X509Certificate cert, org.bouncycastle.asn1.ASN1ObjectIdentifier oid) {
    byte[] octets = ASN1OctetString.getInstance(cert.getExtensionValue(oid.getId())).getOctets();
    return oid.equals(Extension.subjectKeyIdentifier)
        ? SubjectKeyIdentifier.getInstance(octets).getKeyIdentifier()
        : AuthorityKeyIdentifier.getInstance(octets).getKeyIdentifier();
  }
}
