package org.kumaj.model.policies.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Parses decimal strings exactly as Kuma's decimal library ({@code shopspring/decimal}
 * {@code NewFromString}) does: optional sign, digits with at most one dot, optional {@code e}/{@code E}
 * exponent that fits an int32. Stateless.
 */
public final class Decimals {
  private Decimals() {}

  /** The decimal value of {@code text}, or empty when Kuma would reject it. */
  public static Optional<BigDecimal> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String value = text;
    long exp = 0;
    int e = indexOfExponent(value);
    if (e >= 0) {
      String expText = value.substring(e + 1);
      if (!isSignedDigits(expText)) {
        return Optional.empty();
      }
      long parsed;
      try {
        parsed = Long.parseLong(expText);
      } catch (NumberFormatException ex) {
        return Optional.empty();
      }
      if (parsed < Integer.MIN_VALUE || parsed > Integer.MAX_VALUE) {
        return Optional.empty();
      }
      exp = parsed;
      value = value.substring(0, e);
    }
    int dot = value.indexOf('.');
    String intString = value;
    if (dot >= 0) {
      if (value.indexOf('.', dot + 1) >= 0) {
        return Optional.empty();
      }
      intString = value.substring(0, dot) + value.substring(dot + 1);
      exp -= value.length() - dot - 1;
    }
    if (!isSignedDigits(intString)) {
      return Optional.empty();
    }
    long scale = -exp;
    int clamped = (int) Math.max(Integer.MIN_VALUE + 1, Math.min(Integer.MAX_VALUE, scale));
    return Optional.of(new BigDecimal(new BigInteger(intString), clamped));
  }

  private static int indexOfExponent(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 'e' || c == 'E') {
        return i;
      }
    }
    return -1;
  }

  /** Go's {@code strconv.ParseInt(s, 10, _)} syntax: optional sign and at least one ASCII digit. */
  private static boolean isSignedDigits(String s) {
    int start = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
    if (start == s.length()) {
      return false;
    }
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
