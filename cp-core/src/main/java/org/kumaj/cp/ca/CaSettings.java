package org.kumaj.cp.ca;

import java.time.Duration;
import java.util.Locale;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.pki.KeyType;

/**
 * The configuration the CA code reads.
 *
 * <p>Kuma's keys: {@code general.certGenerationBaseBackoff} (5s) and
 * {@code general.certGenerationMaxBackoff} (5m). Our additions: {@value #KEY_TYPE} ({@code RSA}, Kuma's
 * only choice, or {@code ECDSA} for P-256 builtin root CAs and identity keys) and
 * {@value #KEY_POOL_SIZE} (how many identity keys to pre-generate, 0 for none).
 *
 * @param keyType key type of new builtin root CAs and identity certificates
 * @param keyPoolSize how many identity keys a background pool keeps ready; 0 disables the pool
 * @param baseBackoff first wait after a failed generation
 * @param maxBackoff longest wait after repeated failures
 * @param federatedZone a zone CP under a global one, which receives CA secrets from the global
 *     CP instead of creating them
 */
record CaSettings(KeyType keyType, int keyPoolSize, Duration baseBackoff, Duration maxBackoff, boolean federatedZone) {
  static final String KEY_TYPE = "general.certKeyType";
  static final String KEY_POOL_SIZE = "general.certKeyPoolSize";
  static final int DEFAULT_KEY_POOL_SIZE = 64;

  /** Kuma's defaults: RSA, a pool of {@value #DEFAULT_KEY_POOL_SIZE}, 5 s .. 5 min backoff. */
  static final CaSettings DEFAULTS = new CaSettings(
      KeyType.RSA, DEFAULT_KEY_POOL_SIZE, Duration.ofSeconds(5), Duration.ofMinutes(5), false);

  CaSettings {
    if (baseBackoff.isNegative() || baseBackoff.isZero()) {
      baseBackoff = Duration.ofSeconds(1); // as Kuma's CertBackoff clamps a non-positive base
    }
    if (maxBackoff.compareTo(baseBackoff) < 0) {
      maxBackoff = baseBackoff;
    }
  }

  /**
   * Reads the settings from {@code config}.
   *
   * @throws IllegalArgumentException when {@value #KEY_TYPE} is neither RSA nor ECDSA
   */
  static CaSettings of(KumaConfig config) {
    return new CaSettings(
        parseKeyType(config.string(KEY_TYPE)),
        Math.max(0, config.integer(KEY_POOL_SIZE)),
        config.duration("general.certGenerationBaseBackoff"),
        config.duration("general.certGenerationMaxBackoff"),
        config.isFederatedZone());
  }

  CaSettings withKeyType(KeyType type) {
    return new CaSettings(type, keyPoolSize, baseBackoff, maxBackoff, federatedZone);
  }

  CaSettings withKeyPoolSize(int size) {
    return new CaSettings(keyType, size, baseBackoff, maxBackoff, federatedZone);
  }

  private static KeyType parseKeyType(String text) {
    try {
      return KeyType.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(KEY_TYPE + " must be RSA or ECDSA, got \"" + text + "\"", e);
    }
  }
}

