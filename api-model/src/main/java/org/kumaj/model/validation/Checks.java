package org.kumaj.model.validation;

import java.util.regex.Pattern;
import org.kumaj.model.GoDuration;

/**
 * Field checks shared by many types, each adding Kuma's message at {@code path} when the value is
 * wrong. Stateless.
 */
public final class Checks {
  private static final Pattern BANDWIDTH = Pattern.compile("^(\\d*)\\s?([GMk]+bps)$");

  private Checks() {}

  /** The duration must be present and not negative. */
  public static void durationNotNegative(FieldPath path, GoDuration d, Violations out) {
    if (d == null) {
      out.add(path, Messages.MUST_BE_DEFINED);
    } else if (d.toNanos() < 0) {
      out.add(path, Messages.WHEN_DEFINED_HAS_TO_BE_NON_NEGATIVE);
    }
  }

  /** When present, the duration must not be negative. */
  public static void durationNotNegativeOrNull(FieldPath path, GoDuration d, Violations out) {
    if (d != null && d.toNanos() < 0) {
      out.add(path, Messages.WHEN_DEFINED_HAS_TO_BE_NON_NEGATIVE);
    }
  }

  /** The duration must be present and above zero. */
  public static void durationGreaterThanZero(FieldPath path, GoDuration d, Violations out) {
    if (d == null || d.toNanos() <= 0) {
      out.add(path, Messages.MUST_BE_DEFINED_AND_GREATER_THAN_ZERO);
    }
  }

  /** When present, the duration must be above zero. */
  public static void durationGreaterThanZeroOrNull(FieldPath path, GoDuration d, Violations out) {
    if (d != null && d.toNanos() <= 0) {
      out.add(path, Messages.WHEN_DEFINED_HAS_TO_BE_GREATER_THAN_ZERO);
    }
  }

  /** The value must be present and above zero. */
  public static void greaterThanZero(FieldPath path, Number value, Violations out) {
    if (value == null || value.longValue() <= 0) {
      out.add(path, Messages.MUST_BE_DEFINED_AND_GREATER_THAN_ZERO);
    }
  }

  /** When present, the value must be above zero. */
  public static void greaterThanZeroOrNull(FieldPath path, Number value, Violations out) {
    if (value != null && value.longValue() <= 0) {
      out.add(path, Messages.WHEN_DEFINED_HAS_TO_BE_GREATER_THAN_ZERO);
    }
  }

  /** When present, the value must be in [0, 100]. */
  public static void intPercentageOrNull(FieldPath path, Number value, Violations out) {
    if (value != null && (value.longValue() < 0 || value.longValue() > 100)) {
      out.add(path, Messages.HAS_TO_BE_IN_UINT_PERCENTAGE_RANGE);
    }
  }

  /** The string must be non-empty. */
  public static void defined(FieldPath path, String value, Violations out) {
    if (value == null || value.isEmpty()) {
      out.add(path, Messages.MUST_BE_DEFINED);
    }
  }

  /** An HTTP status code in [100, 599]. */
  public static void statusCode(FieldPath path, int status, Violations out) {
    if (status < 100 || status >= 600) {
      out.add(path, Messages.inRange(100, 599));
    }
  }

  /** A TCP/UDP port in [1, 65535]. */
  public static void port(FieldPath path, Number value, Violations out) {
    if (value == null || value.longValue() <= 0 || value.longValue() > 65535) {
      out.add(path, Messages.INVALID_PORT);
    }
  }

  /** A bandwidth such as {@code 10 Mbps}. */
  public static void bandwidth(FieldPath path, String value, Violations out) {
    if (value == null || value.isEmpty()) {
      out.add(path, Messages.MUST_BE_DEFINED);
    } else if (!BANDWIDTH.matcher(value).matches()) {
      out.add(path, Messages.MUST_HAVE_BPS_UNIT);
    }
  }

  /** The string must be at most {@code max} characters. */
  public static void maxLength(FieldPath path, int max, String value, Violations out) {
    if (value != null && value.length() > max) {
      out.add(path, "must not be longer than " + max + " characters");
    }
  }
}
