package org.kumaj.model.meshservice;

/**
 * An identity presented by a MeshService's proxies.
 *
 * @param type {@code ServiceTag} or {@code SpiffeID}
 * @param value the tag value or SPIFFE ID
 */
public record MeshServiceIdentity(String type, String value) {
  public static final String SERVICE_TAG = "ServiceTag";
  public static final String SPIFFE_ID = "SpiffeID";
}
