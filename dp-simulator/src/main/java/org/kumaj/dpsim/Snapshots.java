package org.kumaj.dpsim;

import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.envoyproxy.controlplane.cache.v3.Snapshot;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * java-control-plane snapshots whose per-type versions are content hashes, so a type's version
 * changes exactly when its resources change (as Kuma's {@code autoVersion} and our control plane
 * do). Stateless.
 */
final class Snapshots {

  private Snapshots() {}

  static Snapshot of(Collection<Cluster> clusters, Collection<ClusterLoadAssignment> endpoints,
      Collection<Listener> listeners, Collection<RouteConfiguration> routes,
      Collection<Secret> secrets) {
    return Snapshot.create(clusters, version(clusters), endpoints, version(endpoints),
        listeners, version(listeners), routes, version(routes), secrets, version(secrets));
  }

  /** What a proxy accepted, as a snapshot (the proxy must retain payloads). */
  static Snapshot fromView(XdsView view) {
    return of(parsed(view, XdsType.CLUSTER, Cluster.parser()),
        parsed(view, XdsType.ENDPOINT, ClusterLoadAssignment.parser()),
        parsed(view, XdsType.LISTENER, Listener.parser()),
        parsed(view, XdsType.ROUTE, RouteConfiguration.parser()),
        parsed(view, XdsType.SECRET, Secret.parser()));
  }

  private static <T extends Message> List<T> parsed(XdsView view, XdsType type, Parser<T> parser) {
    Map<String, XdsResource> sorted = new TreeMap<>(view.resources(type));
    List<T> out = new ArrayList<>(sorted.size());
    sorted.values().forEach(r -> out.add(r.parse(parser)));
    return out;
  }

  static String version(Collection<? extends Message> resources) {
    long h = 17;
    for (Message m : resources) {
      h = h * 31 + m.hashCode();
    }
    return Long.toHexString(h) + "-" + resources.size();
  }
}
