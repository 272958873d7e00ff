package org.kumaj.cp.manager;

import org.kumaj.model.Resource;
import org.kumaj.model.validation.Violations;

/**
 * Checks a Mesh write against what the document alone cannot show (its CA backends' material, the
 * stored version it replaces) before the manager stores it, as Kuma's mesh manager does. Violations
 * make the write fail with a validation error. Implementations are beans and must be thread-safe.
 */
public interface MeshWriteCheck {
  /**
   * @param mesh the Mesh about to be stored
   * @param previous the stored Mesh an update replaces; {@code null} on create
   * @param manager the manager, for reads (e.g. Secrets a provided CA names)
   * @param out where violations go
   */
  void check(Resource mesh, Resource previous, ResourceManager manager, Violations out);
}
