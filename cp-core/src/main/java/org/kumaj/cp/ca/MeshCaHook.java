package org.kumaj.cp.ca;

import jakarta.inject.Singleton;
import org.kumaj.cp.manager.MeshCreatedHook;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the builtin CAs of a new mesh ({@link CaManager#ensureBackends} with the manager that
 * stored it; the manager cannot be injected here, it is built with its hooks). A conf that cannot
 * produce a CA fails the write with a validation error; a half-present CA is logged.
 */
@Singleton
final class MeshCaHook implements MeshCreatedHook {
  private static final Logger LOG = LoggerFactory.getLogger("ca");
  private final BuiltinCa builtin;

  MeshCaHook(BuiltinCa builtin) {
    this.builtin = builtin;
  }

  @Override
  public void meshCreated(Resource mesh, ResourceManager manager) {
    try {
      builtin.ensureAll(manager, mesh);
    } catch (CaException e) {
      LOG.error("mesh {}: {}", mesh.meta().name(), e.getMessage());
    }
  }
}
