package org.kumaj.cp.api;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One HTTP API request, independent of the HTTP framework.
 *
 * @param method upper-case HTTP method
 * @param path the decoded path, starting with {@code /}
 * @param query query parameters in arrival order per name
 * @param headers header lookup (case-insensitive); returns null when absent
 * @param body the request body, or null
 * @param remote the client address
 * @param secure whether it arrived over TLS
 * @param clientCertificateVerified whether the client presented a certificate the server verified
 */
public record ApiRequest(
    String method,
    String path,
    Map<String, List<String>> query,
    Function<String, String> headers,
    String body,
    InetSocketAddress remote,
    boolean secure,
    boolean clientCertificateVerified) {

  /** The first value of query parameter {@code name}, or null. */
  public String param(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public String header(String name) {
    return headers.apply(name);
  }

  /** {@code http(s)://<Host>} as the client addressed us. */
  public String baseUrl() {
    String host = header("Host");
    if (host == null || host.isEmpty()) {
      host = remote == null ? "localhost" : remote.getHostString();
    }
    return (secure ? "https://" : "http://") + host;
  }
}
