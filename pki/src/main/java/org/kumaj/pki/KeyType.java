package org.kumaj.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/** The key algorithms Kuma issues: RSA 2048 (its default) and ECDSA P-256. */
public enum KeyType {
  RSA,
  ECDSA;

  /** Generates a fresh key pair of this type. Thread-safe. */
  public KeyPair generate() {
    try {
      KeyPairGenerator gen;
      if (this == RSA) {
        gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
      } else {
        gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"));
      }
      return gen.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot generate " + this + " keys", e);
    }
  }

  /** The JCA signature algorithm for certificates signed with a key of this type. */
  String signatureAlgorithm() {
    return this == RSA ? "SHA256withRSA" : "SHA256withECDSA";
  }

  static KeyType of(java.security.PrivateKey key) {
    return key.getAlgorithm().equals("RSA") ? RSA : ECDSA;
  }
}
