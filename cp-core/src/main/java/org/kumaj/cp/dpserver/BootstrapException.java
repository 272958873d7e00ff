package org.kumaj.cp.dpserver;

/**
 * A bootstrap request is refused; carries Kuma's status code and text body, and the reason logged
 * for operators (the body is what kuma-dp shows; it is sometimes empty or long).
 */
final class BootstrapException extends RuntimeException {
  private final int status;
  private final String reason;

  BootstrapException(int status, String message) {
    this(status, message, null);
  }

  BootstrapException(int status, String message, String reason) {
    super(message, null, false, false);
    this.status = status;
    this.reason = reason;
  }

  int status() {
    return status;
  }

  /** One line saying why: the given reason, else the body's first line. */
  String reason() {
    if (reason != null) {
      return reason;
    }
    String body = getMessage() == null ? "" : getMessage();
    int nl = body.indexOf('\n');
    return nl < 0 ? body : body.substring(0, nl);
  }
}
