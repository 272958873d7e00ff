package org.kumaj.model;

/** Where a resource type lives: inside a mesh, or once for the whole control plane. */
public enum Scope {
  MESH("Mesh"),
  GLOBAL("Global");

  private final String displayName;

  Scope(String displayName) {
    this.displayName = displayName;
  }

  /** Returns the name Kuma's API uses for this scope ({@code Mesh} or {@code Global}). */
  public String displayName() {
    return displayName;
  }
}
