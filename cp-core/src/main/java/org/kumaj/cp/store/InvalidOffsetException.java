package org.kumaj.cp.store;

/** A list offset was not one this store issued. */
public class InvalidOffsetException extends StoreException {
  public InvalidOffsetException(String message) {
    super(message);
  }

  public InvalidOffsetException(String message, Throwable cause) {
    super(message, cause);
  }
}
