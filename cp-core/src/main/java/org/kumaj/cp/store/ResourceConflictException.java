package org.kumaj.cp.store;

/** An update carried a stale version: someone else changed the resource first. */
public class ResourceConflictException extends StoreException {
  public ResourceConflictException(String message) {
    super(message);
  }

  public ResourceConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
