package org.kumaj.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * A duration written the way Go's {@code time.Duration} writes it ({@code 1h0m0s}, {@code 250ms}),
 * which is how Kuma's new-style ({@code spec:}) resources serialise durations. Parsing accepts
 * everything Go's {@code time.ParseDuration} accepts ({@code 1h30m}, {@code 1.5s}, {@code 0}).
 * Immutable.
 */
public final class GoDuration implements Comparable<GoDuration> {
  private final long nanos;

  private GoDuration(long nanos) {
    this.nanos = nanos;
  }

  public static GoDuration ofNanos(long nanos) {
    return new GoDuration(nanos);
  }

  public static GoDuration of(Duration d) {
    return new GoDuration(d.toNanos());
  }

  /**
   * Parses Go's duration syntax.
   *
   * @throws IllegalArgumentException with Go's message when {@code text} is not a duration
   */
  @JsonCreator
  public static GoDuration parse(String text) {
    return new GoDuration(parseNanos(text));
  }

  public Duration toDuration() {
    return Duration.ofNanos(nanos);
  }

  public long toNanos() {
    return nanos;
  }

  public long toMillis() {
    return nanos / 1_000_000L;
  }

  @JsonValue
  @Override
  public String toString() {
    return format(nanos);
  }

  @Override
  public int compareTo(GoDuration o) {
    return Long.compare(nanos, o.nanos);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GoDuration d && d.nanos == nanos;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(nanos);
  }

  static long parseNanos(String s) {
    String orig = s;
    if (s == null || s.isEmpty()) {
      throw invalid(orig);
    }
    boolean neg = false;
    if (s.charAt(0) == '-' || s.charAt(0) == '+') {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return 0;
    }
    if (s.isEmpty()) {
      throw invalid(orig);
    }
    BigDecimal total = BigDecimal.ZERO;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      String number = s.substring(start, i);
      if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
        throw invalid(orig);
      }
      int unitStart = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      String unit = s.substring(unitStart, i);
      long scale = switch (unit) {
        case "ns" -> 1L;
        case "us", "\u00b5s", "\u03bcs" -> 1_000L;
        case "ms" -> 1_000_000L;
        case "s" -> 1_000_000_000L;
        case "m" -> 60_000_000_000L;
        case "h" -> 3_600_000_000_000L;
        case "" -> throw new IllegalArgumentException("time: missing unit in duration \"" + orig + "\"");
        default -> throw new IllegalArgumentException(
            "time: unknown unit \"" + unit + "\" in duration \"" + orig + "\"");
      };
      total = total.add(new BigDecimal(number.startsWith(".") ? "0" + number : number)
          .multiply(BigDecimal.valueOf(scale)));
    }
    if (total.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw invalid(orig);
    }
    long value = total.longValue();
    return neg ? -value : value;
  }

  private static IllegalArgumentException invalid(String s) {
    return new IllegalArgumentException("time: invalid duration \"" + s + "\"");
  }

  static String format(long d) {
    if (d == 0) {
      return "0s";
    }
    boolean neg = d < 0;
    long u = Math.abs(d);
    StringBuilder sb = new StringBuilder();
    if (u < 1_000_000_000L) {
      String unit;
      long div;
      if (u < 1_000L) {
        return (neg ? "-" : "") + u + "ns";
      } else if (u < 1_000_000L) {
        unit = "\u00b5s";
        div = 1_000L;
      } else {
        unit = "ms";
        div = 1_000_000L;
      }
      sb.append(fraction(u, div)).append(unit);
    } else {
      long hours = u / 3_600_000_000_000L;
      long rem = u % 3_600_000_000_000L;
      long minutes = rem / 60_000_000_000L;
      rem = rem % 60_000_000_000L;
      if (hours > 0) {
        sb.append(hours).append('h');
      }
      if (hours > 0 || minutes > 0) {
        sb.append(minutes).append('m');
      }
      sb.append(fraction(rem, 1_000_000_000L)).append('s');
    }
    return (neg ? "-" : "") + sb;
  }

  private static String fraction(long value, long div) {
    long whole = value / div;
    long frac = value % div;
    if (frac == 0) {
      return Long.toString(whole);
    }
    String digits = Long.toString(div + frac).substring(1);
    int end = digits.length();
    while (end > 0 && digits.charAt(end - 1) == '0') {
      end--;
    }
    return whole + "." + digits.substring(0, end);
  }
}
