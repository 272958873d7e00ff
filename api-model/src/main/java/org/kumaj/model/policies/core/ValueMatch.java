package org.kumaj.model.policies.core;

/**
 * One matcher of a {@link Match}: how to compare ({@code Exact}, {@code Prefix}) and the value.
 *
 * @param type {@code Exact} or {@code Prefix} (SNI: only {@code Exact})
 * @param value the SPIFFE ID or SNI to match
 */
public record ValueMatch(String type, String value) {
  public static final String EXACT = "Exact";
  public static final String PREFIX = "Prefix";
}
