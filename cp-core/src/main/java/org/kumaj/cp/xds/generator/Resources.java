package org.kumaj.cp.xds.generator;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import java.util.ArrayList;
import java.util.SortedMap;
import java.util.TreeMap;
import org.kumaj.cp.xds.XdsResources;

/**
 * The resources generated so far for one proxy, by type and name. Like Kuma's {@code ResourceSet},
 * a resource added under a name already taken replaces the earlier one. Not thread-safe; one per
 * generation.
 */
final class Resources {
  private final SortedMap<String, Listener> listeners = new TreeMap<>();
  private final SortedMap<String, Cluster> clusters = new TreeMap<>();
  private final SortedMap<String, ClusterLoadAssignment> endpoints = new TreeMap<>();
  private final SortedMap<String, RouteConfiguration> routes = new TreeMap<>();
  private final SortedMap<String, Secret> secrets = new TreeMap<>();

  void add(Listener listener) {
    listeners.put(listener.getName(), listener);
  }

  void add(Cluster cluster) {
    clusters.put(cluster.getName(), cluster);
  }

  void add(ClusterLoadAssignment assignment) {
    endpoints.put(assignment.getClusterName(), assignment);
  }

  void add(RouteConfiguration routeConfiguration) {
    routes.put(routeConfiguration.getName(), routeConfiguration);
  }

  void add(Secret secret) {
    secrets.put(secret.getName(), secret);
  }

  /** The resources, each list sorted by name. */
  XdsResources toXdsResources() {
    return new XdsResources(
        new ArrayList<>(listeners.values()),
        new ArrayList<>(clusters.values()),
        new ArrayList<>(endpoints.values()),
        new ArrayList<>(routes.values()),
        new ArrayList<>(secrets.values()));
  }
}
