package org.kumaj.testing;

import java.time.Duration;
import java.util.function.LongSupplier;

/** Waits for weakly held entries to go: asks for garbage collections until a count is zero. */
public final class Collected {
  private Collected() {}

  /**
   * Runs {@link System#gc()} until {@code live} reports 0 or 20 s passed, polling every 10 ms.
   *
   * @return the last count (0 unless the deadline passed), for the caller to assert
   */
  public static long awaitNone(LongSupplier live) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    long count = live.getAsLong();
    while (count > 0 && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(10);
      count = live.getAsLong();
    }
    return count;
  }
}
