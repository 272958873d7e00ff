package org.kumaj.model.policies.core;

import java.util.Map;

/**
 * A reference, by labels, to a backend resource of the same mesh (today only a
 * MeshOpenTelemetryBackend), used by the observability policies.
 *
 * @param kind kind of the backend resource ({@code MeshOpenTelemetryBackend})
 * @param labels labels of the resource; the oldest match wins
 */
public record BackendResourceRef(String kind, Map<String, String> labels) {
  /** The only kind Kuma accepts. */
  public static final String MESH_OPEN_TELEMETRY_BACKEND = "MeshOpenTelemetryBackend";

  public BackendResourceRef {
    labels = Copies.map(labels);
  }
}
