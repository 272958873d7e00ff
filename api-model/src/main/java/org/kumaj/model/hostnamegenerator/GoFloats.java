package org.kumaj.model.hostnamegenerator;

import java.math.BigDecimal;

/** Go's {@code %v} formatting of a {@code float64} (shortest {@code %g}). Stateless. */
final class GoFloats {
  private GoFloats() {}

  static String formatG(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0" : "0";
    }
    BigDecimal v = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = v.unscaledValue().toString();
    int nd = digits.length();
    int dp = nd - v.scale();
    int exp = dp - 1;
    String sign = d < 0 ? "-" : "";
    if (exp < -4 || exp >= 6) {
      String mantissa = nd == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String e = String.format("%02d", Math.abs(exp));
      return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + e;
    }
    return sign + v.toPlainString();
  }
}
