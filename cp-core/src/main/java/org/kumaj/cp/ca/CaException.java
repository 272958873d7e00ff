package org.kumaj.cp.ca;

/**
 * A CA backend could not do what was asked: its material is missing or broken, its type is unknown,
 * or certificate generation is backing off after a failure. The message says which mesh and backend,
 * and why, in Kuma's words. Immutable.
 */
public final class CaException extends RuntimeException {
  public CaException(String message) {
    super(message);
  }

  public CaException(String message, Throwable cause) {
    super(message, cause);
  }
}
