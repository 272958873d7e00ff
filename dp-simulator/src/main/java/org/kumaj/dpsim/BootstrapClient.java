package org.kumaj.dpsim;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * kuma-dp's bootstrap call: {@code POST <dp-server>/bootstrap} over HTTP/1.1 with
 * {@code Accept: application/json}, verifying the control plane's certificate against the given CA
 * certificates only (and its host name). Thread-safe; one client serves many proxies.
 */
public final class BootstrapClient {
  private final URI endpoint;
  private final HttpClient http;
  private final Duration requestTimeout;

  private BootstrapClient(URI endpoint, HttpClient http, Duration requestTimeout) {
    this.endpoint = endpoint;
    this.http = http;
    this.requestTimeout = requestTimeout;
  }

  /**
   * A client for the dp-server at {@code baseUrl} (e.g. {@code https://127.0.0.1:5678}).
   *
   * @param trusted the CA certificates the server certificate must chain to (required for https;
   *     the control plane's self-signed certificate is {@code <workDir>/kuma-cp.crt})
   */
  public static BootstrapClient create(URI baseUrl, List<X509Certificate> trusted) {
    String scheme = baseUrl.getScheme();
    if (!"https".equals(scheme) && !"http".equals(scheme)) {
      throw new IllegalArgumentException(
          "unsupported URL scheme \"" + scheme + "\", must be http or https");
    }
    HttpClient.Builder b = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10));
    if ("https".equals(scheme)) {
      if (trusted.isEmpty()) {
        throw new IllegalArgumentException("https needs the CA certificate of the control plane");
      }
      b.sslContext(Certificates.clientContext(trusted));
    }
    String base = baseUrl.toString().replaceAll("/+$", "");
    return new BootstrapClient(URI.create(base + "/bootstrap"), b.build(), Duration.ofSeconds(30));
  }

  /** The bootstrap URL. */
  public URI endpoint() {
    return endpoint;
  }

  /**
   * Fetches and parses a bootstrap.
   *
   * @throws BootstrapException for an error answer (with Kuma's error body), no answer or an
   *     unusable answer
   */
  public BootstrapResult fetch(BootstrapRequest request) throws BootstrapException {
    try {
      return fetchAsync(request).get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof BootstrapException b) {
        throw b;
      }
      throw BootstrapException.transport(e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw BootstrapException.transport("interrupted", e);
    }
  }

  /** {@link #fetch} without blocking; fails with {@link BootstrapException}. */
  public CompletableFuture<BootstrapResult> fetchAsync(BootstrapRequest request) {
    String who = "bootstrap of " + request.mesh() + "." + request.name() + " at " + endpoint;
    HttpRequest http = HttpRequest.newBuilder(endpoint)
        .timeout(requestTimeout)
        .header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(request.toJson()))
        .build();
    return this.http.sendAsync(http, HttpResponse.BodyHandlers.ofString())
        .handle((response, error) -> {
          if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                ? error.getCause() : error;
            String tls = StreamErrors.tlsProblem(endpoint.toString(), endpoint.getHost(), cause);
            throw new CompletionException(BootstrapException.transport(tls != null ? tls
                : who + " failed: " + StreamErrors.rootMessage(cause), cause));
          }
          if (response.statusCode() != 200) {
            throw new CompletionException(
                BootstrapException.fromResponse(who, response.statusCode(), response.body()));
          }
          try {
            return BootstrapResult.parse(response.body());
          } catch (IOException e) {
            throw new CompletionException(
                BootstrapException.malformed(who + ": unusable answer: " + e.getMessage(), e));
          }
        });
  }
}
