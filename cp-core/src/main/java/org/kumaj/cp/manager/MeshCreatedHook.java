package org.kumaj.cp.manager;

import org.kumaj.model.Resource;

/**
 * Runs after a Mesh is stored, whatever created it (the API, a default, KDS): the place for the
 * resources every mesh needs (its token signing key, CA material, default policies). Hooks must be
 * idempotent. Implementations are beans; the manager calls them in {@code @Order} order.
 */
public interface MeshCreatedHook {
  /** Called with the stored Mesh and the manager to write with. */
  void meshCreated(Resource mesh, ResourceManager manager);
}
