package org.kumaj.cp.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kumaj.cp.config.KumaConfig;

/**
 * Cross-origin resource sharing as Kuma 2.14 configures go-restful's filter: off unless
 * {@code apiServer.corsAllowedDomains} lists origins. An origin is allowed when it equals an entry
 * (ignoring case) or an entry is the wildcard {@code .*} (go-restful 3.13 matches entries exactly;
 * other regular expressions match nothing). For an allowed origin:
 * <ul>
 *   <li>ordinary requests (and {@code OPTIONS} without {@code Access-Control-Request-Method}) are
 *       served with {@code Access-Control-Allow-Origin: <origin>} and
 *       {@code Access-Control-Expose-Headers: Access-Control-Allow-Origin};</li>
 *   <li>a preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) is answered 200
 *       without a body; when the method is one the path serves and no request headers are asked
 *       for (Kuma allows none), it also carries {@code Access-Control-Allow-Methods} and the origin
 *       headers.</li>
 * </ul>
 * Requests from other origins are served without CORS headers. Immutable.
 */
final class Cors {
  static final String WILDCARD = ".*";
  private final List<String> allowed;

  Cors(KumaConfig config) {
    this.allowed = config.strings("apiServer.corsAllowedDomains").stream()
        .map(d -> d.toLowerCase(Locale.ROOT)).toList();
  }

  boolean enabled() {
    return !allowed.isEmpty();
  }

  boolean isPreflight(ApiRequest request) {
    return enabled() && request.method().equals("OPTIONS") && allowedOrigin(request) != null
        && nonEmpty(request.header("Access-Control-Request-Method"));
  }

  /** The preflight answer for a path that serves {@code methods}. */
  ApiResponse preflight(ApiRequest request, List<String> methods) {
    String method = request.header("Access-Control-Request-Method");
    ApiResponse empty = new ApiResponse(200, null, ApiResponse.JSON);
    if (!methods.contains(method) || nonEmpty(request.header("Access-Control-Request-Headers"))) {
      return empty;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Access-Control-Allow-Methods", String.join(",", methods));
    headers.put("Access-Control-Allow-Headers", "");
    headers.putAll(originHeaders(request.header("Origin")));
    return empty.withHeaders(headers);
  }

  /** {@code response} with the CORS headers an ordinary request from an allowed origin gets. */
  ApiResponse decorate(ApiRequest request, ApiResponse response) {
    String origin = enabled() ? allowedOrigin(request) : null;
    return origin == null ? response : response.withHeaders(originHeaders(origin));
  }

  private static Map<String, String> originHeaders(String origin) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Access-Control-Expose-Headers", "Access-Control-Allow-Origin");
    headers.put("Access-Control-Allow-Origin", origin);
    return headers;
  }

  private String allowedOrigin(ApiRequest request) {
    String origin = request.header("Origin");
    if (!nonEmpty(origin)) {
      return null;
    }
    String lower = origin.toLowerCase(Locale.ROOT);
    return allowed.contains(WILDCARD) || allowed.contains(lower) ? origin : null;
  }

  private static boolean nonEmpty(String s) {
    return s != null && !s.isEmpty();
  }
}
