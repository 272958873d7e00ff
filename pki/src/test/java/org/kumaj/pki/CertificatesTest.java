package org.kumaj.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class CertificatesTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private final Certificates certificates = new Certificates(Clock.fixed(NOW, ZoneOffset.UTC));

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void selfSignedServerCertificateCarriesHostsAndRoundTripsThroughPem(KeyType keyType) throws Exception {
    KeyAndCertificate kc = certificates.selfSigned(
        CertificateUsage.SERVER, keyType, List.of("cp.example.com", "localhost", "127.0.0.1", "::1"));

    X509Certificate cert = Pem.certificates(kc.certificatePem()).get(0);
    assertThat(cert).isEqualTo(kc.certificate());
    cert.verify(cert.getPublicKey());
    assertThat(cert.getNotBefore().toInstant()).isEqualTo(NOW.minus(Duration.ofMinutes(5)));
    assertThat(cert.getNotAfter().toInstant()).isEqualTo(NOW.minus(Duration.ofMinutes(5)).plus(Duration.ofDays(3650)));
    assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(cert.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(cert.getSubjectAlternativeNames())
        .extracting(san -> (Object) san.get(1))
        .containsExactly((Object) "cp.example.com", "localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
    java.security.Signature signer = java.security.Signature.getInstance(keyType.signatureAlgorithm());
    signer.initSign(Pem.privateKey(kc.keyPem()));
    signer.update(new byte[] {1, 2, 3});
    byte[] signature = signer.sign();
    java.security.Signature verifier = java.security.Signature.getInstance(keyType.signatureAlgorithm());
    verifier.initVerify(cert.getPublicKey());
    verifier.update(new byte[] {1, 2, 3});
    assertThat(verifier.verify(signature)).as("key read back from PEM matches the certificate").isTrue();
    assertThat(kc.keyPem()).startsWith(keyType == KeyType.RSA
        ? "-----BEGIN RSA PRIVATE KEY-----" : "-----BEGIN EC PRIVATE KEY-----");
  }

  @Test
  void clientCertificateHasClientAuthUsage() throws Exception {
    KeyAndCertificate kc = certificates.selfSigned(CertificateUsage.CLIENT, KeyType.ECDSA, List.of());
    assertThat(kc.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    assertThat(kc.certificate().getSubjectAlternativeNames()).isNull();
  }

  @Test
  void rejectsTextWithoutPemObjects() {
    assertThatThrownBy(() -> Pem.certificates("not pem")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Pem.privateKey("not pem")).isInstanceOf(IllegalArgumentException.class);
  }
}
