package org.kumaj.model.hostnamegenerator;

import org.kumaj.model.validation.GoStrings;

/**
 * Go's {@code strconv.Unquote}, {@code strconv.UnquoteChar} and {@code %#U}, as the Go template
 * engine uses them (quoting is {@link org.kumaj.model.policies.core.GoStrings}). Stateless.
 */
final class GoLiterals {
  /** Go's {@code strconv.ErrSyntax} message. */
  static final String INVALID_SYNTAX = "invalid syntax";

  private GoLiterals() {}

  /** Thrown when {@link #unquote} rejects its input. */
  static final class SyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    SyntaxException() {
      super(INVALID_SYNTAX, null, false, false);
    }
  }

  /** Go's {@code %#U}: {@code U+005B '['}. */
  static String formatRune(int r) {
    String hex = String.format("U+%04X", r);
    return isPrint(r) ? hex + " '" + new String(Character.toChars(r)) + "'" : hex;
  }

  /** Approximates {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols, ASCII space. */
  static boolean isPrint(int r) {
    if (r < 0x80) {
      return r >= 0x20 && r < 0x7f;
    }
    return switch (Character.getType(r)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
          Character.UNASSIGNED, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR -> false;
      default -> true;
    };
  }

  /** {@code strconv.Unquote} for {@code "..."}, {@code `...`} and {@code '.'} literals. */
  static String unquote(String s) throws SyntaxException {
    int n = s.length();
    if (n < 2) {
      throw new SyntaxException();
    }
    char quote = s.charAt(0);
    if (quote != s.charAt(n - 1)) {
      throw new SyntaxException();
    }
    String body = s.substring(1, n - 1);
    if (quote == '`') {
      if (body.indexOf('`') >= 0) {
        throw new SyntaxException();
      }
      return body.replace("\r", "");
    }
    if (quote != '"' && quote != '\'') {
      throw new SyntaxException();
    }
    if (body.indexOf('\n') >= 0) {
      throw new SyntaxException();
    }
    StringBuilder out = new StringBuilder();
    int[] at = {0};
    int runes = 0;
    while (at[0] < body.length()) {
      out.appendCodePoint(unquoteChar(body, at, quote));
      runes++;
      if (quote == '\'' && runes > 1) {
        throw new SyntaxException();
      }
    }
    if (quote == '\'' && runes != 1) {
      throw new SyntaxException();
    }
    return out.toString();
  }

  /**
   * {@code strconv.UnquoteChar}: decodes the character or escape at {@code at[0]} and advances
   * {@code at[0]} past it.
   */
  static int unquoteChar(String s, int[] at, char quote) throws SyntaxException {
    int c = s.codePointAt(at[0]);
    if (c == quote && (quote == '\'' || quote == '"')) {
      throw new SyntaxException();
    }
    if (c != '\\') {
      at[0] += Character.charCount(c);
      return c;
    }
    if (at[0] + 1 >= s.length()) {
      throw new SyntaxException();
    }
    char e = s.charAt(at[0] + 1);
    at[0] += 2;
    switch (e) {
      case 'a':
        return 0x07;
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'v':
        return 0x0b;
      case 'x':
      case 'u':
      case 'U': {
        int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        if (at[0] + digits > s.length()) {
          throw new SyntaxException();
        }
        int v = 0;
        for (int i = 0; i < digits; i++) {
          int d = Character.digit(s.charAt(at[0] + i), 16);
          if (d < 0) {
            throw new SyntaxException();
          }
          v = v * 16 + d;
        }
        at[0] += digits;
        if (e != 'x' && (v > Character.MAX_CODE_POINT || (v >= 0xD800 && v < 0xE000))) {
          throw new SyntaxException();
        }
        return v;
      }
      case '0', '1', '2', '3', '4', '5', '6', '7': {
        int v = e - '0';
        if (at[0] + 2 > s.length()) {
          throw new SyntaxException();
        }
        for (int i = 0; i < 2; i++) {
          int d = s.charAt(at[0] + i) - '0';
          if (d < 0 || d > 7) {
            throw new SyntaxException();
          }
          v = v * 8 + d;
        }
        at[0] += 2;
        if (v > 255) {
          throw new SyntaxException();
        }
        return v;
      }
      case '\\':
        return '\\';
      case '\'', '"':
        if (e != quote) {
          throw new SyntaxException();
        }
        return e;
      default:
        throw new SyntaxException();
    }
  }
}
