package org.kumaj.kumactl;

import java.util.HashMap;
import java.util.Map;

/**
 * The subset of Mustache kumactl's {@code apply -v key=value} uses (Kuma renders with
 * {@code hoisie/mustache}): {@code {{ name }}} (HTML-escaped), {@code {{{ name }}}} and
 * {@code {{& name}}} (raw), {@code {{! comment }}}, and sections {@code {{#name}}...{{/name}}} /
 * {@code {{^name}}...{{/name}}} over the string values. Dotted keys ({@code a.b}) nest, as in
 * Kuma's context map. Missing names render as nothing. Stateless.
 */
final class Mustache {
  private Mustache() {}

  static String render(String template, Map<String, String> values) {
    Map<String, Object> context = new HashMap<>();
    values.forEach((k, v) -> put(context, k, v));
    return renderIn(template, context);
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> context, String key, String value) {
    int dot = key.indexOf('.');
    if (dot < 0) {
      context.put(key, value);
      return;
    }
    Object child = context.get(key.substring(0, dot));
    Map<String, Object> nested;
    if (child instanceof Map<?, ?> m) {
      nested = (Map<String, Object>) m;
    } else {
      nested = new HashMap<>();
      context.put(key.substring(0, dot), nested);
    }
    put(nested, key.substring(dot + 1), value);
  }

  private static String renderIn(String template, Map<String, Object> context) {
    StringBuilder out = new StringBuilder();
    int pos = 0;
    while (true) {
      int open = template.indexOf("{{", pos);
      if (open < 0) {
        out.append(template, pos, template.length());
        return out.toString();
      }
      out.append(template, pos, open);
      boolean triple = template.startsWith("{{{", open);
      int close = template.indexOf(triple ? "}}}" : "}}", open + (triple ? 3 : 2));
      if (close < 0) {
        out.append(template, open, template.length());
        return out.toString();
      }
      String tag = template.substring(open + (triple ? 3 : 2), close).trim();
      pos = close + (triple ? 3 : 2);
      if (triple) {
        out.append(text(lookup(context, tag)));
        continue;
      }
      char kind = tag.isEmpty() ? ' ' : tag.charAt(0);
      switch (kind) {
        case '!' -> { }
        case '&' -> out.append(text(lookup(context, tag.substring(1).trim())));
        case '#', '^' -> {
          String name = tag.substring(1).trim();
          String end = "{{/" + name + "}}";
          int endAt = findSectionEnd(template, pos, name);
          String body = endAt < 0 ? template.substring(pos) : template.substring(pos, endAt);
          Object value = lookup(context, name);
          boolean truthy = value != null && !(value instanceof String s && s.isEmpty());
          if (truthy == (kind == '#')) {
            out.append(renderIn(body, context));
          }
          pos = endAt < 0 ? template.length() : endAt + end.length();
        }
        case '/' -> { }
        default -> out.append(htmlEscape(text(lookup(context, tag))));
      }
    }
  }

  private static int findSectionEnd(String template, int from, String name) {
    String end = "{{/" + name + "}}";
    int at = template.indexOf(end, from);
    if (at >= 0) {
      return at;
    }
    return template.indexOf("{{ /" + name + " }}", from);
  }

  @SuppressWarnings("unchecked")
  private static Object lookup(Map<String, Object> context, String name) {
    Object direct = context.get(name);
    if (direct != null) {
      return direct;
    }
    Object current = context;
    for (String part : name.split("\\.")) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      current = ((Map<String, Object>) m).get(part);
    }
    return current;
  }

  private static String text(Object value) {
    return value instanceof String s ? s : value == null ? "" : value.toString();
  }

  /** Go's {@code template.HTMLEscape}. */
  private static String htmlEscape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("&#34;");
        case '\'' -> out.append("&#39;");
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\0' -> out.append('\uFFFD');
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
