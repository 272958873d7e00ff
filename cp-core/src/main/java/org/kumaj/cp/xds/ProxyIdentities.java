package org.kumaj.cp.xds;

import java.time.Instant;
import java.util.Optional;
import org.kumaj.model.Resource;

/**
 * Supplies a proxy's mTLS identity when its mesh has mTLS enabled (issuing and rotating certificates
 * as needed). Implementations are thread-safe.
 */
public interface ProxyIdentities {
  /** The identity of proxy {@code id}, or empty when the mesh has no mTLS. */
  Optional<IdentityMaterial> identityFor(ProxyId id, Resource dataplane, Resource mesh);

  /**
   * When {@link #identityFor} should be asked again for proxy {@code id} although nothing in the
   * store changed (the certificate reaches 4/5 of its lifetime, or a failed generation's backoff
   * ends); empty when nothing is due.
   */
  Optional<Instant> nextRotation(ProxyId id);

  /** Drops what is kept for proxy {@code id}; called when its last stream closed. */
  void forget(ProxyId id);
}
