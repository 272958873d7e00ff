package org.kumaj.model.validation;

import java.util.Arrays;

/** The validation messages Kuma uses across types, word for word. */
public final class Messages {
  public static final String HAS_TO_BE_GREATER_THAN = "must be greater than";
  public static final String HAS_TO_BE_LESS_THAN = "must be less than";
  public static final String HAS_TO_BE_GREATER_OR_EQUAL_THEN = "must be greater or equal then";
  public static final String HAS_TO_BE_GREATER_THAN_ZERO = "must be greater than 0";
  public static final String MUST_NOT_BE_EMPTY = "must not be empty";
  public static final String MUST_BE_DEFINED = "must be defined";
  public static final String MUST_BE_SET = "must be set";
  public static final String MUST_NOT_BE_SET = "must not be set";
  public static final String MUST_NOT_BE_DEFINED = "must not be defined";
  public static final String MUST_BE_DEFINED_AND_GREATER_THAN_ZERO =
      "must be defined and greater than zero";
  public static final String WHEN_DEFINED_HAS_TO_BE_NON_NEGATIVE = "must not be negative when defined";
  public static final String WHEN_DEFINED_HAS_TO_BE_GREATER_THAN_ZERO =
      "must be greater than zero when defined";
  public static final String WHEN_DEFINED_HAS_TO_BE_VALID_PATH = "must be a valid path when defined";
  public static final String STRING_HAS_TO_BE_VALID_NUMBER = "string must be a valid number";
  public static final String MUST_HAVE_BPS_UNIT = "must be in kbps/Mbps/Gbps units";
  public static final String HAS_TO_BE_IN_PERCENTAGE_RANGE = inRange("0.0", "100.0");
  public static final String HAS_TO_BE_IN_UINT_PERCENTAGE_RANGE = inRange(0, 100);
  public static final String INVALID_PORT = "port must be a valid (1-65535)";

  private Messages() {}

  /** {@code must be in inclusive range [min, max]}. */
  public static String inRange(Object min, Object max) {
    return "must be in inclusive range [" + min + ", " + max + "]";
  }

  /** {@code <entity> must be one of: a, b}. */
  public static String mustBeOneOf(String entity, String... allowed) {
    return entity + " must be one of: " + String.join(", ", allowed);
  }

  /** {@code <entity> must have only one type defined: a, b}. */
  public static String mustHaveOnlyOne(String entity, String... allowed) {
    return entity + " must have only one type defined: " + String.join(", ", allowed);
  }

  /** {@code <entity> must have exactly one defined: a, b}. */
  public static String mustHaveExactlyOneOf(String entity, String... allowed) {
    return entity + " must have exactly one defined: " + String.join(", ", allowed);
  }

  /** {@code must have at least one defined: a, b}. */
  public static String mustHaveAtLeastOne(String... allowed) {
    return "must have at least one defined: " + String.join(", ", Arrays.asList(allowed));
  }
}
