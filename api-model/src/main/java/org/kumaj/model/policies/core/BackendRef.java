package org.kumaj.model.policies.core;

import java.util.List;
import java.util.Map;

/**
 * Where a route forwards traffic: a {@link TargetRef} (its fields inline, as Kuma embeds it) plus a
 * weight and, for real MeshService / MeshMultiZoneService objects, a port.
 *
 * @param kind kind of the backend, see {@link TargetRefKind}
 * @param name name of the backend
 * @param tags tags of a MeshServiceSubset backend
 * @param mesh reserved by Kuma
 * @param proxyTypes not used by backends; kept because Kuma accepts it
 * @param namespace namespace of the backend (Kubernetes)
 * @param labels labels selecting the backend instead of a name
 * @param sectionName port name of the backend
 * @param weight share of the traffic (Kuma's default 1)
 * @param port port of a real MeshService or MeshMultiZoneService
 */
public record BackendRef(
    String kind,
    String name,
    Map<String, String> tags,
    String mesh,
    List<String> proxyTypes,
    String namespace,
    Map<String, String> labels,
    String sectionName,
    Long weight,
    @UInt32 Integer port) {

  public BackendRef {
    tags = Copies.map(tags);
    proxyTypes = Copies.list(proxyTypes);
    labels = Copies.map(labels);
  }

  /** The embedded target reference. */
  public TargetRef targetRef() {
    return new TargetRef(kind, name, tags, mesh, proxyTypes, namespace, labels, sectionName);
  }
}
