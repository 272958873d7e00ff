package org.kumaj.pki;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECKey;

/**
 * The signature algorithm Go's {@code x509.CreateCertificate} picks for a signing key, and a
 * proof-of-possession check that a private key belongs to a public key. Stateless; thread-safe.
 */
final class Signatures {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Signatures() {}

  /**
   * SHA-256 with RSA; ECDSA with the hash matching the curve (P-256: SHA-256, P-384: SHA-384,
   * P-521: SHA-512); pure Ed25519.
   *
   * @throws IllegalArgumentException for any other key algorithm
   */
  static String algorithmFor(PrivateKey key) {
    return switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC", "ECDSA" -> ecdsa(key);
      case "Ed25519", "EdDSA" -> "Ed25519";
      default -> throw new IllegalArgumentException("unsupported signing key algorithm " + key.getAlgorithm());
    };
  }

  private static String ecdsa(PrivateKey key) {
    int bits = key instanceof ECKey ec ? ec.getParams().getCurve().getField().getFieldSize() : 256;
    if (bits > 384) {
      return "SHA512withECDSA";
    }
    return bits > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
  }

  /** Whether {@code privateKey} signs what {@code publicKey} verifies. */
  static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
    if (!privateKey.getAlgorithm().equals(publicKey.getAlgorithm())
        && !(isEc(privateKey.getAlgorithm()) && isEc(publicKey.getAlgorithm()))) {
      return false;
    }
    byte[] challenge = new byte[32];
    RANDOM.nextBytes(challenge);
    try {
      String algorithm = algorithmFor(privateKey);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(privateKey);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(challenge);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isEc(String algorithm) {
    return algorithm.equals("EC") || algorithm.equals("ECDSA");
  }
}
