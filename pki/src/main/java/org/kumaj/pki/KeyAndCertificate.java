package org.kumaj.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

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
}
