package org.kumaj.model.policies.core;

/**
 * Go's {@code net} address parsing, as Kuma's validators use it: {@code net.ParseIP},
 * Kubernetes' {@code ParseIPSloppy}, {@code net.ParseCIDR} and {@code net.SplitHostPort}. Only
 * validity is reported. Stateless.
 */
public final class GoNet {
  private GoNet() {}

  /** Whether Go's {@code net.ParseIP} accepts {@code s} (no zone, no IPv4 leading zeros). */
  public static boolean isIP(String s) {
    return parseIP(s, false) != null;
  }

  /** Whether Kubernetes' {@code netutils.ParseIPSloppy} accepts {@code s} (leading zeros allowed). */
  public static boolean isIPSloppy(String s) {
    return parseIP(s, true) != null;
  }

  /** Whether Go's {@code net.ParseCIDR} accepts {@code s}. */
  public static boolean isCIDR(String s) {
    int slash = s.indexOf('/');
    if (slash < 0) {
      return false;
    }
    Integer bits = parseIP(s.substring(0, slash), false);
    if (bits == null) {
      return false;
    }
    String mask = s.substring(slash + 1);
    int n = 0;
    int i = 0;
    for (; i < mask.length() && mask.charAt(i) >= '0' && mask.charAt(i) <= '9'; i++) {
      n = n * 10 + (mask.charAt(i) - '0');
      if (n >= 0xFFFFFF) {
        return false;
      }
    }
    return i > 0 && i == mask.length() && n <= bits;
  }

  /** Whether Go's {@code net.SplitHostPort} accepts {@code hostport}. */
  public static boolean isHostPort(String hostport) {
    int i = hostport.lastIndexOf(':');
    if (i < 0) {
      return false;
    }
    int j = 0;
    int k = 0;
    if (hostport.charAt(0) == '[') {
      int end = hostport.indexOf(']');
      if (end < 0 || end + 1 == hostport.length() || end + 1 != i) {
        return false;
      }
      j = 1;
      k = end + 1;
    } else if (hostport.substring(0, i).indexOf(':') >= 0) {
      return false;
    }
    return hostport.indexOf('[', j) < 0 && hostport.indexOf(']', k) < 0;
  }

  /** The address length in bits (32 or 128), or null when {@code s} is not an IP. */
  static Integer parseIP(String s, boolean sloppy) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') {
        return ipv4(s, 0, s.length(), sloppy) ? 32 : null;
      }
      if (c == ':') {
        return ipv6(s, sloppy) ? 128 : null;
      }
    }
    return null;
  }

  private static boolean ipv4(String s, int from, int to, boolean sloppy) {
    int fields = 0;
    int val = 0;
    int digits = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (!sloppy && digits == 1 && val == 0) {
          return false;
        }
        val = val * 10 + (c - '0');
        digits++;
        if (val > 255) {
          return false;
        }
      } else if (c == '.') {
        if (i == from || i == to - 1 || s.charAt(i - 1) == '.' || fields == 3) {
          return false;
        }
        fields++;
        val = 0;
        digits = 0;
      } else {
        return false;
      }
    }
    return fields == 3 && digits > 0;
  }

  private static boolean ipv6(String in, boolean sloppy) {
    String s = in;
    int ellipsis = -1;
    if (s.length() >= 2 && s.charAt(0) == ':' && s.charAt(1) == ':') {
      ellipsis = 0;
      s = s.substring(2);
      if (s.isEmpty()) {
        return true;
      }
    }
    int i = 0;
    while (i < 16) {
      int off = 0;
      int acc = 0;
      for (; off < s.length(); off++) {
        int d = Character.digit(s.charAt(off), 16);
        if (d < 0 || s.charAt(off) > 'f') {
          break;
        }
        acc = (acc << 4) + d;
        if ((!sloppy && off > 3) || acc > 0xFFFF) {
          return false;
        }
      }
      if (off == 0) {
        return false;
      }
      if (off < s.length() && s.charAt(off) == '.') {
        if ((ellipsis < 0 && i != 12) || i + 4 > 16) {
          return false;
        }
        if (!ipv4(s, 0, s.length(), sloppy)) {
          return false;
        }
        s = "";
        i += 4;
        break;
      }
      i += 2;
      s = s.substring(off);
      if (s.isEmpty()) {
        break;
      }
      if (s.charAt(0) != ':' || s.length() == 1) {
        return false;
      }
      s = s.substring(1);
      if (s.charAt(0) == ':') {
        if (ellipsis >= 0) {
          return false;
        }
        ellipsis = i;
        s = s.substring(1);
        if (s.isEmpty()) {
          break;
        }
      }
    }
    if (!s.isEmpty()) {
      return false;
    }
    return i < 16 ? ellipsis >= 0 : ellipsis < 0;
  }
}
