package org.kumaj.model.schema;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bits of Go and kube-openapi behaviour the schema messages depend on: {@code %v} of a
 * float64, RE2 anchors, and the {@code date-time} and {@code byte} string formats of
 * {@code strfmt.Default}. Stateless and thread-safe.
 */
final class GoFormats {
  /** govalidator's {@code Base64}. */
  private static final Pattern BASE64 =
      Pattern.compile("^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})\\z");
  /** strfmt's {@code DateTimePattern} (applied to the lower-cased text after the first 't'). */
  private static final Pattern TIME =
      Pattern.compile("^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))\\z");
  private static final Pattern FULL_DATE = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");
  private static final double MAX_JSON_INTEGER = 9007199254740992d; // 1 << 53

  private GoFormats() {}

  /**
   * Go's {@code fmt} {@code %v} of a float64 ({@code strconv.FormatFloat(v, 'g', -1, 64)}):
   * {@code 65535}, {@code 8e+06}, {@code 5.000011e+06}, {@code 0.5}.
   */
  static String formatFloat(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    String sign = v < 0 || (v == 0 && 1 / v < 0) ? "-" : "";
    if (v == 0) {
      return sign + "0";
    }
    BigDecimal d = new BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros();
    String digits = d.unscaledValue().toString();
    int exp = digits.length() - 1 - d.scale();
    if (exp < -4 || exp >= 6) {
      String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      int a = Math.abs(exp);
      return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (a < 10 ? "0" + a : Integer.toString(a));
    }
    return sign + d.toPlainString();
  }

  /** Go's {@code strconv.FormatFloat(v, 'f', -1, 64)} as an exact decimal, or null for NaN/Inf. */
  static BigDecimal exact(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? null : new BigDecimal(v);
  }

  /** go-openapi's {@code swag.IsFloat64AJSONInteger}. */
  static boolean isJsonInteger(double f) {
    if (Double.isNaN(f) || Double.isInfinite(f) || f < -MAX_JSON_INTEGER || f > MAX_JSON_INTEGER) {
      return false;
    }
    if (f == Math.rint(f)) {
      return true;
    }
    if (f < 0) {
      return false;
    }
    double g = Math.floor(f); // Go's uint64(f) truncates a positive value
    double diff = Math.abs(f - g);
    if (g == 0) {
      return diff < 1e-9 * Double.MIN_VALUE;
    }
    return diff / Math.min(f + g, Double.MAX_VALUE) < 1e-9;
  }

  /**
   * Compiles an RE2 pattern for {@link Matcher#find()} with Go's meaning: {@code $} outside a
   * character class matches only at the end of the text (Java's also matches before a final line
   * terminator).
   */
  static Pattern compileRe2(String re2) {
    StringBuilder sb = new StringBuilder(re2.length() + 4);
    boolean inClass = false;
    for (int i = 0; i < re2.length(); i++) {
      char c = re2.charAt(i);
      if (c == '\\' && i + 1 < re2.length()) {
        sb.append(c).append(re2.charAt(++i));
      } else if (inClass) {
        sb.append(c);
        if (c == ']') {
          inClass = false;
        }
      } else if (c == '[') {
        sb.append(c);
        inClass = true;
        if (i + 1 < re2.length() && re2.charAt(i + 1) == '^') {
          sb.append(re2.charAt(++i));
        }
        if (i + 1 < re2.length() && re2.charAt(i + 1) == ']') {
          sb.append(re2.charAt(++i)); // a leading ']' is a literal
        }
      } else if (c == '$') {
        sb.append("\\z");
      } else {
        sb.append(c);
      }
    }
    return Pattern.compile(sb.toString());
  }

  /** Whether {@code strfmt.Default} knows the format (names compared without dashes). */
  static boolean isKnownStringFormat(String format) {
    String name = format.replace("-", "");
    return name.equals("datetime") || name.equals("byte");
  }

  /** {@code strfmt.Default.Validates(format, value)} for the formats {@link #isKnownStringFormat} accepts. */
  static boolean validates(String format, String value) {
    String name = format.replace("-", "");
    return switch (name) {
      case "datetime" -> isDateTime(value);
      case "byte" -> BASE64.matcher(value).find();
      default -> true;
    };
  }

  /** strfmt's {@code IsDateTime}. */
  static boolean isDateTime(String s) {
    if (s.length() < 4) {
      return false;
    }
    String[] parts = s.toLowerCase(Locale.ROOT).split("t", -1);
    if (parts.length < 2 || !isDate(parts[0])) {
      return false;
    }
    Matcher m = TIME.matcher(parts[1]);
    if (!m.find()) {
      return false;
    }
    return m.group(1).compareTo("23") <= 0 && m.group(2).compareTo("59") <= 0 && m.group(3).compareTo("59") <= 0;
  }

  /** Go's {@code time.Parse("2006-01-02", s) == nil}. */
  private static boolean isDate(String s) {
    Matcher m = FULL_DATE.matcher(s);
    if (!m.matches()) {
      return false;
    }
    try {
      LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
