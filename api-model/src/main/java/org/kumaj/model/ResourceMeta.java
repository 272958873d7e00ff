package org.kumaj.model;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The metadata of a stored resource.
 *
 * @param name the resource name
 * @param mesh the mesh of a mesh-scoped resource; {@code null} for global-scoped types
 * @param labels labels sorted by key (never null)
 * @param creationTime set by the store on create
 * @param modificationTime set by the store on every write
 * @param version the store's optimistic-concurrency version; {@code null} before the first write
 */
public record ResourceMeta(
    String name,
    String mesh,
    Map<String, String> labels,
    Instant creationTime,
    Instant modificationTime,
    String version) {

  public ResourceMeta {
    Objects.requireNonNull(name, "name");
    labels = labels == null || labels.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new TreeMap<>(labels));
  }

  /** Metadata of a resource that has not been stored yet. */
  public static ResourceMeta of(String mesh, String name, Map<String, String> labels) {
    return new ResourceMeta(name, mesh, labels, null, null, null);
  }

  public ResourceMeta withLabels(Map<String, String> newLabels) {
    return new ResourceMeta(name, mesh, newLabels, creationTime, modificationTime, version);
  }

  /** Returns a copy carrying the store-assigned times and version. */
  public ResourceMeta stored(Instant created, Instant modified, String newVersion) {
    return new ResourceMeta(name, mesh, labels, created, modified, newVersion);
  }

  /** Returns the label value, or {@code null}. */
  public String label(String key) {
    return labels.get(key);
  }
}
