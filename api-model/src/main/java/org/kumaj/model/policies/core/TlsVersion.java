package org.kumaj.model.policies.core;

/**
 * A TLS version range; each bound is {@code TLSAuto}, {@code TLS10}, {@code TLS11}, {@code TLS12}
 * or {@code TLS13}.
 *
 * @param min lowest accepted version
 * @param max highest accepted version
 */
public record TlsVersion(String min, String max) {}
