package org.kumaj.model.legacy;

import java.util.Comparator;
import org.kumaj.model.validation.FieldPath;

/** Go string helpers needed to reproduce Kuma's messages and paths byte for byte. Stateless. */
final class GoStrings {
  /** Orders strings as Go's {@code sort.Strings} does (by UTF-8 bytes, i.e. by code point). */
  static final Comparator<String> GO_ORDER = (a, b) -> {
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
  static String quote(String s) {
    return "\"" + escape(s) + "\"";
  }

  /** {@code path[%q]} as Kuma's {@code PathBuilder.Key} writes it (escaping the key). */
  static FieldPath key(FieldPath path, String key) {
    return path.key(escape(key));
  }

  /** The body of {@link #quote} without the surrounding quotes. */
  static String escape(String s) {
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
  static boolean isPrint(int r) {
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
}
