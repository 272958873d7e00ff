package org.kumaj.model.codec;

/**
 * A resource document could not be bound to its type: wrong JSON types, a value that does not
 * parse (a duration, a base64 field), or a document that is not an object.
 */
public final class ResourceDecodeException extends RuntimeException {
  private final String field;
  private final String reason;

  /**
   * @param field the offending field in Kuma's path notation ({@code spec.targetRef.name}), or ""
   * @param reason what is wrong, e.g. {@code in body must be of type string: "number"}
   */
  public ResourceDecodeException(String field, String reason) {
    super(field.isEmpty() ? reason : field + ": " + reason);
    this.field = field;
    this.reason = reason;
  }

  public String field() {
    return field;
  }

  public String reason() {
    return reason;
  }
}
