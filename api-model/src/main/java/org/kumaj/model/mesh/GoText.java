package org.kumaj.model.mesh;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Go string behaviour needed to reproduce Kuma's messages and orderings. Stateless. */
final class GoText {
  /** Go's {@code sort.Strings} order: by UTF-8 bytes, which is code point order. */
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

  private GoText() {}

  /** Go's {@code %q}: a double-quoted string with Go escapes. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    s.codePoints().forEach(c -> {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case 7 -> sb.append("\\a");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case 11 -> sb.append("\\v");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\x%02x", c));
          } else if (c >= 0x80 && (Character.isISOControl(c) || !Character.isDefined(c))) {
            sb.append(c > 0xffff ? String.format("\\U%08x", c) : String.format("\\u%04x", c));
          } else {
            sb.appendCodePoint(c);
          }
        }
      }
    });
    return sb.append('"').toString();
  }

  /** The keys of {@code map} in Go's sorted order (Kuma's {@code Keys}); empty for {@code null}. */
  static List<String> sortedKeys(Map<String, ?> map) {
    List<String> keys = new ArrayList<>(map == null ? List.of() : map.keySet());
    keys.sort(GO_ORDER);
    return keys;
  }

  /**
   * Go's {@code strconv.ParseUint(s, 10, 32)}: the value; -1 on a syntax error; {@code 2^32} when the
   * value is out of range (Go then returns {@code 2^32-1} with an error).
   */
  static long parseUint32(String s) {
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

  /** Whether {@code s} is empty or {@code null}. */
  static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }
}
