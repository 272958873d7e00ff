package org.kumaj.dpsim;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * Where a proxy opens its ADS stream: host and port, and for TLS the CA certificates that must
 * have signed the server certificate plus the name the certificate must carry (the SNI and
 * authority; Kuma's bootstrap calls it {@code sni}). No trusted certificates means plaintext.
 *
 * @param host host name or IP
 * @param port port (Kuma: 5678)
 * @param trustedCertificates CA certificates to verify the server with; empty for plaintext
 * @param authority the name verified in the server certificate and sent as SNI and authority
 */
public record XdsTarget(String host, int port, List<X509Certificate> trustedCertificates,
    String authority) {

  /** Validates and copies. */
  public XdsTarget {
    Objects.requireNonNull(host, "host");
    if (port <= 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    trustedCertificates = List.copyOf(trustedCertificates);
    authority = authority == null || authority.isEmpty() ? host : authority;
  }

  /** A plaintext target (no TLS). */
  public static XdsTarget plaintext(String host, int port) {
    return new XdsTarget(host, port, List.of(), host);
  }

  /** A TLS target verified against the CA certificates in a PEM file, authority = host. */
  public static XdsTarget tls(String host, int port, Path caPem) throws IOException {
    return new XdsTarget(host, port, Certificates.readPem(caPem), host);
  }

  /** A TLS target verified against these CA certificates and this authority. */
  public static XdsTarget tls(String host, int port, List<X509Certificate> trusted, String authority) {
    if (trusted.isEmpty()) {
      throw new IllegalArgumentException("a TLS target needs at least one trusted certificate");
    }
    return new XdsTarget(host, port, trusted, authority);
  }

  /** The ADS address of a Kuma bootstrap ({@code ads_cluster}), with TLS if the bootstrap asks for it. */
  public static XdsTarget fromBootstrap(BootstrapResult bootstrap, List<X509Certificate> trusted) {
    if (!bootstrap.adsTls()) {
      return plaintext(bootstrap.adsHost(), bootstrap.adsPort());
    }
    return tls(bootstrap.adsHost(), bootstrap.adsPort(), trusted,
        bootstrap.adsSni() == null ? bootstrap.adsHost() : bootstrap.adsSni());
  }

  /** Whether the stream uses TLS. */
  public boolean tls() {
    return !trustedCertificates.isEmpty();
  }

  @Override
  public String toString() {
    return host + ":" + port + (tls() ? " (TLS, authority " + authority + ")" : " (plaintext)");
  }
}
