package org.kumaj.kumactl;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a JSON tree as YAML exactly the way Kuma's {@code sigs.k8s.io/yaml} (go-yaml v2) does:
 * map keys in go-yaml's natural order, sequences not indented under their key, strings plain
 * unless they would read back as another type (then double-quoted) or contain indicators (then
 * single-quoted), multi-line strings as literal blocks, long plain strings folded after column 80,
 * empty containers as {@code {}} / {@code []}. Stateless entry point; each call uses its own
 * emitter.
 */
final class GoYaml {
  private static final int BEST_INDENT = 2;
  private static final int BEST_WIDTH = 80;
  private static final Set<String> NON_STRINGS = Set.of(
      "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N", "no", "No", "NO", "off", "Off", "OFF",
      "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL", "~",
      ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", "<<");
  private static final Pattern YAML_FLOAT = Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
  private static final Pattern BASE60_FLOAT = Pattern.compile("^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?$");
  private static final Pattern TIMESTAMP = Pattern.compile(
      "^\\d{4}-\\d{1,2}-\\d{1,2}(?:(?:[Tt]\\d{1,2}:\\d{1,2}:\\d{1,2}(?:\\.\\d*)?(?:Z|[+-]\\d{2}:\\d{2})?)"
          + "|(?: \\d{1,2}:\\d{1,2}:\\d{1,2}(?:\\.\\d*)?))?$");
  /** go-yaml v2's order of map keys (letters after other characters, digit runs by value). */
  static final Comparator<String> KEY_ORDER = GoYaml::compareKeys;

  private final StringBuilder out = new StringBuilder();
  private int column;
  private boolean whitespace = true;
  private boolean indention = true;

  private GoYaml() {}

  /** The YAML document for {@code node}, ending with a newline. */
  static String write(JsonNode node) {
    GoYaml y = new GoYaml();
    y.node(node, -1, false, false);
    y.out.append('\n');
    return y.out.toString();
  }

  private void node(JsonNode node, int parentIndent, boolean mappingValue, boolean simpleKey) {
    if (node.isObject() && !node.isEmpty()) {
      mapping(node, parentIndent < 0 ? 0 : parentIndent + BEST_INDENT);
    } else if (node.isArray() && !node.isEmpty()) {
      int indent = parentIndent < 0 ? 0 : (mappingValue && !indention ? parentIndent : parentIndent + BEST_INDENT);
      sequence(node, indent);
    } else if (node.isObject()) {
      indicator("{}", true);
    } else if (node.isArray()) {
      indicator("[]", true);
    } else {
      scalar(node, parentIndent < 0 ? BEST_INDENT : parentIndent + BEST_INDENT, simpleKey);
    }
  }

  private void mapping(JsonNode node, int indent) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    keys.sort(KEY_ORDER);
    for (String key : keys) {
      writeIndent(indent);
      string(key, indent + BEST_INDENT, true);
      indicator(":", false);
      indention = false;
      node(node.get(key), indent, true, false);
    }
  }

  private void sequence(JsonNode node, int indent) {
    Iterator<JsonNode> it = node.elements();
    while (it.hasNext()) {
      writeIndent(indent);
      indicator("-", true);
      indention = true;
      node(it.next(), indent, false, false);
    }
  }

  private void scalar(JsonNode node, int indent, boolean simpleKey) {
    if (node.isTextual()) {
      string(node.textValue(), indent, simpleKey);
    } else if (node.isNull() || node.isMissingNode()) {
      plain("null");
    } else if (node.isBoolean()) {
      plain(Boolean.toString(node.booleanValue()));
    } else if (node.isIntegralNumber()) {
      plain(node.bigIntegerValue().toString());
    } else if (node.isNumber()) {
      plain(formatFloat(node.doubleValue()));
    } else {
      string(node.asText(), indent, simpleKey);
    }
  }

  private enum Style { PLAIN, SINGLE, DOUBLE, LITERAL }

  private void string(String s, int indent, boolean simpleKey) {
    boolean multiline = s.indexOf('\n') >= 0;
    Style style;
    if (multiline) {
      style = Style.LITERAL;
    } else if (resolvesToString(s)) {
      style = Style.PLAIN;
    } else {
      style = Style.DOUBLE;
    }
    Analysis a = analyze(s);
    if (simpleKey && a.multiline) {
      style = Style.DOUBLE;
    }
    if (style == Style.PLAIN && (!a.blockPlainAllowed || (s.isEmpty() && simpleKey))) {
      style = Style.SINGLE;
    }
    if (style == Style.SINGLE && !a.singleQuotedAllowed) {
      style = Style.DOUBLE;
    }
    if (style == Style.LITERAL && (!a.blockAllowed || simpleKey)) {
      style = Style.DOUBLE;
    }
    boolean allowBreaks = !simpleKey;
    switch (style) {
      case PLAIN -> writePlain(s, indent, allowBreaks);
      case SINGLE -> writeSingle(s, indent, allowBreaks);
      case DOUBLE -> writeDouble(s, indent, allowBreaks);
      case LITERAL -> writeLiteral(s, indent);
      default -> throw new IllegalStateException();
    }
  }

  /** Whether go-yaml would read {@code s}, unquoted, back as a string. */
  static boolean resolvesToString(String s) {
    if (s.isEmpty() || NON_STRINGS.contains(s)) {
      return false;
    }
    char c = s.charAt(0);
    if (c == '.') {
      return !isGoFloat(s);
    }
    if (c == '+' || c == '-' || (c >= '0' && c <= '9')) {
      if (c >= '0' && c <= '9' && TIMESTAMP.matcher(s).matches()) {
        return false;
      }
      String plain = s.replace("_", "");
      if (isGoInt(plain) || (YAML_FLOAT.matcher(plain).matches() && isGoFloat(plain))) {
        return false;
      }
      if (plain.startsWith("0b") || plain.startsWith("-0b")) {
        String digits = plain.substring(plain.indexOf('b') + 1);
        if (!digits.isEmpty() && digits.chars().allMatch(d -> d == '0' || d == '1')) {
          return false;
        }
      }
    }
    return !BASE60_FLOAT.matcher(s).matches();
  }

  /** Go's {@code strconv.ParseInt(s, 0, 64)} / {@code ParseUint} acceptance. */
  private static boolean isGoInt(String s) {
    String body = s;
    if (body.startsWith("+") || body.startsWith("-")) {
      body = body.substring(1);
    }
    if (body.isEmpty()) {
      return false;
    }
    int radix = 10;
    String lower = body.toLowerCase();
    if (lower.startsWith("0x")) {
      radix = 16;
      body = body.substring(2);
    } else if (lower.startsWith("0b")) {
      radix = 2;
      body = body.substring(2);
    } else if (lower.startsWith("0o")) {
      radix = 8;
      body = body.substring(2);
    } else if (body.length() > 1 && body.charAt(0) == '0') {
      radix = 8;
      body = body.substring(1);
    }
    if (body.isEmpty()) {
      return false;
    }
    try {
      java.math.BigInteger v = new java.math.BigInteger(body, radix);
      return v.bitLength() <= 64;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isGoFloat(String s) {
    try {
      Double.parseDouble(s);
      return !s.endsWith("d") && !s.endsWith("D") && !s.endsWith("f") && !s.endsWith("F");
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static final class Analysis {
    boolean multiline;
    boolean blockPlainAllowed = true;
    boolean singleQuotedAllowed = true;
    boolean blockAllowed = true;
  }

  /** go-yaml's {@code yaml_emitter_analyze_scalar} (block context). */
  private static Analysis analyze(String value) {
    Analysis a = new Analysis();
    if (value.isEmpty()) {
      a.blockAllowed = false;
      return a;
    }
    boolean blockIndicators = false;
    boolean lineBreaks = false;
    boolean specialCharacters = false;
    boolean leadingSpace = false;
    boolean leadingBreak = false;
    boolean trailingSpace = false;
    boolean trailingBreak = false;
    boolean breakSpace = false;
    boolean spaceBreak = false;
    boolean precededByWhitespace = true;
    boolean previousSpace = false;
    boolean previousBreak = false;
    if (value.startsWith("---") || value.startsWith("...")) {
      blockIndicators = true;
    }
    int[] cps = value.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      boolean followedByWhitespace = i + 1 >= cps.length || isBlank(cps[i + 1]);
      if (i == 0) {
        switch (c) {
          case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' ->
              blockIndicators = true;
          case '?', ':', '-' -> {
            if (followedByWhitespace) {
              blockIndicators = true;
            }
          }
          default -> { }
        }
      } else {
        if (c == ':' && followedByWhitespace) {
          blockIndicators = true;
        } else if (c == '#' && precededByWhitespace) {
          blockIndicators = true;
        }
      }
      if (!isPrintable(c)) {
        specialCharacters = true;
      }
      if (c == ' ') {
        if (i == 0) {
          leadingSpace = true;
        }
        if (i == cps.length - 1) {
          trailingSpace = true;
        }
        if (previousBreak) {
          breakSpace = true;
        }
        previousSpace = true;
        previousBreak = false;
      } else if (isBreak(c)) {
        lineBreaks = true;
        if (i == 0) {
          leadingBreak = true;
        }
        if (i == cps.length - 1) {
          trailingBreak = true;
        }
        if (previousSpace) {
          spaceBreak = true;
        }
        previousSpace = false;
        previousBreak = true;
      } else {
        previousSpace = false;
        previousBreak = false;
      }
      precededByWhitespace = isBlank(c) || isBreak(c);
    }
    a.multiline = lineBreaks;
    if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
      a.blockPlainAllowed = false;
    }
    if (trailingSpace) {
      a.blockAllowed = false;
    }
    if (breakSpace) {
      a.blockPlainAllowed = false;
      a.singleQuotedAllowed = false;
    }
    if (spaceBreak || specialCharacters) {
      a.blockPlainAllowed = false;
      a.singleQuotedAllowed = false;
      a.blockAllowed = false;
    }
    if (lineBreaks || blockIndicators) {
      a.blockPlainAllowed = false;
    }
    return a;
  }

  private static boolean isBlank(int c) {
    return c == ' ' || c == '\t';
  }

  private static boolean isBreak(int c) {
    return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
  }

  private static boolean isPrintable(int c) {
    return c == 0x0A || (c >= 0x20 && c <= 0x7E) || c == 0x85 || (c >= 0xA0 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF) || (c >= 0x10000 && c <= 0x10FFFF);
  }

  // --- writers (go-yaml's emitter primitives) ---

  private void put(char c) {
    out.append(c);
    column++;
  }

  private void putCodePoint(int c) {
    out.appendCodePoint(c);
    column++;
  }

  private void putBreak() {
    out.append('\n');
    column = 0;
  }

  private void writeIndent(int indent) {
    int target = Math.max(indent, 0);
    if (!indention || column > target || (column == target && !whitespace)) {
      putBreak();
    }
    while (column < target) {
      put(' ');
    }
    whitespace = true;
    indention = true;
  }

  private void indicator(String text, boolean needWhitespace) {
    if (needWhitespace && !whitespace) {
      put(' ');
    }
    for (int i = 0; i < text.length(); i++) {
      put(text.charAt(i));
    }
    whitespace = false;
  }

  private void plain(String s) {
    if (!whitespace) {
      put(' ');
    }
    for (int i = 0; i < s.length(); i++) {
      put(s.charAt(i));
    }
    whitespace = false;
    indention = false;
  }

  private void writePlain(String s, int indent, boolean allowBreaks) {
    if (!whitespace) {
      put(' ');
    }
    int[] cps = s.codePoints().toArray();
    boolean spaces = false;
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (c == ' ') {
        if (allowBreaks && !spaces && column > BEST_WIDTH && !(i + 1 < cps.length && cps[i + 1] == ' ')) {
          writeIndent(indent);
        } else {
          putCodePoint(c);
        }
        spaces = true;
      } else {
        putCodePoint(c);
        spaces = false;
      }
      indention = false;
    }
    whitespace = false;
    indention = false;
  }

  private void writeSingle(String s, int indent, boolean allowBreaks) {
    indicator("'", true);
    int[] cps = s.codePoints().toArray();
    boolean spaces = false;
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (c == ' ') {
        if (allowBreaks && !spaces && column > BEST_WIDTH && i > 0 && i < cps.length - 1 && cps[i + 1] != ' ') {
          writeIndent(indent);
        } else {
          putCodePoint(c);
        }
        spaces = true;
      } else {
        if (c == '\'') {
          put('\'');
        }
        putCodePoint(c);
        indention = false;
        spaces = false;
      }
    }
    indicator("'", false);
    whitespace = false;
    indention = false;
  }

  private void writeDouble(String s, int indent, boolean allowBreaks) {
    indicator("\"", true);
    int[] cps = s.codePoints().toArray();
    boolean spaces = false;
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (!isPrintable(c) || c == 0xFEFF || isBreak(c) || c == '"' || c == '\\') {
        put('\\');
        String esc = switch (c) {
          case 0x00 -> "0";
          case 0x07 -> "a";
          case 0x08 -> "b";
          case 0x09 -> "t";
          case 0x0A -> "n";
          case 0x0B -> "v";
          case 0x0C -> "f";
          case 0x0D -> "r";
          case 0x1B -> "e";
          case '"' -> "\"";
          case '\\' -> "\\";
          case 0x85 -> "N";
          case 0xA0 -> "_";
          case 0x2028 -> "L";
          case 0x2029 -> "P";
          default -> c <= 0xFF ? String.format("x%02X", c)
              : c <= 0xFFFF ? String.format("u%04X", c) : String.format("U%08X", c);
        };
        for (int k = 0; k < esc.length(); k++) {
          put(esc.charAt(k));
        }
        spaces = false;
      } else if (c == ' ') {
        if (allowBreaks && !spaces && column > BEST_WIDTH && i != 0 && i != cps.length - 1) {
          writeIndent(indent);
          if (i + 1 < cps.length && cps[i + 1] == ' ') {
            put('\\');
          }
        } else {
          putCodePoint(c);
        }
        spaces = true;
      } else {
        putCodePoint(c);
        spaces = false;
      }
    }
    indicator("\"", false);
    whitespace = false;
    indention = false;
  }

  private void writeLiteral(String s, int indent) {
    indicator("|", true);
    int[] cps = s.codePoints().toArray();
    if (cps[0] == ' ' || isBreak(cps[0])) {
      indicator(Integer.toString(BEST_INDENT), false);
    }
    int last = cps[cps.length - 1];
    if (!isBreak(last)) {
      indicator("-", false);
    } else if (cps.length == 1 || isBreak(cps[cps.length - 2])) {
      indicator("+", false);
    }
    putBreak();
    indention = true;
    whitespace = true;
    boolean breaks = true;
    for (int c : cps) {
      if (isBreak(c)) {
        putBreak();
        indention = true;
        breaks = true;
      } else {
        if (breaks) {
          writeIndent(indent);
          breaks = false;
        }
        putCodePoint(c);
        indention = false;
      }
    }
    // as go-yaml: after a final line break the next key needs no further break
  }

  /** Go's {@code strconv.FormatFloat(f, 'g', -1, 64)} as go-yaml writes floats. */
  static String formatFloat(double d) {
    if (Double.isNaN(d)) {
      return ".nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? ".inf" : "-.inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0" : "0";
    }
    BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = exact.unscaledValue().toString();
    int exponent = digits.length() - 1 - exact.scale();
    String sign = d < 0 ? "-" : "";
    // shortest 'g' switches to %e below 1e-4 and from 1e6 on (precision 6 decides)
    if (exponent < -4 || exponent >= 6) {
      return sign + goExp(digits, exponent);
    }
    return sign + exact.toPlainString();
  }

  private static String goExp(String digits, int exponent) {
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String exp = Integer.toString(Math.abs(exponent));
    return mantissa + "e" + (exponent < 0 ? "-" : "+") + (exp.length() < 2 ? "0" + exp : exp);
  }

  private static int compareKeys(String a, String b) {
    int[] ar = a.codePoints().toArray();
    int[] br = b.codePoints().toArray();
    for (int i = 0; i < ar.length && i < br.length; i++) {
      if (ar[i] == br[i]) {
        continue;
      }
      boolean al = Character.isLetter(ar[i]);
      boolean bl = Character.isLetter(br[i]);
      if (al && bl) {
        return Integer.compare(ar[i], br[i]);
      }
      if (al || bl) {
        return bl ? -1 : 1;
      }
      long an = 0;
      long bn = 0;
      if (ar[i] == '0' || br[i] == '0') {
        for (int j = i - 1; j >= 0 && Character.isDigit(ar[j]); j--) {
          if (ar[j] != '0') {
            an = 1;
            bn = 1;
            break;
          }
        }
      }
      int ai = i;
      for (; ai < ar.length && Character.isDigit(ar[ai]); ai++) {
        an = an * 10 + (ar[ai] - '0');
      }
      int bi = i;
      for (; bi < br.length && Character.isDigit(br[bi]); bi++) {
        bn = bn * 10 + (br[bi] - '0');
      }
      if (an != bn) {
        return Long.compare(an, bn);
      }
      if (ai != bi) {
        return Integer.compare(ai, bi);
      }
      return Integer.compare(ar[i], br[i]);
    }
    return Integer.compare(ar.length, br.length);
  }
}
