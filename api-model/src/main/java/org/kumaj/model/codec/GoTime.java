package org.kumaj.model.codec;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Formats times as Go's {@code time.RFC3339Nano} does for Kuma's {@code creationTime} and
 * {@code modificationTime}: UTC, {@code Z}, fractional seconds without trailing zeros. Stateless.
 */
public final class GoTime {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private GoTime() {}

  public static String format(Instant t) {
    String base = SECONDS.format(t);
    int nanos = t.getNano();
    if (nanos == 0) {
      return base + "Z";
    }
    String frac = String.format("%09d", nanos);
    int end = frac.length();
    while (frac.charAt(end - 1) == '0') {
      end--;
    }
    return base + "." + frac.substring(0, end) + "Z";
  }
}
