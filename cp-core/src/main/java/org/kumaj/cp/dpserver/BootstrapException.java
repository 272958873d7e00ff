package org.kumaj.cp.dpserver;

/** A bootstrap request is refused; carries Kuma's status code and text body. */
final class BootstrapException extends RuntimeException {
  private final int status;

  BootstrapException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }
}
