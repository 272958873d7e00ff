package org.kumaj.cp.manager;

/** A mesh-scoped resource names a mesh that does not exist. */
public final class MeshNotFoundException extends RuntimeException {
  private final String mesh;

  public MeshNotFoundException(String mesh) {
    super("mesh of name " + mesh + " is not found");
    this.mesh = mesh;
  }

  public String mesh() {
    return mesh;
  }
}
