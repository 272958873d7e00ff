package org.kumaj.cp.xds;

import java.util.Optional;
import org.kumaj.model.Resource;
import org.kumaj.model.mesh.Dataplane;

/**
 * The input of the xDS generators for one proxy. Immutable.
 *
 * @param id the proxy id
 * @param dataplane the Dataplane resource
 * @param mesh the mesh view shared by every proxy of the mesh
 * @param metadata what the proxy reported in its node metadata
 * @param identity the proxy's mTLS material when the mesh has mTLS enabled
 */
public record ProxyContext(
    ProxyId id, Resource dataplane, MeshView mesh, ProxyMetadata metadata, Optional<IdentityMaterial> identity) {

  public Dataplane dataplaneSpec() {
    return dataplane.spec(Dataplane.class);
  }
}
