package org.kumaj.kumactl;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a JSON tree the way Go's {@code json.MarshalIndent(v, "", indent)} does: fields in the
 * tree's order, {@code "key": value}, empty containers as {@code {}} / {@code []}, HTML characters
 * escaped as {@code \u003c} etc., floats in Go's shortest form. Stateless.
 */
final class GoJson {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoJson() {}

  /** The indented text of {@code node}, without a trailing newline. */
  static String indent(JsonNode node, String indent) {
    StringBuilder out = new StringBuilder();
    write(out, node, indent, 0);
    return out.toString();
  }

  /** The compact text of {@code node} ({@code json.Marshal}). */
  static String compact(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(out, node, null, 0);
    return out.toString();
  }

  private static void write(StringBuilder out, JsonNode node, String indent, int depth) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      out.append("null");
    } else if (node.isObject()) {
      if (node.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append('{');
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      boolean first = true;
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        separator(out, first, indent, depth + 1);
        first = false;
        string(out, e.getKey());
        out.append(indent == null ? ":" : ": ");
        write(out, e.getValue(), indent, depth + 1);
      }
      close(out, indent, depth);
      out.append('}');
    } else if (node.isArray()) {
      if (node.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        separator(out, i == 0, indent, depth + 1);
        write(out, node.get(i), indent, depth + 1);
      }
      close(out, indent, depth);
      out.append(']');
    } else if (node.isTextual()) {
      string(out, node.textValue());
    } else if (node.isIntegralNumber()) {
      out.append(node.bigIntegerValue());
    } else if (node.isNumber()) {
      out.append(number(node.doubleValue()));
    } else if (node.isBoolean()) {
      out.append(node.booleanValue());
    } else {
      string(out, node.asText());
    }
  }

  private static void separator(StringBuilder out, boolean first, String indent, int depth) {
    if (!first) {
      out.append(',');
    }
    if (indent != null) {
      out.append('\n');
      for (int i = 0; i < depth; i++) {
        out.append(indent);
      }
    }
  }

  private static void close(StringBuilder out, String indent, int depth) {
    if (indent != null) {
      out.append('\n');
      for (int i = 0; i < depth; i++) {
        out.append(indent);
      }
    }
  }

  /** Go's float64 JSON encoding: 'f' form unless tiny or huge, then 'e' with a short exponent. */
  static String number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e21) {
      return new BigDecimal(d).toPlainString();
    }
    double abs = Math.abs(d);
    BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
      String digits = exact.unscaledValue().abs().toString();
      int exponent = digits.length() - 1 - exact.scale();
      String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      return (d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }
    return exact.toPlainString();
  }

  static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> unicode(out, c);
        default -> {
          if (c < 0x20) {
            unicode(out, c);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static void unicode(StringBuilder out, char c) {
    out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
        .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
  }
}
