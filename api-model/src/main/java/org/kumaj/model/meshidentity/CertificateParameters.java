package org.kumaj.model.meshidentity;

import org.kumaj.model.GoDuration;

/**
 * Parameters of the certificates a bundled provider issues.
 *
 * @param expiry certificate lifetime
 */
public record CertificateParameters(GoDuration expiry) {}
