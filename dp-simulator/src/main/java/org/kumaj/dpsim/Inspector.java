package org.kumaj.dpsim;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.core.v3.TransportSocket;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.config.route.v3.WeightedCluster;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SdsSecretConfig;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import io.envoyproxy.envoy.service.discovery.v3.Resource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses one received resource and extracts its name and {@link Refs}, the way Envoy finds what a
 * listener or cluster depends on. Stateless.
 */
final class Inspector {

  /** A parsed resource: its name and what it references. */
  record Inspected(String name, Refs refs) {}

  private Inspector() {}

  /**
   * Unwraps an {@code envoy.service.discovery.v3.Resource} wrapper (servers may send SotW resources
   * wrapped), otherwise returns {@code any} unchanged.
   */
  static Any unwrap(Any any) throws InvalidProtocolBufferException {
    if (any.is(Resource.class)) {
      return Resource.parseFrom(any.getValue()).getResource();
    }
    return any;
  }

  static Inspected inspect(XdsType type, Any any) throws InvalidProtocolBufferException {
    if (!any.getTypeUrl().equals(type.typeUrl())) {
      throw new InvalidProtocolBufferException(
          "a " + type.shortName() + " response carries a resource of type " + any.getTypeUrl());
    }
    return switch (type) {
      case LISTENER -> listener(Listener.parseFrom(any.getValue()));
      case CLUSTER -> cluster(Cluster.parseFrom(any.getValue()));
      case ROUTE -> routeConfiguration(RouteConfiguration.parseFrom(any.getValue()));
      case ENDPOINT -> loadAssignment(ClusterLoadAssignment.parseFrom(any.getValue()));
      case SECRET -> secret(Secret.parseFrom(any.getValue()));
    };
  }

  private static Inspected listener(Listener listener) throws InvalidProtocolBufferException {
    Set<String> routes = new LinkedHashSet<>();
    Set<String> clusters = new LinkedHashSet<>();
    Set<String> secrets = new LinkedHashSet<>();
    List<FilterChain> chains = new ArrayList<>(listener.getFilterChainsList());
    if (listener.hasDefaultFilterChain()) {
      chains.add(listener.getDefaultFilterChain());
    }
    for (FilterChain chain : chains) {
      for (Filter filter : chain.getFiltersList()) {
        if (filter.hasTypedConfig()) {
          networkFilter(filter.getTypedConfig(), routes, clusters);
        }
      }
      if (chain.hasTransportSocket()) {
        transportSocketSecrets(chain.getTransportSocket(), secrets);
      }
    }
    if (listener.hasApiListener() && listener.getApiListener().hasApiListener()) {
      networkFilter(listener.getApiListener().getApiListener(), routes, clusters);
    }
    return new Inspected(listener.getName(), new Refs(List.copyOf(routes), List.copyOf(clusters),
        List.copyOf(secrets), null, List.of(), false, false));
  }

  private static void networkFilter(Any config, Set<String> routes, Set<String> clusters)
      throws InvalidProtocolBufferException {
    if (config.is(HttpConnectionManager.class)) {
      HttpConnectionManager hcm = HttpConnectionManager.parseFrom(config.getValue());
      if (hcm.hasRds()) {
        routes.add(hcm.getRds().getRouteConfigName());
      } else if (hcm.hasRouteConfig()) {
        routeClusters(hcm.getRouteConfig(), clusters);
      }
    } else if (config.is(TcpProxy.class)) {
      TcpProxy tcp = TcpProxy.parseFrom(config.getValue());
      if (tcp.hasWeightedClusters()) {
        tcp.getWeightedClusters().getClustersList().forEach(c -> clusters.add(c.getName()));
      } else if (!tcp.getCluster().isEmpty()) {
        clusters.add(tcp.getCluster());
      }
    }
  }

  private static void routeClusters(RouteConfiguration config, Set<String> clusters) {
    for (VirtualHost host : config.getVirtualHostsList()) {
      for (Route route : host.getRoutesList()) {
        if (!route.hasRoute()) {
          continue;
        }
        RouteAction action = route.getRoute();
        if (!action.getCluster().isEmpty()) {
          clusters.add(action.getCluster());
        }
        if (action.hasWeightedClusters()) {
          for (WeightedCluster.ClusterWeight w : action.getWeightedClusters().getClustersList()) {
            clusters.add(w.getName());
          }
        }
        action.getRequestMirrorPoliciesList().forEach(m -> {
          if (!m.getCluster().isEmpty()) {
            clusters.add(m.getCluster());
          }
        });
      }
    }
  }

  private static Inspected routeConfiguration(RouteConfiguration config) {
    Set<String> clusters = new LinkedHashSet<>();
    routeClusters(config, clusters);
    return new Inspected(config.getName(),
        new Refs(List.of(), List.copyOf(clusters), List.of(), null, List.of(), false, false));
  }

  private static Inspected cluster(Cluster cluster) throws InvalidProtocolBufferException {
    Set<String> secrets = new LinkedHashSet<>();
    if (cluster.hasTransportSocket()) {
      transportSocketSecrets(cluster.getTransportSocket(), secrets);
    }
    for (Cluster.TransportSocketMatch match : cluster.getTransportSocketMatchesList()) {
      if (match.hasTransportSocket()) {
        transportSocketSecrets(match.getTransportSocket(), secrets);
      }
    }
    String eds = null;
    if (cluster.hasType() && cluster.getType() == Cluster.DiscoveryType.EDS) {
      String serviceName = cluster.getEdsClusterConfig().getServiceName();
      eds = serviceName.isEmpty() ? cluster.getName() : serviceName;
    }
    return new Inspected(cluster.getName(),
        new Refs(List.of(), List.of(), List.copyOf(secrets), eds, List.of(), false, false));
  }

  private static void transportSocketSecrets(TransportSocket socket, Set<String> secrets)
      throws InvalidProtocolBufferException {
    if (!socket.hasTypedConfig()) {
      return;
    }
    Any config = socket.getTypedConfig();
    if (config.is(UpstreamTlsContext.class)) {
      tlsSecrets(UpstreamTlsContext.parseFrom(config.getValue()).getCommonTlsContext(), secrets);
    } else if (config.is(DownstreamTlsContext.class)) {
      tlsSecrets(DownstreamTlsContext.parseFrom(config.getValue()).getCommonTlsContext(), secrets);
    }
  }

  /** SDS secrets fetched dynamically; a secret config without an SDS config source is static. */
  private static void tlsSecrets(CommonTlsContext tls, Set<String> secrets) {
    for (SdsSecretConfig sds : tls.getTlsCertificateSdsSecretConfigsList()) {
      dynamicSecret(sds, secrets);
    }
    if (tls.hasValidationContextSdsSecretConfig()) {
      dynamicSecret(tls.getValidationContextSdsSecretConfig(), secrets);
    }
    if (tls.hasCombinedValidationContext()
        && tls.getCombinedValidationContext().hasValidationContextSdsSecretConfig()) {
      dynamicSecret(tls.getCombinedValidationContext().getValidationContextSdsSecretConfig(), secrets);
    }
  }

  private static void dynamicSecret(SdsSecretConfig sds, Set<String> secrets) {
    if (sds.hasSdsConfig() && !sds.getName().isEmpty()) {
      secrets.add(sds.getName());
    }
  }

  private static Inspected loadAssignment(ClusterLoadAssignment cla) {
    List<String> endpoints = new ArrayList<>();
    for (LocalityLbEndpoints locality : cla.getEndpointsList()) {
      for (LbEndpoint lb : locality.getLbEndpointsList()) {
        if (!lb.hasEndpoint() || !lb.getEndpoint().hasAddress()) {
          continue;
        }
        var address = lb.getEndpoint().getAddress();
        if (address.hasSocketAddress()) {
          SocketAddress socket = address.getSocketAddress();
          endpoints.add(socket.getAddress() + ":" + socket.getPortValue());
        } else if (address.hasPipe()) {
          endpoints.add("pipe:" + address.getPipe().getPath());
        }
      }
    }
    return new Inspected(cla.getClusterName(),
        new Refs(List.of(), List.of(), List.of(), null, List.copyOf(endpoints), false, false));
  }

  private static Inspected secret(Secret secret) {
    return new Inspected(secret.getName(), new Refs(List.of(), List.of(), List.of(), null, List.of(),
        secret.hasTlsCertificate(), secret.hasValidationContext()));
  }
}
