package org.kumaj.model.meshexternalservice;

import java.util.List;

/**
 * How the proxy verifies an external server's certificate.
 *
 * @param mode {@code Secured} (default), {@code SkipSAN}, {@code SkipCA} or {@code SkipAll}
 * @param serverName overrides the SNI Kuma sets
 * @param subjectAltNames names the certificate must carry
 * @param caCert the CA certificate
 * @param clientCert the client certificate, with {@code clientKey}
 * @param clientKey the client private key, with {@code clientCert}
 */
public record TlsVerification(
    String mode,
    String serverName,
    List<SanMatch> subjectAltNames,
    DataSource caCert,
    DataSource clientCert,
    DataSource clientKey) {
  public static final String SKIP_SAN = "SkipSAN";
  public static final String SKIP_CA = "SkipCA";
  public static final String SKIP_ALL = "SkipAll";
  public static final String SECURED = "Secured";
}
