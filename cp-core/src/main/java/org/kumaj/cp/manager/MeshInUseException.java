package org.kumaj.cp.manager;

/** A mesh cannot be deleted while data plane proxies are still attached to it. */
public final class MeshInUseException extends RuntimeException {
  public MeshInUseException(String message) {
    super(message);
  }
}
