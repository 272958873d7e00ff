package org.kumaj.cp.config;

/**
 * The configuration cannot be used. The message is one line that names the key (and its
 * environment variable) and, where there is a fixed set, the allowed values.
 */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
