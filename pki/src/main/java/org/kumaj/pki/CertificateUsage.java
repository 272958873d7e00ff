package org.kumaj.pki;

/** What a certificate is for, as in {@code kumactl generate tls-certificate --type}. */
public enum CertificateUsage {
  SERVER,
  CLIENT
}
