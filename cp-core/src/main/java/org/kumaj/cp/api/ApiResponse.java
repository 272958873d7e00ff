package org.kumaj.cp.api;

/**
 * What the API answers: a status, a body (a JSON-serialisable value or a text) and its content type.
 *
 * @param status HTTP status
 * @param body the body: a String for non-JSON content, anything Jackson can serialise otherwise, or null
 * @param contentType the media type
 */
public record ApiResponse(int status, Object body, String contentType) {
  static final String JSON = "application/json";

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
}
