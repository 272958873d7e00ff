package org.kumaj.model.policies.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Kubernetes' {@code intstr.IntOrString}: a JSON number (int32) or a JSON string, remembering
 * which of the two it was so that it is written back the same way. Kuma uses it for percentages
 * and factors such as {@code "99.9"} or {@code 50}. Immutable.
 */
public final class IntOrString {
  private final Integer intValue;
  private final String stringValue;

  private IntOrString(Integer intValue, String stringValue) {
    this.intValue = intValue;
    this.stringValue = stringValue;
  }

  /** The integer form. */
  @JsonCreator
  public static IntOrString of(int value) {
    return new IntOrString(value, null);
  }

  /** The string form. */
  @JsonCreator
  public static IntOrString of(String value) {
    return new IntOrString(null, Objects.requireNonNull(value, "value"));
  }

  /** Whether the value was a JSON number. */
  public boolean isInt() {
    return intValue != null;
  }

  /** The integer value; only meaningful when {@link #isInt()}. */
  public int intValue() {
    return intValue == null ? 0 : intValue;
  }

  /** The string value; only meaningful when not {@link #isInt()}. */
  public String stringValue() {
    return stringValue;
  }

  /**
   * The value as a decimal, the way Kuma reads it ({@code NewDecimalFromIntOrString}); empty when
   * the string is not a number Kuma accepts.
   */
  public Optional<BigDecimal> toDecimal() {
    return isInt() ? Optional.of(BigDecimal.valueOf(intValue)) : Decimals.parse(stringValue);
  }

  @JsonValue
  Object jsonValue() {
    return isInt() ? intValue : stringValue;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IntOrString other
        && Objects.equals(intValue, other.intValue)
        && Objects.equals(stringValue, other.stringValue);
  }

  @Override
  public int hashCode() {
    return Objects.hash(intValue, stringValue);
  }

  /** The value as text, as Go's {@code IntOrString.String()} writes it. */
  @Override
  public String toString() {
    return isInt() ? Integer.toString(intValue) : stringValue;
  }
}
