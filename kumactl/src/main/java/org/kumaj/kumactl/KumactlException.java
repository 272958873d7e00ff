package org.kumaj.kumactl;

/**
 * A failure kumactl reports as {@code Error: <message>} with a non-zero exit code. {@link #usage}
 * marks command-line mistakes after which cobra also prints the command's usage.
 */
class KumactlException extends Exception {
  private static final long serialVersionUID = 1L;
  final boolean usage;

  KumactlException(String message) {
    this(message, false, null);
  }

  KumactlException(String message, Throwable cause) {
    this(message, false, cause);
  }

  KumactlException(String message, boolean usage, Throwable cause) {
    super(message, cause);
    this.usage = usage;
  }

  static KumactlException usage(String message) {
    return new KumactlException(message, true, null);
  }

  /** Go's {@code errors.Wrap(err, prefix)}: {@code prefix: err}. */
  static KumactlException wrap(String prefix, Exception cause) {
    if (cause instanceof ApiError api) {
      return new ApiError(api, prefix);
    }
    return new KumactlException(prefix + ": " + cause.getMessage(), cause);
  }
}
