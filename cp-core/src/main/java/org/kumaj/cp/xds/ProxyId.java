package org.kumaj.cp.xds;

/**
 * A data plane proxy's identity in xDS: Envoy's node id {@code <mesh>.<name>}. The mesh is the
 * part before the first dot (a mesh name never has one); the name may contain dots.
 *
 * @param mesh the mesh
 * @param name the Dataplane name
 */
public record ProxyId(String mesh, String name) {

  /**
   * Parses a node id.
   *
   * @throws IllegalArgumentException when it is not {@code <mesh>.<name>}
   */
  public static ProxyId parse(String nodeId) {
    int dot = nodeId == null ? -1 : nodeId.indexOf('.');
    if (dot <= 0 || dot == nodeId.length() - 1) {
      throw new IllegalArgumentException("the node id \"" + nodeId + "\" is not <mesh>.<name>");
    }
    return new ProxyId(nodeId.substring(0, dot), nodeId.substring(dot + 1));
  }

  @Override
  public String toString() {
    return mesh + "." + name;
  }
}
