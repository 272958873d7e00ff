package org.kumaj.dpsim;

import java.util.Collection;
import java.util.Locale;

/**
 * Latency statistics (nearest-rank percentiles) of a set of durations in nanoseconds, with how
 * many of the expected samples arrived. Immutable.
 */
record Stats(int count, int expected, long p50Nanos, long p99Nanos, long maxNanos) {

  static Stats of(Collection<Long> nanos, int expected) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length == 0) {
      return new Stats(0, expected, -1, -1, -1);
    }
    return new Stats(sorted.length, expected, rank(sorted, 50), rank(sorted, 99),
        sorted[sorted.length - 1]);
  }

  private static long rank(long[] sorted, int percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  boolean complete() {
    return count == expected && count > 0;
  }

  static String ms(long nanos) {
    return nanos < 0 ? "-" : String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
  }

  @Override
  public String toString() {
    return "p50 " + ms(p50Nanos) + ", p99 " + ms(p99Nanos) + ", all " + ms(maxNanos) + " ("
        + count + "/" + expected + ")";
  }
}
