package org.kumaj.model.meshtrust;

/**
 * What the control plane writes in a MeshTrust's {@code status}. Users cannot set it: Kuma's API
 * drops {@code status.origin} from requests.
 *
 * @param origin the MeshIdentity this MeshTrust was generated from
 */
public record MeshTrustStatus(Origin origin) {
  /** The status of a MeshTrust not generated from a MeshIdentity: {@code {}}. */
  public static final MeshTrustStatus EMPTY = new MeshTrustStatus(null);
}
