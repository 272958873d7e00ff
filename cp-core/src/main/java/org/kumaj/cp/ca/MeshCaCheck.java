package org.kumaj.cp.ca;

import jakarta.inject.Singleton;
import org.kumaj.cp.manager.MeshWriteCheck;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.model.Resource;
import org.kumaj.model.mesh.Mesh;
import org.kumaj.model.validation.ValidationException;
import org.kumaj.model.validation.Violations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link CaManager}'s mesh checks on every Mesh create and update. On an update that passes
 * them (and the checks that ran before), it then creates the missing builtin CAs of the new
 * backends, before the Mesh is stored, as Kuma's mesh manager does ({@code EnsureCAs} in
 * {@code Update}); a new Mesh gets them from {@link MeshCaHook} once stored. A conf that cannot
 * produce a CA refuses the update; a half-present CA is logged.
 */
@Singleton
final class MeshCaCheck implements MeshWriteCheck {
  private static final Logger LOG = LoggerFactory.getLogger("ca");
  private final BuiltinCa builtin;

  MeshCaCheck(BuiltinCa builtin) {
    this.builtin = builtin;
  }

  @Override
  public void check(Resource mesh, Resource previous, ResourceManager manager, Violations out) {
    out.addAll(CaManager.validate(manager, mesh.meta().name(),
        previous == null ? null : (Mesh) previous.spec(), (Mesh) mesh.spec()));
    if (previous == null || !out.isEmpty()) {
      return;
    }
    try {
      builtin.ensureAll(manager, mesh);
    } catch (ValidationException e) {
      e.violations().forEach(v -> out.add(v.field(), v.message()));
    } catch (CaException e) {
      LOG.error("mesh {}: {}", mesh.meta().name(), e.getMessage());
    }
  }
}
