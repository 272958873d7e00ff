package org.kumaj.model.meshexternalservice;

import org.kumaj.model.policies.core.TlsVersion;

/**
 * TLS origination by the proxy towards a MeshExternalService.
 *
 * @param enabled whether the proxy originates TLS (Kuma's schema default {@code false})
 * @param version allowed TLS versions
 * @param allowRenegotiation whether renegotiation is allowed (not recommended; default {@code false})
 * @param verification how the server is verified
 */
public record MeshExternalServiceTls(
    Boolean enabled,
    TlsVersion version,
    Boolean allowRenegotiation,
    TlsVerification verification) {}
