package org.kumaj.model.mesh;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The Go address and URL parsing Kuma's validators rely on ({@code net.ParseIP},
 * {@code net.SplitHostPort}, {@code url.ParseRequestURI}, govalidator's {@code IsDNSName}), ported
 * so that the same inputs pass and fail. Never resolves names. Stateless.
 */
final class GoNet {
  private static final Pattern DNS_NAME = Pattern.compile(
      "^([a-zA-Z0-9_][a-zA-Z0-9_-]{0,62})(\\.[a-zA-Z0-9_][a-zA-Z0-9_-]{0,62})*[._]?$");
  private static final byte[] V4_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};

  private GoNet() {}

  /** A host and port split by {@link #splitHostPort}. */
  record HostPort(String host, String port) {}

  /** The parts of a request URI that Kuma looks at. */
  record RequestUri(String scheme, String host) {
    /** Go's {@code URL.Port()}: the port after the last colon of the host, or empty. */
    String port() {
      int colon = host.lastIndexOf(':');
      if (colon >= 0 && validOptionalPort(host.substring(colon))) {
        return host.substring(colon + 1);
      }
      return "";
    }
  }

  /** Go's {@code net.ParseIP}: 16 bytes (IPv4 as IPv4-mapped IPv6), or {@code null}. */
  static byte[] parseIp(String s) {
    if (s == null) {
      return null;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') {
        byte[] v4 = parseIpv4(s);
        if (v4 == null) {
          return null;
        }
        byte[] ip = Arrays.copyOf(V4_PREFIX, 16);
        System.arraycopy(v4, 0, ip, 12, 4);
        return ip;
      }
      if (c == ':') {
        return parseIpv6(s);
      }
      if (c == '%') {
        return null;
      }
    }
    return null;
  }

  static boolean isIp(String s) {
    return parseIp(s) != null;
  }

  /** Go's {@code net.IP.IsUnspecified} of a parsed address. */
  static boolean isUnspecified(byte[] ip) {
    byte[] zero = new byte[16];
    byte[] v4zero = Arrays.copyOf(V4_PREFIX, 16);
    return Arrays.equals(ip, zero) || Arrays.equals(ip, v4zero);
  }

  /**
   * Kuma's {@code overlap}: whether the addresses are equal or either is a wildcard; an address that
   * is not an IP never overlaps.
   */
  static boolean overlap(byte[] a, String b) {
    byte[] other = parseIp(b);
    if (a == null || other == null) {
      return false;
    }
    return isUnspecified(a) || isUnspecified(other) || Arrays.equals(a, other);
  }

  /** govalidator's {@code IsDNSName}. */
  static boolean isDnsName(String s) {
    if (s == null || s.isEmpty() || s.replace(".", "").length() > 255) {
      return false;
    }
    return !isIp(s) && DNS_NAME.matcher(s).matches();
  }

  /** Go's {@code net.SplitHostPort}, or {@code null} when Go returns an error. */
  static HostPort splitHostPort(String hostport) {
    int i = hostport.lastIndexOf(':');
    if (i < 0) {
      return null;
    }
    String host;
    int j = 0;
    int k = 0;
    if (!hostport.isEmpty() && hostport.charAt(0) == '[') {
      int end = hostport.indexOf(']');
      if (end < 0 || end + 1 != i) {
        return null;
      }
      host = hostport.substring(1, end);
      j = 1;
      k = end + 1;
    } else {
      host = hostport.substring(0, i);
      if (host.indexOf(':') >= 0) {
        return null;
      }
    }
    if (hostport.indexOf('[', j) >= 0 || hostport.indexOf(']', k) >= 0) {
      return null;
    }
    return new HostPort(host, hostport.substring(i + 1));
  }

  /** Go's {@code url.ParseRequestURI}: the parsed scheme and host, or {@code null} on error. */
  static RequestUri parseRequestUri(String raw) {
    if (raw == null || raw.isEmpty() || raw.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return null;
    }
    if (raw.equals("*")) {
      return new RequestUri("", "");
    }
    String scheme = "";
    String rest = raw;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (Character.isLetter(c) && c < 0x80) {
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
        scheme = raw.substring(0, i).toLowerCase(java.util.Locale.ROOT);
        rest = raw.substring(i + 1);
      }
      break;
    }
    if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
      rest = rest.substring(0, rest.length() - 1);
    } else if (rest.indexOf('?') >= 0) {
      rest = rest.substring(0, rest.indexOf('?'));
    }
    if (!rest.startsWith("/")) {
      return scheme.isEmpty() ? null : new RequestUri(scheme, "");
    }
    String host = "";
    if (!scheme.isEmpty() && rest.startsWith("//")) {
      String authority = rest.substring(2);
      int slash = authority.indexOf('/');
      rest = slash >= 0 ? authority.substring(slash) : "";
      authority = slash >= 0 ? authority.substring(0, slash) : authority;
      int at = authority.lastIndexOf('@');
      if (at >= 0 && !validUserinfo(authority.substring(0, at))) {
        return null;
      }
      host = parseHost(authority.substring(at + 1));
      if (host == null) {
        return null;
      }
    }
    return validEscapes(rest) ? new RequestUri(scheme, host) : null;
  }

  private static String parseHost(String host) {
    if (host.startsWith("[")) {
      int end = host.lastIndexOf(']');
      if (end < 0 || !validOptionalPort(host.substring(end + 1))) {
        return null;
      }
    } else {
      int colon = host.lastIndexOf(':');
      if (colon >= 0 && !validOptionalPort(host.substring(colon))) {
        return null;
      }
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c < 0x80 && !Character.isLetterOrDigit(c) && "-_.~!$&'()*+,;=:[]<>\"%".indexOf(c) < 0) {
        return null;
      }
    }
    return validEscapes(host) ? host : null;
  }

  private static boolean validOptionalPort(String port) {
    if (port.isEmpty()) {
      return true;
    }
    if (port.charAt(0) != ':') {
      return false;
    }
    return port.substring(1).chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static boolean validUserinfo(String s) {
    return s.chars().allMatch(c -> (c < 0x80 && Character.isLetterOrDigit(c))
        || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0 || c >= 0x80);
  }

  private static boolean validEscapes(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '%') {
        if (i + 2 >= s.length() || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
          return false;
        }
        i += 2;
      }
    }
    return true;
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0 && c < 0x80;
  }

  private static byte[] parseIpv4(String s) {
    String[] fields = s.split("\\.", -1);
    if (fields.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String f = fields[i];
      if (f.isEmpty() || f.length() > 3 || (f.length() > 1 && f.charAt(0) == '0')
          || !f.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      int v = Integer.parseInt(f);
      if (v > 255) {
        return null;
      }
      out[i] = (byte) v;
    }
    return out;
  }

  private static byte[] parseIpv6(String in) {
    byte[] ip = new byte[16];
    int ellipsis = -1;
    String s = in;
    if (s.startsWith("::")) {
      ellipsis = 0;
      s = s.substring(2);
      if (s.isEmpty()) {
        return ip;
      }
    }
    int i = 0;
    while (i < 16) {
      int off = 0;
      int acc = 0;
      for (; off < s.length(); off++) {
        int d = s.charAt(off) < 0x80 ? Character.digit(s.charAt(off), 16) : -1;
        if (d < 0) {
          break;
        }
        if (off > 3) {
          return null;
        }
        acc = (acc << 4) + d;
      }
      if (off == 0) {
        return null;
      }
      if (off < s.length() && s.charAt(off) == '.') {
        if ((ellipsis < 0 && i != 12) || i + 4 > 16) {
          return null;
        }
        byte[] v4 = parseIpv4(s);
        if (v4 == null) {
          return null;
        }
        System.arraycopy(v4, 0, ip, i, 4);
        i += 4;
        s = "";
        break;
      }
      ip[i] = (byte) (acc >> 8);
      ip[i + 1] = (byte) acc;
      i += 2;
      s = s.substring(off);
      if (s.isEmpty()) {
        break;
      }
      if (s.charAt(0) != ':' || s.length() == 1) {
        return null;
      }
      s = s.substring(1);
      if (s.charAt(0) == ':') {
        if (ellipsis >= 0) {
          return null;
        }
        ellipsis = i;
        s = s.substring(1);
        if (s.isEmpty()) {
          break;
        }
      }
    }
    if (!s.isEmpty()) {
      return null;
    }
    if (i < 16) {
      if (ellipsis < 0) {
        return null;
      }
      int n = 16 - i;
      for (int j = i - 1; j >= ellipsis; j--) {
        ip[j + n] = ip[j];
      }
      Arrays.fill(ip, ellipsis, ellipsis + n, (byte) 0);
    } else if (ellipsis >= 0) {
      return null;
    }
    return ip;
  }
}
