package org.kumaj.dpsim;

import io.grpc.Status;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;

/** One-line descriptions of why an ADS stream failed. Stateless. */
final class StreamErrors {

  private StreamErrors() {}

  static String describe(XdsTarget target, Throwable t) {
    String tls = tlsProblem(target.toString(), target.authority(), t);
    if (tls != null) {
      return tls;
    }
    Status status = Status.fromThrowable(t);
    String description = status.getDescription() == null ? rootMessage(t) : status.getDescription();
    return switch (status.getCode()) {
      case UNAUTHENTICATED, PERMISSION_DENIED -> "the control plane at " + target
          + " refused the proxy (" + status.getCode() + "): " + description;
      case UNAVAILABLE -> "ADS stream to " + target + " unavailable: " + description;
      default -> "ADS stream to " + target + " failed (" + status.getCode() + "): " + description;
    };
  }

  /** A one-line TLS failure description, or null if {@code t} is not a TLS failure. */
  static String tlsProblem(String where, String authority, Throwable t) {
    SSLException ssl = find(t, SSLException.class);
    if (ssl == null) {
      return null;
    }
    String detail = rootMessage(ssl);
    if (find(t, CertPathBuilderException.class) != null
        || find(t, CertPathValidatorException.class) != null
        || detail.contains("PKIX") || detail.contains("certification path")) {
      return "TLS handshake with " + where + " failed: the server certificate is not signed by"
          + " the trusted CA (" + detail + ")";
    }
    if (find(t, CertificateException.class) != null) {
      return "TLS handshake with " + where + " failed: the server certificate does not match "
          + authority + " (" + detail + ")";
    }
    return "TLS handshake with " + where + " failed: " + detail;
  }

  static String rootMessageOf(Throwable t) {
    return rootMessage(t);
  }

  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }

  static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
