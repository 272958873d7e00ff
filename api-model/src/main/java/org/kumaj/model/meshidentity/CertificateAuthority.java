package org.kumaj.model.meshidentity;

/**
 * A user-provided CA.
 *
 * @param certificate the CA certificate
 * @param privateKey the CA private key
 */
public record CertificateAuthority(SecureDataSource certificate, SecureDataSource privateKey) {}
