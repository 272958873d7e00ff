package org.kumaj.cp.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the API answers: a status, a body (a JSON-serialisable value or a text), its content type
 * and extra headers. Immutable.
 *
 * @param status HTTP status
 * @param body the body: a String for non-JSON content, anything Jackson can serialise otherwise, or null
 * @param contentType the media type
 * @param headers extra response headers (e.g. CORS), in order
 */
public record ApiResponse(int status, Object body, String contentType, Map<String, String> headers) {
  static final String JSON = "application/json";

  public ApiResponse {
    headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  public ApiResponse(int status, Object body, String contentType) {
    this(status, body, contentType, Map.of());
  }

  public static ApiResponse json(int status, Object body) {
    return new ApiResponse(status, body, JSON);
  }

  public static ApiResponse ok(Object body) {
    return json(200, body);
  }

  public static ApiResponse text(int status, String body) {
    return new ApiResponse(status, body, "text/plain");
  }

  public static ApiResponse error(KumaError error) {
    return json(error.status(), error);
  }

  /** This answer with {@code extra} headers added (existing names are replaced). */
  public ApiResponse withHeaders(Map<String, String> extra) {
    if (extra.isEmpty()) {
      return this;
    }
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.putAll(extra);
    return new ApiResponse(status, body, contentType, all);
  }
}
