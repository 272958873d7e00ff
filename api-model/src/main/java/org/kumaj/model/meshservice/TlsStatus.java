package org.kumaj.model.meshservice;

/**
 * Whether mTLS is ready for a MeshService.
 *
 * @param status {@code Ready} or {@code NotReady}; absent until known
 */
public record TlsStatus(String status) {
  public static final String READY = "Ready";
  public static final String NOT_READY = "NotReady";
}
