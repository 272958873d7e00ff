package org.kumaj.cp.api;

import java.net.InetAddress;
import java.net.URI;
import org.kumaj.cp.config.KumaConfig;

/**
 * Decides who an API caller is. With {@code apiServer.authn.localhostIsAdmin} a caller is admin only
 * when every one of Kuma's hardened checks holds: the connection comes from a loopback address, no
 * forwarding header is present, the Host is a loopback name or address, and the browser fetch
 * metadata ({@code Sec-Fetch-Site}, {@code Origin}) shows no cross-site request. Everyone else is
 * anonymous until token authentication lands. Stateless.
 */
final class Authenticator {
  private final boolean localhostIsAdmin;

  Authenticator(KumaConfig config) {
    this.localhostIsAdmin = config.bool("apiServer.authn.localhostIsAdmin");
  }

  User authenticate(ApiRequest request) {
    if (localhostIsAdmin && isHardenedLocalhost(request)) {
      return User.ADMIN;
    }
    return User.ANONYMOUS;
  }

  static boolean isHardenedLocalhost(ApiRequest request) {
    if (request.remote() == null || request.remote().getAddress() == null
        || !request.remote().getAddress().isLoopbackAddress()) {
      return false;
    }
    for (String h : new String[] {"Forwarded", "X-Forwarded-For", "X-Real-IP"}) {
      if (request.header(h) != null) {
        return false;
      }
    }
    String host = request.header("Host");
    if (host == null || !isLoopbackHost(hostName(host))) {
      return false;
    }
    String site = request.header("Sec-Fetch-Site");
    if (site != null && !site.isEmpty() && !site.equals("same-origin") && !site.equals("none")) {
      return false;
    }
    String origin = request.header("Origin");
    if (origin != null && !origin.isEmpty()) {
      try {
        URI o = URI.create(origin);
        if (o.getHost() == null || !isLoopbackHost(o.getHost()) || !(o.getHost() + portOf(o)).equals(hostName(host) + portOf(host))) {
          return false;
        }
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    return true;
  }

  private static String portOf(URI uri) {
    return uri.getPort() < 0 ? "" : ":" + uri.getPort();
  }

  private static String portOf(String hostHeader) {
    int bracket = hostHeader.lastIndexOf(']');
    int colon = hostHeader.lastIndexOf(':');
    return colon > bracket ? hostHeader.substring(colon) : "";
  }

  private static String hostName(String hostHeader) {
    if (hostHeader.startsWith("[")) {
      int end = hostHeader.indexOf(']');
      return end < 0 ? hostHeader : hostHeader.substring(1, end);
    }
    int colon = hostHeader.indexOf(':');
    return colon < 0 ? hostHeader : hostHeader.substring(0, colon);
  }

  private static boolean isLoopbackHost(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!host.matches("[0-9.]+") && !host.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }
}
