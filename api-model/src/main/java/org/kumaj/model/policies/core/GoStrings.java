package org.kumaj.model.policies.core;

/** Go's string quoting ({@code %q}, {@code strconv.Quote}) for messages and field paths. Stateless. */
public final class GoStrings {
  private GoStrings() {}

  /** {@code s} as a double-quoted Go string literal. */
  public static String quote(String s) {
    return "\"" + quoteInner(s) + "\"";
  }

  /** The body of {@link #quote} without the surrounding quotes. */
  public static String quoteInner(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      switch (cp) {
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
          if (cp < 0x20 || cp == 0x7f) {
            sb.append(String.format("\\x%02x", cp));
          } else if (cp == ' ' || printable(cp)) {
            sb.appendCodePoint(cp);
          } else if (cp < 0x10000) {
            sb.append(String.format("\\u%04x", cp));
          } else {
            sb.append(String.format("\\U%08x", cp));
          }
        }
      }
    });
    return sb.toString();
  }

  private static boolean printable(int cp) {
    return switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.UNASSIGNED,
          Character.PRIVATE_USE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
          Character.SPACE_SEPARATOR -> false;
      default -> true;
    };
  }
}
