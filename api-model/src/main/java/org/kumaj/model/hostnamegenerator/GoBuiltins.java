package org.kumaj.model.hostnamegenerator;

import static org.kumaj.model.hostnamegenerator.GoTemplate.NO_VALUE;
import static org.kumaj.model.hostnamegenerator.GoTemplate.format;
import static org.kumaj.model.hostnamegenerator.GoTemplate.typeName;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kumaj.model.validation.GoStrings;

/** Go's builtin template functions ({@code eq}, {@code len}, {@code printf}, ...). Stateless. */
final class GoBuiltins {
  private enum Kind { INVALID, BOOL, INT, FLOAT, STRING }

  private GoBuiltins() {}

  static Object call(String fn, List<Object> a) throws Exception {
    return switch (fn) {
      case "not" -> !GoTemplate.isTrue(a.get(0));
      case "len" -> len(a.get(0));
      case "index" -> index(a.get(0), a.subList(1, a.size()));
      case "slice" -> slice(a.get(0), a.subList(1, a.size()));
      case "call" -> throw new Exception(a.get(0) == NO_VALUE
          ? "call of nil" : "non-function of type " + typeName(a.get(0)));
      case "print" -> sprint(a);
      case "println" -> sprintln(a);
      case "printf" -> sprintf((String) a.get(0), a.subList(1, a.size()));
      case "html" -> htmlEscape(evalArgs(a));
      case "js" -> jsEscape(evalArgs(a));
      case "urlquery" -> queryEscape(evalArgs(a));
      case "eq" -> eq(a.get(0), a.subList(1, a.size()));
      case "ne" -> !eq(a.get(0), a.subList(1, 2));
      case "lt" -> lt(a.get(0), a.get(1));
      case "le" -> lt(a.get(0), a.get(1)) || eq(a.get(0), a.subList(1, 2));
      case "gt" -> !(lt(a.get(0), a.get(1)) || eq(a.get(0), a.subList(1, 2)));
      case "ge" -> !lt(a.get(0), a.get(1));
      default -> throw new IllegalStateException("not a builtin: " + fn);
    };
  }

  private static Kind kind(Object v) {
    if (v instanceof Boolean) {
      return Kind.BOOL;
    }
    if (v instanceof Long) {
      return Kind.INT;
    }
    if (v instanceof Double) {
      return Kind.FLOAT;
    }
    if (v instanceof String) {
      return Kind.STRING;
    }
    return Kind.INVALID;
  }

  private static boolean eq(Object arg1, List<Object> others) throws Exception {
    if (others.isEmpty()) {
      throw new Exception("missing argument for comparison");
    }
    Kind k1 = kind(arg1);
    for (Object arg : others) {
      Kind k2 = kind(arg);
      if (k1 != k2) {
        if (arg1 != NO_VALUE && arg != NO_VALUE) {
          throw new Exception("incompatible types for comparison");
        }
      } else if (arg1.equals(arg)) {
        return true;
      }
    }
    return false;
  }

  private static boolean lt(Object arg1, Object arg2) throws Exception {
    Kind k1 = kind(arg1);
    Kind k2 = kind(arg2);
    if (k1 == Kind.INVALID || k2 == Kind.INVALID) {
      throw new Exception("invalid type for comparison");
    }
    if (k1 != k2) {
      throw new Exception("incompatible types for comparison");
    }
    return switch (k1) {
      case BOOL -> throw new Exception("invalid type for comparison");
      case INT -> (Long) arg1 < (Long) arg2;
      case FLOAT -> (Double) arg1 < (Double) arg2;
      default -> ((String) arg1).compareTo((String) arg2) < 0;
    };
  }

  private static long len(Object item) throws Exception {
    if (item == NO_VALUE) {
      throw new Exception("reflect: call of reflect.Value.Type on zero Value");
    }
    if (item instanceof String s) {
      return s.getBytes(StandardCharsets.UTF_8).length;
    }
    if (item instanceof List<?> l) {
      return l.size();
    }
    if (item instanceof Map<?, ?> m) {
      return m.size();
    }
    throw new Exception("len of type " + typeName(item));
  }

  private static Object index(Object item, List<Object> indexes) throws Exception {
    if (item == NO_VALUE) {
      throw new Exception("index of untyped nil");
    }
    for (Object index : indexes) {
      if (item instanceof String || item instanceof List) {
        int size = item instanceof String s ? s.getBytes(StandardCharsets.UTF_8).length
            : ((List<?>) item).size();
        int x = indexArg(index, size, true);
        item = item instanceof String s ? (Object) (long) (s.getBytes(StandardCharsets.UTF_8)[x] & 0xff)
            : GoTemplate.normalize(((List<?>) item).get(x));
      } else if (item instanceof Map<?, ?> m) {
        if (!(index instanceof String)) {
          throw new Exception("value has type " + typeName(index) + "; should be string");
        }
        item = m.containsKey(index) ? GoTemplate.normalize(m.get(index)) : NO_VALUE;
      } else if (item == NO_VALUE) {
        throw new Exception("index of nil pointer");
      } else {
        throw new Exception("can't index item of type " + typeName(item));
      }
    }
    return item;
  }

  private static int indexArg(Object index, int cap, boolean strict) throws Exception {
    if (index == NO_VALUE) {
      throw new Exception("cannot index slice/array with nil");
    }
    if (!(index instanceof Long x)) {
      throw new Exception("cannot index slice/array with type " + typeName(index));
    }
    if (x < 0 || (strict ? x >= cap : x > cap)) {
      throw new Exception("index out of range: " + x);
    }
    return x.intValue();
  }

  private static Object slice(Object item, List<Object> indexes) throws Exception {
    if (item == NO_VALUE) {
      throw new Exception("slice of untyped nil");
    }
    if (indexes.size() > 3) {
      throw new Exception("too many slice indexes: " + indexes.size());
    }
    if (!(item instanceof String) && !(item instanceof List)) {
      throw new Exception("can't slice item of type " + typeName(item));
    }
    if (item instanceof String && indexes.size() == 3) {
      throw new Exception("cannot 3-index slice a string");
    }
    int len = item instanceof String s ? s.getBytes(StandardCharsets.UTF_8).length
        : ((List<?>) item).size();
    int[] idx = {0, len};
    for (int i = 0; i < Math.min(indexes.size(), 2); i++) {
      idx[i] = indexArg(indexes.get(i), len, false);
    }
    if (idx[0] > idx[1]) {
      throw new Exception("invalid slice index: " + idx[0] + " > " + idx[1]);
    }
    if (item instanceof String s) {
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      return new String(bytes, idx[0], idx[1] - idx[0], StandardCharsets.UTF_8);
    }
    return new ArrayList<>(((List<?>) item).subList(idx[0], idx[1]));
  }

  static String sprint(List<Object> args) {
    StringBuilder sb = new StringBuilder();
    boolean prevString = false;
    for (int i = 0; i < args.size(); i++) {
      Object arg = args.get(i);
      boolean isString = arg instanceof String;
      if (i > 0 && !isString && !prevString) {
        sb.append(' ');
      }
      sb.append(format(arg));
      prevString = isString;
    }
    return sb.toString();
  }

  private static String sprintln(List<Object> args) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(format(args.get(i)));
    }
    return sb.append('\n').toString();
  }

  /** {@code fmt.Sprintf} for the common verbs ({@code %v %s %d %q %t %x %X %f %e %g %c %%}). */
  static String sprintf(String fmt, List<Object> args) {
    StringBuilder sb = new StringBuilder();
    int argNum = 0;
    int i = 0;
    while (i < fmt.length()) {
      char c = fmt.charAt(i++);
      if (c != '%') {
        sb.append(c);
        continue;
      }
      StringBuilder flags = new StringBuilder();
      while (i < fmt.length() && "+-# 0".indexOf(fmt.charAt(i)) >= 0) {
        flags.append(fmt.charAt(i++));
      }
      int width = -1;
      int start = i;
      while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) {
        i++;
      }
      if (i > start) {
        width = Integer.parseInt(fmt.substring(start, i));
      }
      int precision = -1;
      if (i < fmt.length() && fmt.charAt(i) == '.') {
        i++;
        start = i;
        while (i < fmt.length() && Character.isDigit(fmt.charAt(i))) {
          i++;
        }
        precision = i > start ? Integer.parseInt(fmt.substring(start, i)) : 0;
      }
      if (i >= fmt.length()) {
        sb.append("%!(NOVERB)");
        break;
      }
      char verb = fmt.charAt(i++);
      if (verb == '%') {
        sb.append('%');
        continue;
      }
      if (argNum >= args.size()) {
        sb.append("%!").append(verb).append("(MISSING)");
        continue;
      }
      Object arg = args.get(argNum++);
      sb.append(pad(formatVerb(verb, arg, precision), width, flags.toString()));
    }
    if (argNum < args.size()) {
      sb.append("%!(EXTRA ");
      for (int k = argNum; k < args.size(); k++) {
        if (k > argNum) {
          sb.append(", ");
        }
        sb.append(typeName(args.get(k))).append('=').append(format(args.get(k)));
      }
      sb.append(')');
    }
    return sb.toString();
  }

  private static String formatVerb(char verb, Object arg, int precision) {
    String bad = "%!" + verb + "(" + typeName(arg) + "=" + format(arg) + ")";
    switch (verb) {
      case 'v':
        return format(arg);
      case 's':
        if (arg instanceof String s) {
          return precision >= 0 && precision < s.length() ? s.substring(0, precision) : s;
        }
        return arg instanceof Long || arg instanceof Double || arg instanceof Boolean ? bad : format(arg);
      case 'q':
        if (arg instanceof String s) {
          return GoStrings.quote(s);
        }
        return arg instanceof Long l ? "'" + new String(Character.toChars(l.intValue())) + "'" : bad;
      case 'd':
        return arg instanceof Long l ? Long.toString(l) : bad;
      case 't':
        return arg instanceof Boolean b ? b.toString() : bad;
      case 'c':
        return arg instanceof Long l ? new String(Character.toChars(l.intValue())) : bad;
      case 'x':
      case 'X': {
        String hex;
        if (arg instanceof Long l) {
          hex = l < 0 ? "-" + Long.toHexString(-l) : Long.toHexString(l);
        } else if (arg instanceof String s) {
          StringBuilder h = new StringBuilder();
          for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h.append(String.format("%02x", b & 0xff));
          }
          hex = h.toString();
        } else {
          return bad;
        }
        return verb == 'X' ? hex.toUpperCase(Locale.ROOT) : hex;
      }
      case 'f':
      case 'e':
      case 'g': {
        Double d = arg instanceof Double x ? x : null;
        if (d == null) {
          return bad;
        }
        if (verb == 'g' && precision < 0) {
          return GoFloats.formatG(d);
        }
        String javaFmt = "%." + (precision < 0 ? 6 : precision) + verb;
        String s = String.format(Locale.ROOT, javaFmt, d);
        return verb == 'e' ? s.replaceFirst("e([+-])(\\d)$", "e$10$2") : s;
      }
      default:
        return bad;
    }
  }

  private static String pad(String s, int width, String flags) {
    int len = s.codePointCount(0, s.length());
    if (width <= len) {
      return s;
    }
    String fill = (flags.indexOf('0') >= 0 && flags.indexOf('-') < 0 ? "0" : " ").repeat(width - len);
    if (flags.indexOf('-') >= 0) {
      return s + fill;
    }
    if (fill.startsWith("0") && (s.startsWith("-") || s.startsWith("+"))) {
      return s.charAt(0) + fill + s.substring(1);
    }
    return fill + s;
  }

  private static String evalArgs(List<Object> args) {
    if (args.size() == 1 && args.get(0) instanceof String s) {
      return s;
    }
    List<Object> printable = new ArrayList<>();
    for (Object a : args) {
      printable.add(a == NO_VALUE ? "<no value>" : a);
    }
    return sprint(printable);
  }

  static String htmlEscape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("&#34;");
        case '\'' -> sb.append("&#39;");
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case 0 -> sb.append('\uFFFD');
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  static String jsEscape(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().forEach(r -> {
      switch (r) {
        case '\\' -> sb.append("\\\\");
        case '\'' -> sb.append("\\'");
        case '"' -> sb.append("\\\"");
        case '<' -> sb.append("\\u003C");
        case '>' -> sb.append("\\u003E");
        case '&' -> sb.append("\\u0026");
        case '=' -> sb.append("\\u003D");
        default -> {
          if (r < ' ') {
            sb.append(String.format("\\u00%02X", r));
          } else if (r >= 0x80 && !GoLiterals.isPrint(r)) {
            sb.append(String.format("\\u%04X", r));
          } else {
            sb.appendCodePoint(r);
          }
        }
      }
    });
    return sb.toString();
  }

  static String queryEscape(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || c == '-' || c == '_' || c == '.' || c == '~') {
        sb.append((char) c);
      } else if (c == ' ') {
        sb.append('+');
      } else {
        sb.append('%').append(String.format("%02X", c));
      }
    }
    return sb.toString();
  }
}
