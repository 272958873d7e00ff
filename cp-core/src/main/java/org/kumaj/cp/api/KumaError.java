package org.kumaj.cp.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.kumaj.model.validation.Violation;

/**
 * Kuma's error body ({@code /std-errors}): {@code type}, {@code status}, {@code title},
 * {@code detail}, {@code invalid_parameters}, and the deprecated mirrors {@code details} and
 * {@code causes}. Immutable.
 */
@JsonPropertyOrder({"type", "status", "title", "detail", "instance", "invalid_parameters", "details", "causes"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record KumaError(
    String type,
    int status,
    String title,
    String detail,
    String instance,
    @JsonProperty("invalid_parameters") List<InvalidParameter> invalidParameters,
    String details,
    List<Cause> causes) {

  /** One offending field. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record InvalidParameter(
      @JsonInclude(JsonInclude.Include.ALWAYS) String field, String reason, String rule, List<String> choices) {
    public InvalidParameter {
      field = field == null ? "" : field;
    }
  }

  /** One offending field in the deprecated {@code causes} form. */
  public record Cause(String field, String message) {}

  /** An error without field details. */
  public static KumaError of(int status, String title, String detail) {
    return new KumaError("/std-errors", status, title, detail, null, List.of(), detail, List.of());
  }

  /** An error listing the fields that failed validation. */
  public static KumaError invalid(int status, String title, String detail, List<Violation> violations) {
    List<InvalidParameter> params = violations.stream()
        .map(v -> new InvalidParameter(v.field(), v.message(), null, null)).toList();
    List<Cause> causes = violations.stream().map(v -> new Cause(v.field(), v.message())).toList();
    return new KumaError("/std-errors", status, title, detail, null, params, detail, causes);
  }
}
