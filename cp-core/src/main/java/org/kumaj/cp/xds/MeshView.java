package org.kumaj.cp.xds;

import java.util.List;
import java.util.Map;
import org.kumaj.model.Resource;
import org.kumaj.model.mesh.Mesh;

/**
 * Everything the xDS generators read about one mesh, built once per batch of changes and shared by
 * every proxy of the mesh (nothing reads the store per proxy). Immutable; thread-safe.
 *
 * @param mesh the Mesh resource
 * @param dataplanes every Dataplane of the mesh
 * @param endpoints ready and not-ready endpoints by {@code kuma.io/service}, sorted
 * @param version a content hash of the view; equal views have equal versions
 */
public record MeshView(Resource mesh, List<Resource> dataplanes, Map<String, List<Endpoint>> endpoints, String version) {
  public MeshView {
    dataplanes = List.copyOf(dataplanes);
    endpoints = Map.copyOf(endpoints);
  }

  public String name() {
    return mesh.meta().name();
  }

  public Mesh meshSpec() {
    return mesh.spec(Mesh.class);
  }
}
