package org.kumaj.dpsim;

/**
 * A condition did not hold before its deadline. The message names the proxy (or proxies), the
 * condition, what the proxy holds and its graph problems.
 */
public final class AwaitTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  AwaitTimeoutException(String message) {
    super(message);
  }
}
