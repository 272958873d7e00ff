package org.kumaj.cp.ca;

import java.time.Instant;
import java.util.List;
import org.kumaj.model.mesh.DataplaneInsight;

/**
 * The certificate state of one proxy, as {@code DataplaneInsight.mTLS} shows it. Immutable.
 *
 * @param certificateExpirationTime when the current certificate expires
 * @param lastCertificateRegeneration when it was generated
 * @param certificateRegenerations how many certificates this control plane generated for the proxy
 *     since it first asked (not persisted; Kuma's insight counts changes of the expiration time)
 * @param issuedBackend the CA backend that issued it
 * @param supportedBackends the CA backends the proxy trusts
 */
public record IdentityStatus(
    Instant certificateExpirationTime,
    Instant lastCertificateRegeneration,
    int certificateRegenerations,
    String issuedBackend,
    List<String> supportedBackends) {

  public IdentityStatus {
    supportedBackends = List.copyOf(supportedBackends);
  }

  /** The {@code mTLS} block of a DataplaneInsight. */
  public DataplaneInsight.Mtls toInsight() {
    return new DataplaneInsight.Mtls(certificateExpirationTime, lastCertificateRegeneration,
        certificateRegenerations, issuedBackend, supportedBackends);
  }
}
