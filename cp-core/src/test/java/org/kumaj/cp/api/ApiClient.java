package org.kumaj.cp.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kumaj.model.codec.Json;

/**
 * A small HTTP client for API tests: sends a request with optional headers and returns status,
 * headers and body. Requests carry {@code X-Forwarded-For} when sent {@link #asAnonymous()}, so the
 * control plane does not treat the loopback caller as admin.
 */
final class ApiClient {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final Map<String, String> headers;

  ApiClient(String base) {
    this(base, Map.of());
  }

  private ApiClient(String base, Map<String, String> headers) {
    this.base = base;
    this.headers = headers;
  }

  /** A client the server sees as a non-local (anonymous unless it sends credentials) caller. */
  ApiClient asAnonymous() {
    return with("X-Forwarded-For", "203.0.113.7");
  }

  /** A client sending {@code Authorization: Bearer <token>} from a non-local address. */
  ApiClient withToken(String token) {
    return asAnonymous().with("Authorization", "Bearer " + token);
  }

  ApiClient with(String name, String value) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put(name, value);
    return new ApiClient(base, all);
  }

  Response get(String path) {
    return send("GET", path, null);
  }

  Response put(String path, String body) {
    return send("PUT", path, body);
  }

  Response post(String path, String body) {
    return send("POST", path, body);
  }

  Response delete(String path) {
    return send("DELETE", path, null);
  }

  Response send(String method, String path, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    headers.forEach(b::header);
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body(), r.headers().map().entrySet().stream()
          .collect(java.util.stream.Collectors.toMap(e -> e.getKey().toLowerCase(java.util.Locale.ROOT),
              e -> String.join(",", e.getValue()), (a, c) -> a)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * An answer.
   *
   * @param status the status code
   * @param body the body text
   * @param headers the headers, names in lower case
   */
  record Response(int status, String body, Map<String, String> headers) {
    JsonNode json() {
      try {
        return Json.mapper().readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
      }
    }

    String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
