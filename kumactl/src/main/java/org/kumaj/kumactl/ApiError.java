package org.kumaj.kumactl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An error body returned by the control plane (Kuma's {@code types.Error}: title, detail,
 * {@code invalid_parameters}, and the deprecated {@code details}/{@code causes}). kumactl prints
 * it as {@code Error: <title> (<detail>)} followed by one {@code * field: reason} line per
 * parameter, whatever the command wrapped around it, as Kuma's error formatter does.
 */
final class ApiError extends KumactlException {
  private static final long serialVersionUID = 1L;

  /** One invalid parameter (or deprecated cause). */
  record Field(String field, String reason) {}

  final int status;
  final String title;
  final String detail;
  final transient List<Field> invalidParameters;
  final transient List<Field> causes;

  private ApiError(int status, String title, String detail, List<Field> invalidParameters, List<Field> causes) {
    super(goError(title, detail, invalidParameters));
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.invalidParameters = invalidParameters;
    this.causes = causes;
  }

  /** The same error, wrapped by a command (the wrapping is dropped when printed, as in Kuma). */
  ApiError(ApiError original, String prefix) {
    this(original.status, original.title, original.detail, original.invalidParameters, original.causes);
  }

  /** Parses a Kuma error body; empty when the body has no {@code title}. */
  static ApiError parse(int status, JsonNode body) {
    if (body == null || !body.isObject() || body.path("title").asText("").isEmpty()) {
      return null;
    }
    String detail = body.path("detail").asText("");
    if (detail.isEmpty()) {
      detail = body.path("details").asText("");
    }
    List<Field> params = fields(body.get("invalid_parameters"), "reason");
    List<Field> causes = fields(body.get("causes"), "message");
    return new ApiError(status, body.path("title").asText(), detail, params, causes);
  }

  private static List<Field> fields(JsonNode list, String reasonKey) {
    if (list == null || !list.isArray()) {
      return null;
    }
    List<Field> fields = new ArrayList<>();
    for (JsonNode p : list) {
      fields.add(new Field(p.path("field").asText(""), p.path(reasonKey).asText("")));
    }
    return fields;
  }

  /** Kuma's {@code types.Error.Error()}, used where an API error is embedded in another message. */
  private static String goError(String title, String detail, List<Field> params) {
    StringBuilder msg = new StringBuilder(title).append(" (").append(detail).append(')');
    if (params != null) {
      for (Field p : params) {
        msg.append(';').append(p.field()).append('=').append(p.reason()).append(' ');
      }
    }
    return msg.toString();
  }

  /** Kuma's {@code FormatErrorWrapper} text (without the {@code Error: } prefix). */
  String formatted() {
    StringBuilder msg = new StringBuilder(title).append(" (").append(detail).append(')');
    List<Field> lines = causes != null && invalidParameters == null ? causes : invalidParameters;
    if (lines != null) {
      for (Field p : lines) {
        msg.append("\n* ").append(p.field()).append(": ").append(p.reason());
      }
    }
    return msg.toString();
  }
}
