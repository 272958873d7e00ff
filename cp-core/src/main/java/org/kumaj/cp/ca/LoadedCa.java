package org.kumaj.cp.ca;

import org.kumaj.pki.KeyAndCertificate;

/**
 * A mesh CA read from its backend.
 *
 * @param certificatePem the CA certificate PEM as stored (what proxies trust; may hold a chain)
 * @param signer the CA key and the certificate it belongs to (the first of the PEM)
 */
record LoadedCa(String certificatePem, KeyAndCertificate signer) {}
