package org.kumaj.cp.xds;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.cp.store.ResourceQuery;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.mesh.Dataplane;
import org.kumaj.model.mesh.Mesh;

/**
 * Builds {@link MeshView}s from the store: one read of the Mesh and its Dataplanes per batch of
 * changes, shared by every proxy of the mesh. Stateless and thread-safe.
 */
@Singleton
@Requires(property = "kumaj.listeners.dp-server.port")
final class MeshViews {
  private final ResourceManager manager;

  MeshViews(ResourceManager manager) {
    this.manager = manager;
  }

  /** The view of {@code mesh}, or empty when the mesh does not exist. */
  Optional<MeshView> build(String mesh) {
    Optional<Resource> meshResource = manager.get(ResourceKey.global(Mesh.TYPE, mesh));
    if (meshResource.isEmpty()) {
      return Optional.empty();
    }
    List<Resource> dataplanes = new ArrayList<>(manager.list(ResourceQuery.all(Dataplane.TYPE, mesh)).items());
    dataplanes.sort(Comparator.comparing(r -> r.meta().name()));
    Map<String, List<Endpoint>> endpoints = new TreeMap<>();
    for (Resource dp : dataplanes) {
      Dataplane spec = dp.spec(Dataplane.class);
      if (spec.networking() == null || spec.networking().inbound() == null) {
        continue;
      }
      for (Dataplane.Inbound inbound : spec.networking().inbound()) {
        if (Dataplane.Inbound.IGNORED.equals(inbound.state()) || inbound.service().isEmpty()) {
          continue;
        }
        String address = inbound.address() != null && !inbound.address().isEmpty() ? inbound.address()
            : spec.networking().advertisedAddress() != null && !spec.networking().advertisedAddress().isEmpty()
                ? spec.networking().advertisedAddress() : spec.networking().address();
        boolean healthy = !Dataplane.Inbound.NOT_READY.equals(inbound.state())
            && (inbound.health() == null || !Boolean.FALSE.equals(inbound.health().ready()));
        endpoints.computeIfAbsent(inbound.service(), s -> new ArrayList<>())
            .add(new Endpoint(address, inbound.port() == null ? 0 : inbound.port(),
                inbound.tags() == null ? Map.of() : inbound.tags(), healthy));
      }
    }
    endpoints.values().forEach(list -> list.sort(Comparator.comparing(Endpoint::address).thenComparingInt(Endpoint::port)));
    String version = meshResource.get().meta().version() + ":" + Integer.toHexString(dataplanes.stream()
        .map(d -> d.meta().name() + "@" + d.meta().version()).toList().hashCode());
    return Optional.of(new MeshView(meshResource.get(), dataplanes, endpoints, version));
  }
}
