package org.kumaj.cp.xds.generator;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RetryPolicy;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.kumaj.cp.xds.Endpoint;
import org.kumaj.cp.xds.generator.ProxyView.OutboundView;

/**
 * Kuma 2.14's outbounds for {@code kuma.io/service} destinations (the MeshTCPRoute/MeshHTTPRoute
 * plugins' default route) with the default MeshTimeout, MeshCircuitBreaker and MeshRetry values:
 * per outbound a listener {@code outbound:<ip>:<port>}, per service an EDS cluster and a load
 * assignment named after the service. The protocol is the one the service's healthy endpoints
 * share; without endpoints it is unknown, so TCP.
 */
final class OutboundGenerator {
  private OutboundGenerator() {}

  /** Everything an outbound listener is built from (the internal addresses are the generator's). */
  private record ListenerKey(String address, int port, Map<String, String> tags, Protocol protocol,
      boolean transparent) {}

  /** Everything a service's EDS cluster is built from. */
  private record ClusterKey(String mesh, boolean mtls, String service, Protocol protocol) {}

  /** Everything a service's load assignment is built from. */
  private record LoadAssignmentKey(String service, List<Endpoint> endpoints) {}

  /**
   * @param shared where listeners, clusters and load assignments built from equal inputs are one
   *     object: a service's cluster and load assignment depend on the service, its endpoints and
   *     the Mesh only, never on the proxy
   */
  static void generate(ProxyView view, Resources out, SharedResources shared) {
    Map<String, Protocol> services = new TreeMap<>();
    boolean transparent = view.outboundsTransparent();
    for (OutboundView outbound : view.outbounds()) {
      Protocol protocol = services.computeIfAbsent(outbound.service(), view::serviceProtocol);
      out.add(shared.get(new ListenerKey(outbound.address(), outbound.port(), outbound.tags(), protocol, transparent),
          () -> listener(view, outbound, protocol, transparent)));
    }
    boolean mtls = view.mtls() != ProxyView.Mtls.OFF;
    services.forEach((service, protocol) -> {
      out.add(shared.get(new ClusterKey(view.mesh(), mtls, service, protocol),
          () -> cluster(view.mesh(), mtls, service, protocol)));
      List<Endpoint> endpoints = view.endpointsOf(service);
      out.add(shared.get(new LoadAssignmentKey(service, endpoints),
          () -> LoadAssignmentBuilder.eds(service, endpoints)));
    });
  }

  /** The service names the outbounds of a proxy consume, sorted. */
  static TreeSet<String> services(ProxyView view) {
    TreeSet<String> services = new TreeSet<>();
    view.outbounds().forEach(o -> services.add(o.service()));
    return services;
  }

  private static Listener listener(ProxyView view, OutboundView outbound, Protocol protocol, boolean transparent) {
    String service = outbound.service();
    Map<String, String> tags = new TreeMap<>(outbound.tags());
    tags.remove(Names.MESH_TAG);
    FilterChainBuilder chain = FilterChainBuilder.create();
    if (protocol.isHttpBased()) {
      HcmBuilder hcm = HcmBuilder.stats(service)
          .normalizePath()
          .internalAddresses(view.internalAddresses())
          .idleTimeout(Defaults.OFF)
          .requestHeadersTimeout(Defaults.OFF)
          .routeConfig(RouteConfigBuilder.named(Names.outboundRoute(service), service)
              .route(Names.CATCH_ALL_ROUTE, "/", routeAction(service, protocol))
              .build());
      if (protocol == Protocol.GRPC) {
        hcm.grpcStats();
      }
      chain.httpConnectionManager(hcm.build());
    } else {
      chain.tcpProxy(service, service, Defaults.Outbound.IDLE_TIMEOUT,
          protocol == Protocol.TCP ? Defaults.TCP_MAX_CONNECT_ATTEMPTS : 0);
    }
    return ListenerBuilder
        .outbound(Names.outboundListener(outbound.address(), outbound.port()), outbound.address(), outbound.port())
        .transparent(transparent)
        .tags(tags)
        .filterChain(chain.build())
        .build();
  }

  private static RouteAction.Builder routeAction(String service, Protocol protocol) {
    RouteAction.Builder action = RouteConfigBuilder.toCluster(service)
        .setTimeout(Defaults.Outbound.REQUEST_TIMEOUT)
        .setIdleTimeout(Defaults.Outbound.STREAM_IDLE_TIMEOUT);
    RetryPolicy retry = Defaults.retryPolicy(protocol);
    return retry == null ? action : action.setRetryPolicy(retry);
  }

  private static Cluster cluster(String mesh, boolean mtls, String service, Protocol protocol) {
    // Kuma speaks HTTP/2 between sidecars whatever the service's protocol
    ClusterBuilder cluster = ClusterBuilder.named(service)
        .eds()
        .http2()
        .connectTimeout(Defaults.Outbound.CONNECT_TIMEOUT)
        .thresholds(Defaults.outboundThresholds());
    if (protocol == Protocol.HTTP || protocol == Protocol.HTTP2) {
      cluster.commonHttpOptions(Defaults.clusterHttpOptions(Defaults.Outbound.IDLE_TIMEOUT));
    }
    if (mtls) {
      String sni = Names.sni(Map.of(Names.SERVICE_TAG, service, "mesh", mesh));
      cluster.upstreamTls(Tls.upstream(mesh, service, sni));
    }
    return cluster.build();
  }
}
