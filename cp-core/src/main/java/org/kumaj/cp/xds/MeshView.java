package org.kumaj.cp.xds;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * @param dataplanesByName the same Dataplanes by name
 */
public record MeshView(Resource mesh, List<Resource> dataplanes, Map<String, List<Endpoint>> endpoints, String version,
    Map<String, Resource> dataplanesByName) {
  public MeshView {
    dataplanes = List.copyOf(dataplanes);
    endpoints = Map.copyOf(endpoints);
    dataplanesByName = Map.copyOf(dataplanesByName);
  }

  /** A view whose name index is built from {@code dataplanes}. */
  public MeshView(Resource mesh, List<Resource> dataplanes, Map<String, List<Endpoint>> endpoints, String version) {
    this(mesh, dataplanes, endpoints, version, index(dataplanes));
  }

  private static Map<String, Resource> index(List<Resource> dataplanes) {
    Map<String, Resource> out = new HashMap<>(dataplanes.size() * 2);
    dataplanes.forEach(d -> out.put(d.meta().name(), d));
    return out;
  }

  public String name() {
    return mesh.meta().name();
  }

  public Mesh meshSpec() {
    return mesh.spec(Mesh.class);
  }

  /** The Dataplane named {@code name}. */
  public Optional<Resource> dataplane(String name) {
    return Optional.ofNullable(dataplanesByName.get(name));
  }
}
