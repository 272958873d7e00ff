package org.kumaj.cp.store;

/** A store operation failed (the backend did not answer, or refused). */
public class StoreException extends RuntimeException {
  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
