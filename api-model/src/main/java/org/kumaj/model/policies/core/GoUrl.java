package org.kumaj.model.policies.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The parts of a URL as Go's {@code net/url} parses them ({@code url.Parse} and
 * {@code url.ParseRequestURI}), so that Kuma's URL checks can be reproduced. Only what the checks
 * read is kept; paths and fragments stay percent-encoded.
 *
 * @param scheme lower-cased scheme, {@code ""} when none
 * @param opaque the rootless part after {@code scheme:}
 * @param hasUser whether a {@code userinfo@} part was present
 * @param host host and optional {@code :port}
 * @param path the path
 * @param rawQuery the query without {@code ?}
 * @param fragment the fragment without {@code #} (only {@link #parse} splits it off)
 */
public record GoUrl(
    String scheme,
    String opaque,
    boolean hasUser,
    String host,
    String path,
    String rawQuery,
    String fragment) {

  /** Go's {@code url.Parse}; null when Go reports an error. */
  public static GoUrl parse(String rawUrl) {
    int hash = rawUrl.indexOf('#');
    String u = hash < 0 ? rawUrl : rawUrl.substring(0, hash);
    String frag = hash < 0 ? "" : rawUrl.substring(hash + 1);
    GoUrl url = parse(u, false);
    if (url == null || (!frag.isEmpty() && !validEscapes(frag, false))) {
      return null;
    }
    return frag.isEmpty() ? url
        : new GoUrl(url.scheme, url.opaque, url.hasUser, url.host, url.path, url.rawQuery, frag);
  }

  /** Go's {@code url.ParseRequestURI}; null when Go reports an error. */
  public static GoUrl parseRequestUri(String rawUrl) {
    return parse(rawUrl, true);
  }

  /** The port part of {@link #host} (Go's {@code URL.Port()}), {@code ""} when none. */
  public String port() {
    int colon = host.lastIndexOf(':');
    if (colon >= 0 && validOptionalPort(host.substring(colon))) {
      return host.substring(colon + 1);
    }
    return "";
  }

  /** {@link #path} with percent-escapes decoded (Go keeps {@code URL.Path} decoded). */
  public String decodedPath() {
    if (path.indexOf('%') < 0) {
      return path;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '%' && i + 2 < path.length()) {
        bytes.write(Integer.parseInt(path.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(b, 0, b.length);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static GoUrl parse(String rawUrl, boolean viaRequest) {
    for (int i = 0; i < rawUrl.length(); i++) {
      char c = rawUrl.charAt(i);
      if (c < ' ' || c == 0x7f) {
        return null;
      }
    }
    if (rawUrl.isEmpty() && viaRequest) {
      return null;
    }
    if (rawUrl.equals("*")) {
      return new GoUrl("", "", false, "", "*", "", "");
    }
    String scheme = "";
    String rest = rawUrl;
    for (int i = 0; i < rawUrl.length(); i++) {
      char c = rawUrl.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        continue;
      }
      if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
        if (i == 0) {
          break;
        }
        continue;
      }
      if (c == ':') {
        if (i == 0) {
          return null;
        }
        scheme = rawUrl.substring(0, i).toLowerCase(Locale.ROOT);
        rest = rawUrl.substring(i + 1);
      }
      break;
    }
    String rawQuery = "";
    if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
      rest = rest.substring(0, rest.length() - 1);
    } else {
      int q = rest.indexOf('?');
      if (q >= 0) {
        rawQuery = rest.substring(q + 1);
        rest = rest.substring(0, q);
      }
    }
    if (!rest.startsWith("/")) {
      if (!scheme.isEmpty()) {
        return new GoUrl(scheme, rest, false, "", "", rawQuery, "");
      }
      if (viaRequest) {
        return null;
      }
      int slash = rest.indexOf('/');
      String segment = slash < 0 ? rest : rest.substring(0, slash);
      if (segment.contains(":")) {
        return null;
      }
    }
    String host = "";
    boolean hasUser = false;
    if ((!scheme.isEmpty() || (!viaRequest && !rest.startsWith("///"))) && rest.startsWith("//")) {
      String authority = rest.substring(2);
      rest = "";
      int slash = authority.indexOf('/');
      if (slash >= 0) {
        rest = authority.substring(slash);
        authority = authority.substring(0, slash);
      }
      int at = authority.lastIndexOf('@');
      host = at < 0 ? authority : authority.substring(at + 1);
      if (!validHost(host)) {
        return null;
      }
      if (at >= 0) {
        String userinfo = authority.substring(0, at);
        if (!validUserinfo(userinfo) || !validEscapes(userinfo, false)) {
          return null;
        }
        hasUser = true;
      }
    }
    if (!validEscapes(rest, false)) {
      return null;
    }
    return new GoUrl(scheme, "", hasUser, host, rest, rawQuery, "");
  }

  private static boolean validHost(String host) {
    if (host.startsWith("[")) {
      int i = host.lastIndexOf(']');
      if (i < 0 || !validOptionalPort(host.substring(i + 1))) {
        return false;
      }
      int zone = host.substring(0, i).indexOf("%25");
      if (zone >= 0) {
        return validEscapes(host.substring(0, zone), true)
            && validZone(host.substring(zone, i))
            && validEscapes(host.substring(i), true);
      }
    } else {
      int i = host.lastIndexOf(':');
      if (i >= 0 && !validOptionalPort(host.substring(i))) {
        return false;
      }
    }
    return validEscapes(host, true);
  }

  private static boolean validOptionalPort(String port) {
    if (port.isEmpty()) {
      return true;
    }
    if (port.charAt(0) != ':') {
      return false;
    }
    for (int i = 1; i < port.length(); i++) {
      if (port.charAt(i) < '0' || port.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean validUserinfo(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0) {
        continue;
      }
      return false;
    }
    return true;
  }

  /** Go's {@code unescape} checks: well-formed {@code %XX}, and host characters in host mode. */
  private static boolean validEscapes(String s, boolean hostMode) {
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length() || !hex(s.charAt(i + 1)) || !hex(s.charAt(i + 2))) {
          return false;
        }
        if (hostMode && Character.digit(s.charAt(i + 1), 16) < 8 && !s.startsWith("%25", i)) {
          return false;
        }
        i += 3;
      } else {
        if (hostMode && c < 0x80 && !hostChar(c)) {
          return false;
        }
        i++;
      }
    }
    return true;
  }

  private static boolean validZone(String s) {
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length() || !hex(s.charAt(i + 1)) || !hex(s.charAt(i + 2))) {
          return false;
        }
        char v = (char) Integer.parseInt(s.substring(i + 1, i + 3), 16);
        if (!s.startsWith("%25", i) && v != ' ' && !hostChar(v)) {
          return false;
        }
        i += 3;
      } else {
        if (c < 0x80 && !hostChar(c)) {
          return false;
        }
        i++;
      }
    }
    return true;
  }

  private static boolean hostChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || "!$&'()*+,;=:[]<>\"-_.~".indexOf(c) >= 0;
  }

  private static boolean hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
