package org.kumaj.model.meshtrust;

import java.util.List;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;

/**
 * A MeshTrust: the CA bundles trusted for one trust domain, used to verify peers' identities in
 * mTLS.
 *
 * @param origin deprecated: the MeshIdentity this was created from (now in the status)
 * @param trustDomain the trust domain (at most 253 characters)
 * @param caBundles the trusted CA bundles (at least one)
 */
public record MeshTrust(Origin origin, String trustDomain, List<CaBundle> caBundles)
    implements ResourceSpec {

  public static final ResourceType TYPE = ResourceType.builder("MeshTrust")
      .scope(Scope.MESH)
      .spec(SpecStyle.NESTED, MeshTrust.class)
      .wsPath("meshtrusts")
      .kumactl("meshtrust", "meshtrusts")
      .shortName("mtrust")
      .displayNames("Mesh Trust", "Mesh Trusts")
      .kdsFlags(KdsFlags.GLOBAL_TO_ZONES | KdsFlags.ZONE_TO_GLOBAL)
      .status(MeshTrustStatus.class, MeshTrustStatus.EMPTY)
      .validator(new MeshTrustValidator())
      .build();
}
