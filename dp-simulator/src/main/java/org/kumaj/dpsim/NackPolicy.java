package org.kumaj.dpsim;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides whether a proxy NACKs a response. Called on the proxy's stream thread for every response
 * that parsed; responses that do not parse are always NACKed. The factories that count
 * ({@link #firstN}) keep their count in the returned instance, so give each proxy its own.
 */
@FunctionalInterface
public interface NackPolicy {

  /** The error detail to NACK with, or {@code null} to ACK. */
  String decide(XdsResponse response);

  /** ACK everything (the default). */
  static NackPolicy never() {
    return r -> null;
  }

  /** NACK everything. */
  static NackPolicy always(String message) {
    return r -> message;
  }

  /** NACK the first {@code n} responses (of any type), ACK the rest. */
  static NackPolicy firstN(int n) {
    AtomicInteger count = new AtomicInteger();
    return r -> count.getAndIncrement() < n ? "simulated NACK " + (count.get()) + " of " + n : null;
  }

  /** NACK the first {@code n} responses of {@code type}, ACK everything else. */
  static NackPolicy firstN(XdsType type, int n) {
    AtomicInteger count = new AtomicInteger();
    return r -> r.type() == type && count.getAndIncrement() < n
        ? "simulated NACK of " + type.shortName() + " " + count.get() + " of " + n : null;
  }
}
