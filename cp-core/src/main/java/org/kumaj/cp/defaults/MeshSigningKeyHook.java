package org.kumaj.cp.defaults;

import jakarta.inject.Singleton;
import org.kumaj.cp.manager.MeshCreatedHook;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.cp.tokens.SigningKeys;
import org.kumaj.model.Resource;

/**
 * Every mesh gets its dataplane-token signing key, Secret
 * {@code dataplane-token-signing-key-<mesh>-1}, owned by the mesh (deleted with it).
 */
@Singleton
final class MeshSigningKeyHook implements MeshCreatedHook {
  @Override
  public void meshCreated(Resource mesh, ResourceManager manager) {
    new SigningKeys(manager).ensure(SigningKeys.dataplanePrefix(mesh.meta().name()), mesh.meta().name());
  }
}
