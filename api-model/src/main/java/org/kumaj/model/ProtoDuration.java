package org.kumaj.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * A {@code google.protobuf.Duration} in its JSON form ({@code "5s"}, {@code "0.250s"}), which is
 * how Kuma's proto-based ("old style") resources serialise durations. Output uses 0, 3, 6 or 9
 * fractional digits as protojson does. Immutable.
 */
public final class ProtoDuration implements Comparable<ProtoDuration> {
  private final long nanos;

  private ProtoDuration(long nanos) {
    this.nanos = nanos;
  }

  public static ProtoDuration of(Duration d) {
    return new ProtoDuration(d.toNanos());
  }

  /**
   * Parses a duration as Kuma's JSON codec does: the protojson form (a decimal number of seconds
   * followed by {@code s}) or Go's duration syntax ({@code 200ms}, {@code 1m30s}).
   *
   * @throws IllegalArgumentException when {@code text} is neither
   */
  @JsonCreator
  public static ProtoDuration parse(String text) {
    if (text != null && text.endsWith("s") && text.substring(0, text.length() - 1).matches("-?[0-9]+(\\.[0-9]{1,9})?")) {
      BigDecimal nanos = new BigDecimal(text.substring(0, text.length() - 1)).movePointRight(9);
      return new ProtoDuration(nanos.longValueExact());
    }
    try {
      return new ProtoDuration(GoDuration.parseNanos(text));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid duration \"" + text + "\"", e);
    }
  }

  public Duration toDuration() {
    return Duration.ofNanos(nanos);
  }

  public long toNanos() {
    return nanos;
  }

  @JsonValue
  @Override
  public String toString() {
    long abs = Math.abs(nanos);
    long seconds = abs / 1_000_000_000L;
    long frac = abs % 1_000_000_000L;
    String sign = nanos < 0 ? "-" : "";
    if (frac == 0) {
      return sign + seconds + "s";
    }
    String digits;
    if (frac % 1_000_000L == 0) {
      digits = String.format("%03d", frac / 1_000_000L);
    } else if (frac % 1_000L == 0) {
      digits = String.format("%06d", frac / 1_000L);
    } else {
      digits = String.format("%09d", frac);
    }
    return sign + seconds + "." + digits + "s";
  }

  @Override
  public int compareTo(ProtoDuration o) {
    return Long.compare(nanos, o.nanos);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProtoDuration d && d.nanos == nanos;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(nanos);
  }
}
