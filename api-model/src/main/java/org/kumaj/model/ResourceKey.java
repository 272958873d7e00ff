package org.kumaj.model;

import java.util.Objects;

/**
 * Identifies one resource: type, mesh ({@code ""} for global-scoped types) and name.
 */
public record ResourceKey(ResourceType type, String mesh, String name) {
  public ResourceKey {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    mesh = type.isMeshScoped() ? Objects.requireNonNull(mesh, "mesh") : "";
  }

  /** Key of a global-scoped resource. */
  public static ResourceKey global(ResourceType type, String name) {
    return new ResourceKey(type, "", name);
  }

  @Override
  public String toString() {
    return type.name() + " " + (mesh.isEmpty() ? name : mesh + "/" + name);
  }
}
