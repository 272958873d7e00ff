package org.kumaj.cp.xds.generator;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.kumaj.cp.xds.MeshView;

/**
 * The resources that depend only on a mesh view, not on the proxy: the EDS cluster and the load
 * assignment of an outbound service. The proxies generated from one {@link MeshView} (the same
 * object) share them, so each is built once per view instead of once per consuming proxy, and the
 * equal resources of two proxies are the same objects (cheap to compare and to version).
 * Thread-safe.
 */
final class MeshOutputs {
  private final WeakReference<MeshView> view;
  private final Map<String, Cluster> clusters = new ConcurrentHashMap<>();
  private final Map<String, ClusterLoadAssignment> endpoints = new ConcurrentHashMap<>();

  private MeshOutputs(MeshView view) {
    this.view = new WeakReference<>(view);
  }

  /** Per mesh name, the outputs of the last view a proxy of that mesh was generated from. */
  static final class Registry {
    private final Map<String, MeshOutputs> byMesh = new ConcurrentHashMap<>();

    /** The outputs of {@code view}: those of the last proxy's view when it is the same object, else new ones. */
    MeshOutputs of(MeshView view) {
      MeshOutputs current = byMesh.get(view.name());
      if (current != null && current.view.get() == view) {
        return current;
      }
      // a new view: also drop the outputs of meshes whose last view is gone (a deleted mesh's would
      // otherwise stay until a mesh of the same name came back)
      byMesh.values().removeIf(outputs -> outputs.view.get() == null);
      return byMesh.compute(view.name(), (name, now) -> now != null && now.view.get() == view ? now : new MeshOutputs(view));
    }

    /** How many meshes hold outputs; for tests. */
    int size() {
      return byMesh.size();
    }
  }

  /** The outbound EDS cluster of {@code service}, built by {@code build} once for this view. */
  Cluster cluster(String service, Function<String, Cluster> build) {
    return clusters.computeIfAbsent(service, build);
  }

  /** The load assignment of {@code service}, built by {@code build} once for this view. */
  ClusterLoadAssignment endpoints(String service, Function<String, ClusterLoadAssignment> build) {
    return endpoints.computeIfAbsent(service, build);
  }
}
