package org.kumaj.model.meshexternalservice;

/**
 * A subject alternative name the server certificate must carry.
 *
 * @param type {@code Exact} (default) or {@code Prefix}
 * @param value the name to match
 */
public record SanMatch(String type, String value) {
  public static final String EXACT = "Exact";
  public static final String PREFIX = "Prefix";
}
