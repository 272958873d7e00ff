package org.kumaj.cp.xds.generator;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.TransportSocket;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.kumaj.cp.xds.XdsResources;

/**
 * What an xDS client needs to find after the listeners arrive: every cluster a listener or route
 * names, every RDS route configuration, a load assignment for every EDS cluster and, optionally,
 * every SDS secret a TLS context names.
 */
final class ResourceGraph {
  private final Set<String> clusters;
  private final Set<String> routes;
  private final Set<String> secrets;
  private final Set<String> assignments;
  private final List<String> problems = new ArrayList<>();

  private ResourceGraph(XdsResources resources) {
    clusters = resources.clusters().stream().map(Cluster::getName).collect(Collectors.toSet());
    routes = resources.routes().stream().map(RouteConfiguration::getName).collect(Collectors.toSet());
    secrets = resources.secrets().stream().map(Secret::getName).collect(Collectors.toSet());
    assignments = resources.endpoints().stream().map(ClusterLoadAssignment::getClusterName).collect(Collectors.toSet());
  }

  /** The dangling references, empty when the graph is complete. */
  static List<String> problems(XdsResources resources, boolean checkSecrets) {
    ResourceGraph graph = new ResourceGraph(resources);
    resources.listeners().forEach(graph::listener);
    resources.routes().forEach(r -> graph.routeConfiguration("route " + r.getName(), r));
    resources.clusters().forEach(c -> graph.cluster(c, checkSecrets));
    if (checkSecrets) {
      resources.listeners().forEach(l -> l.getFilterChainsList().forEach(fc -> graph.tls("listener " + l.getName(), fc.getTransportSocket())));
    }
    return graph.problems;
  }

  private void listener(Listener listener) {
    String where = "listener " + listener.getName();
    if (listener.hasApiListener()) {
      hcm(where, unpack(listener.getApiListener().getApiListener(), HttpConnectionManager.class));
    }
    for (FilterChain chain : listener.getFilterChainsList()) {
      for (Filter filter : chain.getFiltersList()) {
        Any config = filter.getTypedConfig();
        if (config.is(TcpProxy.class)) {
          requireCluster(where, unpack(config, TcpProxy.class).getCluster());
        } else if (config.is(HttpConnectionManager.class)) {
          hcm(where, unpack(config, HttpConnectionManager.class));
        }
      }
    }
  }

  private void hcm(String where, HttpConnectionManager hcm) {
    if (hcm.hasRds()) {
      if (!routes.contains(hcm.getRds().getRouteConfigName())) {
        problems.add(where + ": no route configuration " + hcm.getRds().getRouteConfigName());
      }
    } else if (hcm.hasRouteConfig()) {
      routeConfiguration(where, hcm.getRouteConfig());
    } else {
      problems.add(where + ": HTTP connection manager without routes");
    }
    if (hcm.getHttpFiltersCount() == 0
        || !hcm.getHttpFilters(hcm.getHttpFiltersCount() - 1).getName().equals("envoy.filters.http.router")) {
      problems.add(where + ": the router is not the last HTTP filter");
    }
  }

  private void routeConfiguration(String where, RouteConfiguration config) {
    config.getVirtualHostsList().forEach(vh -> vh.getRoutesList().forEach(r -> requireCluster(where, r.getRoute().getCluster())));
  }

  private void cluster(Cluster cluster, boolean checkSecrets) {
    if (cluster.getType() == Cluster.DiscoveryType.EDS) {
      String name = cluster.getEdsClusterConfig().getServiceName().isEmpty()
          ? cluster.getName() : cluster.getEdsClusterConfig().getServiceName();
      if (!assignments.contains(name)) {
        problems.add("cluster " + cluster.getName() + ": no load assignment " + name);
      }
    }
    if (checkSecrets) {
      tls("cluster " + cluster.getName(), cluster.getTransportSocket());
    }
  }

  private void tls(String where, TransportSocket socket) {
    if (!socket.hasTypedConfig()) {
      return;
    }
    Any config = socket.getTypedConfig();
    CommonTlsContext common = config.is(UpstreamTlsContext.class)
        ? unpack(config, UpstreamTlsContext.class).getCommonTlsContext()
        : unpack(config, DownstreamTlsContext.class).getCommonTlsContext();
    common.getTlsCertificateSdsSecretConfigsList().forEach(s -> requireSecret(where, s.getName()));
    if (common.hasCombinedValidationContext()) {
      requireSecret(where, common.getCombinedValidationContext().getValidationContextSdsSecretConfig().getName());
    }
  }

  private void requireCluster(String where, String cluster) {
    if (!clusters.contains(cluster)) {
      problems.add(where + ": no cluster " + cluster);
    }
  }

  private void requireSecret(String where, String secret) {
    if (!secrets.contains(secret)) {
      problems.add(where + ": no secret " + secret);
    }
  }

  private static <T extends com.google.protobuf.Message> T unpack(Any any, Class<T> type) {
    try {
      return any.unpack(type);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }
}
