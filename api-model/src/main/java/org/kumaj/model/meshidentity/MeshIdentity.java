package org.kumaj.model.meshidentity;

import org.kumaj.model.KdsFlags;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;

/**
 * A MeshIdentity: how the data plane proxies it selects get their identity certificates (bundled
 * CA, SPIRE or an extension) and which SPIFFE ID they get.
 *
 * @param selector which proxies the identity applies to
 * @param spiffeID templates of the trust domain and SPIFFE ID path
 * @param provider the certificate provider; without it the identity only names SPIFFE IDs
 */
public record MeshIdentity(
    MeshIdentitySelector selector, SpiffeId spiffeID, IdentityProvider provider)
    implements ResourceSpec {

  public static final ResourceType TYPE = ResourceType.builder("MeshIdentity")
      .scope(Scope.MESH)
      .spec(SpecStyle.NESTED, MeshIdentity.class)
      .wsPath("meshidentities")
      .kumactl("meshidentity", "meshidentities")
      .shortName("mid")
      .displayNames("Mesh Identity", "Mesh Identities")
      .kdsFlags(KdsFlags.GLOBAL_TO_ZONES | KdsFlags.ZONE_TO_GLOBAL)
      .status(MeshIdentityStatus.class, MeshIdentityStatus.EMPTY)
      .validator(new MeshIdentityValidator())
      .build();
}
