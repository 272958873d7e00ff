package org.kumaj.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** A private key and the certificate for its public key. Immutable. */
public record KeyAndCertificate(PrivateKey key, X509Certificate certificate) {

  /** The certificate in PEM form. */
  public String certificatePem() {
    return Pem.encode(certificate);
  }

  /** The private key in PEM form (PKCS#1 for RSA, SEC1 for EC, as Go writes them). */
  public String keyPem() {
    return Pem.encode(key);
  }

  /**
   * Reads a certificate PEM (the first certificate is the one the key belongs to; any further ones
   * are its chain) and a private key PEM, and checks that they belong together, like Go's
   * {@code tls.X509KeyPair}.
   *
   * @throws IllegalArgumentException with Go's reason ({@code tls: private key does not match
   *     public key}, ...) when either cannot be read or they do not match
   */
  public static KeyAndCertificate parse(String certificatePem, String keyPem) {
    List<X509Certificate> certificates;
    try {
      certificates = Pem.certificates(certificatePem == null ? "" : certificatePem);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(reason(e, "certificate"), e);
    }
    PrivateKey key;
    try {
      key = Pem.privateKey(keyPem == null ? "" : keyPem);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(reason(e, "key"), e);
    }
    X509Certificate leaf = certificates.get(0);
    if (!Signatures.matches(key, leaf.getPublicKey())) {
      throw new IllegalArgumentException(sameFamily(key.getAlgorithm(), leaf.getPublicKey().getAlgorithm())
          ? "tls: private key does not match public key"
          : "tls: private key type does not match public key type");
    }
    return new KeyAndCertificate(key, leaf);
  }

  private static String reason(IllegalArgumentException e, String input) {
    return e.getMessage().startsWith("no ")
        ? "tls: failed to find any PEM data in " + input + " input"
        : "tls: " + e.getMessage();
  }

  private static boolean sameFamily(String a, String b) {
    return a.equals(b) || (a.startsWith("EC") && b.startsWith("EC"));
  }
}
