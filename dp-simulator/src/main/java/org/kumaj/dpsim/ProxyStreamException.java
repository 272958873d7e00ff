package org.kumaj.dpsim;

/**
 * A proxy's ADS stream failed or was closed: TLS verification, refused credentials, an unreachable
 * server, the server ending the stream, or the proxy being closed. The message says which, in one
 * line.
 */
public final class ProxyStreamException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ProxyStreamException(String message, Throwable cause) {
    super(message, cause);
  }
}
