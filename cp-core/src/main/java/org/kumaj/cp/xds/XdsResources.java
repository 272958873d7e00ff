package org.kumaj.cp.xds;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import java.util.List;

/**
 * The Envoy resources generated for one proxy, per xDS type, each list sorted by name. Immutable.
 *
 * @param listeners LDS
 * @param clusters CDS
 * @param endpoints EDS (one load assignment per EDS cluster)
 * @param routes RDS
 * @param secrets SDS
 */
public record XdsResources(
    List<Listener> listeners,
    List<Cluster> clusters,
    List<ClusterLoadAssignment> endpoints,
    List<RouteConfiguration> routes,
    List<Secret> secrets) {

  public XdsResources {
    listeners = List.copyOf(listeners);
    clusters = List.copyOf(clusters);
    endpoints = List.copyOf(endpoints);
    routes = List.copyOf(routes);
    secrets = List.copyOf(secrets);
  }
}
