package org.kumaj.cp.ca;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kuma's {@code mesh.ParseDuration} for certificate settings ({@code caCert.expiration},
 * {@code dpCert.rotation.expiration}): {@code 0}, or digits and one unit of {@code y} (365 days),
 * {@code w}, {@code d}, {@code h}, {@code m}, {@code s}, {@code ms}. Stateless.
 */
final class KumaDurations {
  private static final Pattern DURATION = Pattern.compile("^(\\d+)(y|w|d|h|m|s|ms)$");

  private KumaDurations() {}

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException {@code not a valid duration string: "<text>"}
   */
  static Duration parse(String text) {
    if ("0".equals(text)) {
      return Duration.ZERO;
    }
    Matcher m = text == null ? null : DURATION.matcher(text);
    if (m == null || !m.matches()) {
      throw invalid(text);
    }
    try {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "y" -> Duration.ofDays(Math.multiplyExact(n, 365L));
        case "w" -> Duration.ofDays(Math.multiplyExact(n, 7L));
        case "d" -> Duration.ofDays(n);
        case "h" -> Duration.ofHours(n);
        case "m" -> Duration.ofMinutes(n);
        case "s" -> Duration.ofSeconds(n);
        default -> Duration.ofMillis(n);
      };
    } catch (ArithmeticException | NumberFormatException e) {
      throw invalid(text);
    }
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("not a valid duration string: \"" + text + "\"");
  }
}
