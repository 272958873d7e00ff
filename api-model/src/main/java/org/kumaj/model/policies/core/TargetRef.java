package org.kumaj.model.policies.core;

import java.util.List;
import java.util.Map;

/**
 * What a policy (or one of its {@code to}/{@code from} entries) applies to: a resource by kind and
 * name, or a virtual group such as the whole mesh or a tag subset.
 *
 * @param kind kind of the referenced resource, see {@link TargetRefKind}
 * @param name name of the referenced resource
 * @param tags tags selecting a subset of proxies (MeshSubset, MeshServiceSubset, gateway listeners)
 * @param mesh reserved by Kuma for cross-mesh references
 * @param proxyTypes data plane types the policy targets ({@code Sidecar}, {@code Gateway})
 * @param namespace namespace of the referenced resource (Kubernetes)
 * @param labels labels selecting the referenced resources instead of a name
 * @param sectionName a section of the resource, e.g. a port name of a MeshService
 */
public record TargetRef(
    String kind,
    String name,
    Map<String, String> tags,
    String mesh,
    List<String> proxyTypes,
    String namespace,
    Map<String, String> labels,
    String sectionName) {

  /** The reference Kuma assumes when a top-level {@code targetRef} is omitted. */
  public static final TargetRef MESH = ofKind(TargetRefKind.MESH);

  /** An entry whose {@code targetRef} was omitted (Go's zero value: no kind). */
  static final TargetRef EMPTY = ofKind(null);

  public TargetRef {
    tags = Copies.map(tags);
    proxyTypes = Copies.list(proxyTypes);
    labels = Copies.map(labels);
  }

  /** A reference with only {@code kind} set. */
  public static TargetRef ofKind(String kind) {
    return new TargetRef(kind, null, null, null, null, null, null, null);
  }

  /** A reference to {@code kind} called {@code name}. */
  public static TargetRef of(String kind, String name) {
    return new TargetRef(kind, name, null, null, null, null, null, null);
  }

  /** The kind, or {@code ""} when unset. */
  public String kindOrEmpty() {
    return kind == null ? "" : kind;
  }

  /** {@code ref}, or the zero reference when it is null. */
  public static TargetRef orEmpty(TargetRef ref) {
    return ref == null ? EMPTY : ref;
  }

  /** {@code ref}, or a {@code Mesh} reference when it is null (Kuma's default top-level target). */
  public static TargetRef orMesh(TargetRef ref) {
    return ref == null ? MESH : ref;
  }

  /**
   * Whether the selection can include gateway proxies (Kuma's {@code IncludesGateways}): a
   * MeshGateway, a MeshHTTPRoute, or Mesh/MeshSubset not restricted to sidecars.
   */
  public boolean includesGateways() {
    String k = kindOrEmpty();
    boolean meshKind = k.equals(TargetRefKind.MESH) || k.equals(TargetRefKind.MESH_SUBSET);
    boolean gatewayProxies = proxyTypes == null || proxyTypes.isEmpty()
        || proxyTypes.contains(TargetRefKind.PROXY_GATEWAY);
    return k.equals(TargetRefKind.MESH_GATEWAY)
        || (meshKind && gatewayProxies)
        || k.equals(TargetRefKind.MESH_HTTP_ROUTE);
  }
}
