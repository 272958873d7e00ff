package org.kumaj.cp.tokens;

/** A token is malformed, forged, expired, revoked or signed by an unknown key. */
public final class InvalidTokenException extends RuntimeException {
  public InvalidTokenException(String message) {
    super(message);
  }
}
