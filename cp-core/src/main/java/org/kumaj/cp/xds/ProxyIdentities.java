package org.kumaj.cp.xds;

import java.util.Optional;
import org.kumaj.model.Resource;

/**
 * Supplies a proxy's mTLS identity when its mesh has mTLS enabled (issuing and rotating certificates
 * as needed). Implementations are thread-safe.
 */
public interface ProxyIdentities {
  /** The identity of proxy {@code id}, or empty when the mesh has no mTLS. */
  Optional<IdentityMaterial> identityFor(ProxyId id, Resource dataplane, Resource mesh);
}
