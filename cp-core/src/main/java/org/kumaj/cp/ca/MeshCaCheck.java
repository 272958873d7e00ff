package org.kumaj.cp.ca;

import jakarta.inject.Singleton;
import org.kumaj.cp.manager.MeshWriteCheck;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.model.Resource;
import org.kumaj.model.mesh.Mesh;
import org.kumaj.model.validation.Violations;

/** Runs {@link CaManager}'s mesh checks on every Mesh create and update. */
@Singleton
final class MeshCaCheck implements MeshWriteCheck {
  @Override
  public void check(Resource mesh, Resource previous, ResourceManager manager, Violations out) {
    out.addAll(CaManager.validate(manager, mesh.meta().name(),
        previous == null ? null : (Mesh) previous.spec(), (Mesh) mesh.spec()));
  }
}
