package org.kumaj.model.validation;

import java.util.List;

/** A resource (or request) failed validation; carries every violation found. */
public final class ValidationException extends RuntimeException {
  private final transient List<Violation> violations;

  public ValidationException(List<Violation> violations) {
    super(describe(violations));
    this.violations = List.copyOf(violations);
  }

  /** Shorthand for a single violation. */
  public static ValidationException of(String field, String message) {
    return new ValidationException(List.of(new Violation(field, message)));
  }

  public List<Violation> violations() {
    return violations;
  }

  private static String describe(List<Violation> violations) {
    StringBuilder sb = new StringBuilder();
    for (Violation v : violations) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(v.field().isEmpty() ? "" : v.field() + ": ").append(v.message());
    }
    return sb.toString();
  }
}
