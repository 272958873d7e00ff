package org.kumaj.cp.store;

/** A create found the key already taken. */
public class ResourceAlreadyExistsException extends StoreException {
  public ResourceAlreadyExistsException(String message) {
    super(message);
  }

  public ResourceAlreadyExistsException(String message, Throwable cause) {
    super(message, cause);
  }
}
