package org.kumaj.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/** The key algorithms Kuma issues: RSA 2048 (its default) and ECDSA P-256. */
public enum KeyType {
  RSA,
  ECDSA;

  /** Kuma's RSA key size ({@code util/rsa.DefaultKeySize}). */
  public static final int DEFAULT_RSA_BITS = 2048;
  /** The smallest RSA key Go's {@code crypto/rsa} generates. */
  public static final int MIN_RSA_BITS = 1024;

  /** Generates a fresh key pair of this type. Thread-safe. */
  public KeyPair generate() {
    if (this == RSA) {
      return rsa(DEFAULT_RSA_BITS);
    }
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
      gen.initialize(new ECGenParameterSpec("secp256r1"));
      return gen.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot generate " + this + " keys", e);
    }
  }

  /**
   * Generates an RSA key pair of {@code bits} bits. Thread-safe.
   *
   * @throws IllegalArgumentException when {@code bits} is below {@value #MIN_RSA_BITS} or above
   *     what the JDK generates (16384)
   */
  public static KeyPair rsa(int bits) {
    if (bits < MIN_RSA_BITS) {
      throw new IllegalArgumentException(bits + "-bit RSA keys are insecure, use at least " + MIN_RSA_BITS);
    }
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
      gen.initialize(bits);
      return gen.generateKeyPair();
    } catch (java.security.InvalidParameterException e) {
      throw new IllegalArgumentException("cannot generate a " + bits + "-bit RSA key: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot generate RSA keys", e);
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
