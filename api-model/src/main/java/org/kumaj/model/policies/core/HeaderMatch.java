package org.kumaj.model.policies.core;

/**
 * Selects a request (or response) by one HTTP header.
 *
 * @param type {@code Exact} (default), {@code Present}, {@code RegularExpression}, {@code Absent}
 *     or {@code Prefix}
 * @param name the header name, lower case
 * @param value the value to compare with
 */
public record HeaderMatch(String type, String name, String value) {
  public static final String EXACT = "Exact";
  public static final String PRESENT = "Present";
  public static final String REGULAR_EXPRESSION = "RegularExpression";
  public static final String ABSENT = "Absent";
  public static final String PREFIX = "Prefix";
}
