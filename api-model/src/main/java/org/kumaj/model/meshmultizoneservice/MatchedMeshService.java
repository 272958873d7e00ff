package org.kumaj.model.meshmultizoneservice;

/**
 * A MeshService a MeshMultiZoneService selected; Kuma always writes all four fields.
 *
 * @param name the MeshService's name in the store
 * @param namespace its Kubernetes namespace, or empty
 * @param zone its zone
 * @param mesh its mesh
 */
public record MatchedMeshService(String name, String namespace, String zone, String mesh) {

  /** Kuma's {@code FullyQualifiedName}: {@code name/namespace/zone/mesh}. */
  public String fullyQualifiedName() {
    return name + "/" + namespace + "/" + zone + "/" + mesh;
  }
}
