package org.kumaj.cp.store;

/** The resource (or the owner named in a create) does not exist. */
public class ResourceNotFoundException extends StoreException {
  public ResourceNotFoundException(String message) {
    super(message);
  }

  public ResourceNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
