package org.kumaj.cp.api;

import java.net.InetAddress;
import java.net.URI;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.tokens.InvalidTokenException;
import org.kumaj.cp.tokens.UserTokenValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides who an API caller is, in Kuma's filter order:
 * <ol>
 *   <li>with {@code apiServer.authn.localhostIsAdmin}, a caller is admin when every one of Kuma's
 *       hardened checks holds: the connection comes from a loopback address, no forwarding header is
 *       present, the Host is a loopback name or address, and the browser fetch metadata
 *       ({@code Sec-Fetch-Site}, {@code Origin}) shows no cross-site request;</li>
 *   <li>{@code apiServer.authn.type: tokens} (the default): a still-anonymous caller sending
 *       {@code Authorization: Bearer <user token>} becomes that token's user, plus group
 *       {@code mesh-system:authenticated}; a token that does not verify answers 401 "Invalid
 *       authentication data" (routes marked to skip authentication ignore it);</li>
 *   <li>{@code apiServer.authn.type: adminClientCerts} (Kuma 2.x, deprecated): a still-anonymous
 *       caller presenting a verified client certificate on the HTTPS listener is admin.</li>
 * </ol>
 * Everyone else is anonymous. Thread-safe.
 */
final class Authenticator {
  private static final Logger LOG = LoggerFactory.getLogger("api-server.authn");
  private static final String BEARER = "Bearer ";

  private final boolean localhostIsAdmin;
  private final boolean tokens;
  private final boolean clientCerts;
  private final UserTokenValidator validator;

  Authenticator(KumaConfig config, UserTokenValidator validator) {
    this.localhostIsAdmin = config.bool("apiServer.authn.localhostIsAdmin");
    String type = config.string("apiServer.authn.type");
    this.tokens = type.equals("tokens");
    this.clientCerts = type.equals("adminClientCerts");
    this.validator = validator;
  }

  /**
   * Authenticates {@code request}.
   *
   * @param skipAuth the route is served without authentication (Kuma's {@code auth: skip})
   * @throws ApiException 401 when a bearer token does not verify
   */
  User authenticate(ApiRequest request, boolean skipAuth) {
    if (localhostIsAdmin && isHardenedLocalhost(request)) {
      return User.ADMIN;
    }
    if (skipAuth) {
      return User.ANONYMOUS;
    }
    if (tokens) {
      String header = request.header("Authorization");
      if (header != null && header.startsWith(BEARER)) {
        try {
          UserTokenValidator.UserIdentity id = validator.validate(header.substring(BEARER.length()));
          return new User(id.name(), Access.authenticatedGroups(id.groups()));
        } catch (InvalidTokenException e) {
          LOG.info("authentication rejected: {}", e.getMessage());
          throw unauthenticated();
        } catch (RuntimeException e) {
          LOG.warn("authentication rejected: the token could not be checked", e);
          throw unauthenticated();
        }
      }
    }
    if (clientCerts && request.clientCertificateVerified()) {
      return User.ADMIN;
    }
    return User.ANONYMOUS;
  }

  private static ApiException unauthenticated() {
    return new ApiException(KumaError.of(401, "Invalid authentication data", "Unauthenticated"));
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
