package org.kumaj.dpsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /bootstrap} failed: the control plane answered with an error status (the body is
 * kept and, when it is Kuma's {@code /std-errors} JSON, its title, detail and invalid parameters
 * are surfaced), or the request did not reach it (status 0, e.g. TLS verification). The message
 * is one line in kuma-dp's words.
 */
public final class BootstrapException extends IOException {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** kuma-dp's message for a 404 with an empty body. */
  static final String DP_NOT_FOUND = "Dataplane entity not found. If you are running on Universal"
      + " please create a Dataplane entity on kuma-cp before starting kuma-dp or pass it to"
      + " kuma-dp run --dataplane-file=/file.";

  private final int status;
  private final String body;
  private final String title;
  private final String detail;
  private final List<String> invalidParameters;

  private BootstrapException(String message, int status, String body, String title, String detail,
      List<String> invalidParameters, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.body = body;
    this.title = title;
    this.detail = detail;
    this.invalidParameters = List.copyOf(invalidParameters);
  }

  /** An error answer. */
  static BootstrapException fromResponse(String who, int status, String body) {
    String title = null;
    String detail = null;
    List<String> params = new ArrayList<>();
    String trimmed = body.strip();
    if (trimmed.startsWith("{")) {
      try {
        JsonNode json = JSON.readTree(trimmed);
        title = textOrNull(json.path("title"));
        detail = textOrNull(json.path("detail"));
        if (detail == null) {
          detail = textOrNull(json.path("details"));
        }
        for (JsonNode p : json.path("invalid_parameters")) {
          params.add(p.path("field").asText() + ": " + p.path("reason").asText());
        }
        if (params.isEmpty()) {
          for (JsonNode c : json.path("causes")) {
            params.add(c.path("field").asText() + ": " + c.path("message").asText());
          }
        }
      } catch (IOException e) {
        // not JSON after all: keep the text
      }
    }
    String explanation;
    if (status == 404 && trimmed.isEmpty()) {
      explanation = DP_NOT_FOUND;
    } else if (status / 100 == 4) {
      StringBuilder sb = new StringBuilder("Invalid request: ");
      if (title != null || detail != null) {
        sb.append(title == null ? "" : title);
        if (detail != null && !detail.equals(title)) {
          sb.append(title == null ? "" : ": ").append(detail);
        }
        if (!params.isEmpty()) {
          sb.append(" (").append(String.join("; ", params)).append(')');
        }
      } else {
        sb.append(trimmed.isEmpty() ? "(empty body)" : trimmed);
      }
      explanation = sb.toString();
    } else {
      explanation = "unexpected status code: " + status
          + (trimmed.isEmpty() ? "" : " (" + trimmed + ")");
    }
    return new BootstrapException(who + " failed with " + status + ": " + explanation, status, body,
        title, detail, params, null);
  }

  /** The request did not get an answer. */
  static BootstrapException transport(String message, Throwable cause) {
    return new BootstrapException(message, 0, "", null, null, List.of(), cause);
  }

  /** An answer that is not a usable bootstrap. */
  static BootstrapException malformed(String message, Throwable cause) {
    return new BootstrapException(message, 200, "", null, null, List.of(), cause);
  }

  private static String textOrNull(JsonNode n) {
    return n.isTextual() && !n.asText().isEmpty() ? n.asText() : null;
  }

  /** The HTTP status, 0 when there was no answer. */
  public int status() {
    return status;
  }

  /** The answer body as received. */
  public String body() {
    return body;
  }

  /** {@code title} of a Kuma error body. */
  public Optional<String> title() {
    return Optional.ofNullable(title);
  }

  /** {@code detail} of a Kuma error body. */
  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }

  /** {@code invalid_parameters} of a Kuma error body, each as {@code field: reason}. */
  public List<String> invalidParameters() {
    return invalidParameters;
  }
}
