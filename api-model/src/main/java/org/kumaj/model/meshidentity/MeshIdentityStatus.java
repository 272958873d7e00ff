package org.kumaj.model.meshidentity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import org.kumaj.model.hostnamegenerator.Condition;

/**
 * What the control plane writes in a MeshIdentity's {@code status}.
 *
 * @param conditions {@code Ready}, {@code Provider}, {@code SpiffeIDProvider},
 *     {@code MeshTrustCreated}, {@code DependenciesReady}
 */
public record MeshIdentityStatus(List<Condition> conditions) {
  public static final String READY = "Ready";
  public static final String PROVIDER = "Provider";
  public static final String SPIFFE_ID_PROVIDER = "SpiffeIDProvider";
  public static final String MESH_TRUST_CREATED = "MeshTrustCreated";
  public static final String DEPENDENCIES_READY = "DependenciesReady";

  /** The status before anything was computed: {@code {}}. */
  public static final MeshIdentityStatus EMPTY = new MeshIdentityStatus(null);

  /** Kuma's {@code IsInitialized}: a {@code Ready} condition with status {@code True}. */
  @JsonIgnore
  public boolean isInitialized() {
    return conditions != null && conditions.stream()
        .anyMatch(c -> READY.equals(c.type()) && "True".equals(c.status()));
  }

  /** Kuma's {@code IsPartiallyReady}: {@code Ready} is {@code False} with reason {@code PartiallyReady}. */
  @JsonIgnore
  public boolean isPartiallyReady() {
    return conditions != null && conditions.stream().anyMatch(c -> READY.equals(c.type())
        && "False".equals(c.status()) && "PartiallyReady".equals(c.reason()));
  }
}
