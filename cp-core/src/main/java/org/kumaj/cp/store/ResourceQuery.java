package org.kumaj.cp.store;

import java.util.Map;
import java.util.Objects;
import org.kumaj.model.ResourceType;

/**
 * What to list: one type, optionally one mesh, with name and label filters and a page.
 *
 * @param type the resource type
 * @param mesh the mesh, or {@code null} for every mesh (always {@code null} for global types)
 * @param nameContains a substring the name must contain, or {@code null}
 * @param labels labels that must be present with exactly these values (AND)
 * @param size the page size; 0 means no limit
 * @param offset the opaque offset token of a previous page's {@link ResourceList#nextOffset()},
 *     or {@code null} for the first page
 */
public record ResourceQuery(
    ResourceType type, String mesh, String nameContains, Map<String, String> labels, int size, String offset) {

  public ResourceQuery {
    Objects.requireNonNull(type, "type");
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
  }

  /** Every resource of {@code type} in {@code mesh} ({@code null} = all meshes). */
  public static ResourceQuery all(ResourceType type, String mesh) {
    return new ResourceQuery(type, mesh, null, Map.of(), 0, null);
  }
}
