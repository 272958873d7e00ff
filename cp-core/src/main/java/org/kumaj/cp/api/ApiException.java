package org.kumaj.cp.api;

/** Aborts request handling with a ready Kuma error body. */
public final class ApiException extends RuntimeException {
  private final transient KumaError error;

  public ApiException(KumaError error) {
    super(error.detail(), null, false, false);
    this.error = error;
  }

  public KumaError error() {
    return error;
  }
}
