package org.kumaj.cp.xds;

import java.time.Instant;
import java.util.List;

/**
 * The mTLS material of one proxy: its identity certificate and key, and the CAs it trusts
 * (delivered over SDS as {@code identity_cert:secret:<mesh>} and {@code mesh_ca:secret:<mesh>}).
 *
 * @param certificateChainPem the proxy's certificate (PEM), then any intermediates
 * @param privateKeyPem the proxy's private key (PEM)
 * @param trustedCaPems the mesh CA certificates (PEM) peers are verified against
 * @param backend the CA backend that issued it
 * @param expiration when the certificate expires
 */
public record IdentityMaterial(
    String certificateChainPem, String privateKeyPem, List<String> trustedCaPems, String backend, Instant expiration) {
  public IdentityMaterial {
    trustedCaPems = List.copyOf(trustedCaPems);
  }
}
