package org.kumaj.pki;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps up to {@code capacity} pre-generated key pairs of one type, filled by background daemon
 * threads, so that a burst of certificate issuing does not wait for RSA key generation. A key is
 * handed out once and then forgotten. When the pool is empty, {@link #next()} generates a key in
 * the calling thread instead of waiting, so callers are never slower than without a pool.
 *
 * <p>The filler threads block while the pool is full, so a full pool costs no CPU. {@link #close()}
 * stops them and drops the remaining keys. Thread-safe.
 */
public final class KeyPool implements KeySource, AutoCloseable {
  private final KeyType type;
  private final BlockingQueue<KeyPair> keys;
  private final List<Thread> fillers = new ArrayList<>();
  private final AtomicLong served = new AtomicLong();
  private final AtomicLong generatedInline = new AtomicLong();
  private volatile boolean closed;

  /**
   * Starts filling a pool.
   *
   * @param type the key type
   * @param capacity how many keys to keep ready (at least 1)
   * @param threads how many background threads generate keys (at least 1)
   */
  public KeyPool(KeyType type, int capacity, int threads) {
    if (capacity < 1 || threads < 1) {
      throw new IllegalArgumentException("a key pool needs a capacity and threads of at least 1");
    }
    this.type = type;
    this.keys = new ArrayBlockingQueue<>(capacity);
    for (int i = 0; i < threads; i++) {
      Thread t = new Thread(this::fill, "key-pool-" + type.name().toLowerCase(java.util.Locale.ROOT) + "-" + i);
      t.setDaemon(true);
      t.setPriority(Thread.MIN_PRIORITY);
      fillers.add(t);
      t.start();
    }
  }

  /** A pre-generated key when one is ready, else a key generated now in the calling thread. */
  @Override
  public KeyPair next() {
    served.incrementAndGet();
    KeyPair key = keys.poll();
    if (key != null) {
      return key;
    }
    generatedInline.incrementAndGet();
    return type.generate();
  }

  /** The key type of this pool. */
  public KeyType type() {
    return type;
  }

  /** How many keys are ready now. */
  public int available() {
    return keys.size();
  }

  /** How many keys {@link #next()} had to generate because the pool was empty. */
  public long generatedInline() {
    return generatedInline.get();
  }

  /** How many keys {@link #next()} has handed out. */
  public long served() {
    return served.get();
  }

  /** Whether a filler thread is still running (for tests). */
  boolean filling() {
    return fillers.stream().anyMatch(Thread::isAlive);
  }

  private void fill() {
    try {
      while (!closed) {
        keys.put(type.generate());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    keys.clear(); // a key put while close() ran
  }

  /** Stops the filler threads and drops the keys not handed out. Idempotent. */
  @Override
  public void close() {
    closed = true;
    fillers.forEach(Thread::interrupt);
    keys.clear();
  }
}
