package org.kumaj.model.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Go's string behaviour, needed to reproduce Kuma's messages, paths and orderings byte for byte:
 * {@code strconv.Quote}, {@code sort.Strings}, {@code unicode.IsPrint}, {@code strconv.ParseUint}.
 * Stateless.
 */
public final class GoStrings {
  /** Orders strings as Go's {@code sort.Strings} does (by UTF-8 bytes, i.e. by code point). */
  public static final Comparator<String> GO_ORDER = (a, b) -> {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  };

  private GoStrings() {}

  /** Go's {@code strconv.Quote} / {@code %q}: the string in double quotes with Go escapes. */
  public static String quote(String s) {
    return "\"" + escape(s) + "\"";
  }

  /** {@code path[%q]} as Kuma's {@code PathBuilder.Key} writes it (escaping the key). */
  public static FieldPath key(FieldPath path, String key) {
    return path.key(escape(key));
  }

  /** The body of {@link #quote} without the surrounding quotes. */
  public static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2);
    int i = 0;
    while (i < s.length()) {
      int r = s.codePointAt(i);
      i += Character.charCount(r);
      if (Character.isSurrogate((char) r) && r < 0x10000) {
        r = 0xFFFD; // a lone surrogate cannot come from valid UTF-8; Go sees the replacement char
      }
      if (r == '"' || r == '\\') {
        sb.append('\\').appendCodePoint(r);
      } else if (isPrint(r)) {
        sb.appendCodePoint(r);
      } else {
        switch (r) {
          case 0x07 -> sb.append("\\a");
          case '\b' -> sb.append("\\b");
          case '\f' -> sb.append("\\f");
          case '\n' -> sb.append("\\n");
          case '\r' -> sb.append("\\r");
          case '\t' -> sb.append("\\t");
          case 0x0B -> sb.append("\\v");
          default -> {
            if (r < ' ' || r == 0x7F) {
              sb.append(String.format("\\x%02x", r));
            } else if (r < 0x10000) {
              sb.append(String.format("\\u%04x", r));
            } else {
              sb.append(String.format("\\U%08x", r));
            }
          }
        }
      }
    }
    return sb.toString();
  }

  /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and ASCII space. */
  public static boolean isPrint(int r) {
    if (r == ' ') {
      return true;
    }
    return switch (Character.getType(r)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION, Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
      default -> false;
    };
  }

  /** The keys of {@code map} in Go's sorted order (Kuma's {@code Keys}); empty for {@code null}. */
  public static List<String> sortedKeys(Map<String, ?> map) {
    List<String> keys = new ArrayList<>(map == null ? List.of() : map.keySet());
    keys.sort(GO_ORDER);
    return keys;
  }

  /**
   * Go's {@code strconv.ParseUint(s, 10, 32)}: the value; -1 on a syntax error; {@code 2^32} when the
   * value is out of range (Go then returns {@code 2^32-1} with an error).
   */
  public static long parseUint32(String s) {
    if (s.isEmpty()) {
      return -1;
    }
    long v = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = Math.min(v * 10 + (c - '0'), 0x1_0000_0000L);
    }
    return v;
  }
}
