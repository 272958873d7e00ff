package org.kumaj.model.policies.core;

/** The kinds a {@code targetRef} can reference, spelled as in Kuma's API. */
public final class TargetRefKind {
  public static final String MESH = "Mesh";
  public static final String DATAPLANE = "Dataplane";
  public static final String MESH_SUBSET = "MeshSubset";
  public static final String MESH_GATEWAY = "MeshGateway";
  public static final String MESH_SERVICE = "MeshService";
  public static final String MESH_EXTERNAL_SERVICE = "MeshExternalService";
  public static final String MESH_MULTI_ZONE_SERVICE = "MeshMultiZoneService";
  public static final String MESH_SERVICE_SUBSET = "MeshServiceSubset";
  public static final String MESH_HTTP_ROUTE = "MeshHTTPRoute";

  /** Proxy type of {@code targetRef.proxyTypes}: sidecar data planes. */
  public static final String PROXY_SIDECAR = "Sidecar";
  /** Proxy type of {@code targetRef.proxyTypes}: gateway data planes. */
  public static final String PROXY_GATEWAY = "Gateway";

  private TargetRefKind() {}
}
