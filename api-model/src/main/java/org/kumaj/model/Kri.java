package org.kumaj.model;

import java.util.Optional;

/**
 * Kuma's resource identifier: {@code kri_<shortName>_<mesh>_<zone>_<namespace>_<name>_<section>}.
 * Types without a short name have none. Immutable.
 *
 * @param shortName the type's short name, e.g. {@code dp}
 * @param mesh the mesh, empty for global types
 * @param zone the {@code kuma.io/zone} label, or empty
 * @param namespace the {@code k8s.kuma.io/namespace} label, or empty
 * @param name the display name ({@code kuma.io/display-name} label, else the name)
 * @param sectionName a section (port, listener) within the resource, or empty
 */
public record Kri(String shortName, String mesh, String zone, String namespace, String name, String sectionName) {
  /** Label holding the zone a resource comes from. */
  public static final String ZONE_LABEL = "kuma.io/zone";
  /** Label holding the Kubernetes namespace of a resource. */
  public static final String NAMESPACE_LABEL = "k8s.kuma.io/namespace";
  /** Label holding the name a resource had where it was created. */
  public static final String DISPLAY_NAME_LABEL = "kuma.io/display-name";

  /** The KRI of a resource, or empty when its type has no short name. */
  public static Optional<Kri> of(ResourceType type, ResourceMeta meta) {
    if (type.shortName().isEmpty()) {
      return Optional.empty();
    }
    String display = meta.labels().getOrDefault(DISPLAY_NAME_LABEL, meta.name());
    return Optional.of(new Kri(type.shortName(), meta.mesh() == null ? "" : meta.mesh(),
        meta.labels().getOrDefault(ZONE_LABEL, ""), meta.labels().getOrDefault(NAMESPACE_LABEL, ""),
        display, ""));
  }

  /**
   * Parses a KRI string.
   *
   * @throws IllegalArgumentException with Kuma's message when the text is not a KRI
   */
  public static Kri parse(String text) {
    String[] parts = text.split("_", -1);
    if (parts.length < 7) {
      throw new IllegalArgumentException("invalid identifier string: \"" + text + "\"");
    }
    if (!parts[0].equals("kri")) {
      throw new IllegalArgumentException("identifier must start with 'kri': \"" + text + "\"");
    }
    StringBuilder section = new StringBuilder();
    for (int i = 6; i < parts.length; i++) {
      section.append(parts[i]);
    }
    return new Kri(parts[1], parts[2], parts[3], parts[4], parts[5], section.toString());
  }

  @Override
  public String toString() {
    return "kri_" + shortName + "_" + mesh + "_" + zone + "_" + namespace + "_" + name + "_" + sectionName;
  }
}
