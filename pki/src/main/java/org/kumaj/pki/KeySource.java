package org.kumaj.pki;

import java.security.KeyPair;

/**
 * Where new key pairs come from: fresh generation ({@link #fresh}) or a pre-generating
 * {@link KeyPool}. Implementations are thread-safe and never hand out the same key twice.
 */
@FunctionalInterface
public interface KeySource {
  /** A key pair nobody else has been given. */
  KeyPair next();

  /** Generates a new key of {@code type} on every call, in the calling thread. */
  static KeySource fresh(KeyType type) {
    return type::generate;
  }
}
