package org.kumaj.cp.xds.generator;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.HttpProtocolOptions;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import java.util.Map;
import java.util.function.Supplier;
import org.kumaj.cp.xds.generator.ProxyView.InboundView;

/**
 * Kuma's {@code InboundProxyGenerator} with the default MeshTimeout {@code from} values applied:
 * per inbound a local cluster {@code localhost:<servicePort>} and a listener
 * {@code inbound:<ip>:<port>}, a TCP proxy or an HTTP connection manager by protocol, and mesh
 * mTLS (STRICT: one TLS chain; PERMISSIVE: plaintext, application TLS and Kuma TLS chains).
 */
final class InboundGenerator {
  private static final String IPV4_PASSTHROUGH_SOURCE = "127.0.0.6";
  private static final String IPV6_PASSTHROUGH_SOURCE = "::6";

  /** Everything a local cluster is built from; {@code bindAddress} is null when it binds none. */
  private record LocalClusterKey(String clusterName, String workloadIp, int workloadPort, String bindAddress,
      Protocol protocol) {}

  /** Everything an inbound HTTP connection manager is built from (the internal addresses are the generator's). */
  private record HcmKey(String clusterName, String routeName, String virtualHost, Protocol protocol) {}

  private InboundGenerator() {}

  /**
   * @param shared where local clusters and the HTTP connection managers of inbounds built from equal
   *     inputs are one object (the instances of a service usually have the same connection managers,
   *     and a proxy keeps its local clusters from one regeneration to the next)
   */
  static void generate(ProxyView view, Resources out, SharedResources shared) {
    for (InboundView inbound : view.inbounds()) {
      if (inbound.hasListener()) {
        String clusterName = Names.localCluster(inbound.workloadPort());
        LocalClusterKey key = new LocalClusterKey(clusterName, inbound.workloadIp(), inbound.workloadPort(),
            bindAddress(view, inbound.workloadIp()), inbound.protocol());
        out.add(shared.get(key, () -> localCluster(key)));
        out.add(listener(view, inbound, clusterName, shared));
      }
    }
  }

  /**
   * Connections to a non-loopback application leave from 127.0.0.6 (::6) so that the
   * transparent-proxy rules let them through instead of redirecting them back to Envoy; null when
   * the local cluster binds no address.
   */
  private static String bindAddress(ProxyView view, String workloadIp) {
    if (!view.transparentProxy().enabled() || workloadIp.equals("127.0.0.1") || workloadIp.equals("::1")) {
      return null;
    }
    return Protos.isIpv6(workloadIp) ? IPV6_PASSTHROUGH_SOURCE : IPV4_PASSTHROUGH_SOURCE;
  }

  private static Cluster localCluster(LocalClusterKey key) {
    ClusterBuilder cluster = ClusterBuilder.named(key.clusterName())
        .staticEndpoint(key.workloadIp(), key.workloadPort())
        .connectTimeout(Defaults.Inbound.CONNECT_TIMEOUT);
    if (key.bindAddress() != null) {
      cluster.upstreamBindAddress(key.bindAddress());
    }
    switch (key.protocol()) {
      case HTTP -> cluster.http1().commonHttpOptions(Defaults.clusterHttpOptions(Defaults.Inbound.IDLE_TIMEOUT));
      case HTTP2 -> cluster.http2().commonHttpOptions(Defaults.clusterHttpOptions(Defaults.Inbound.IDLE_TIMEOUT));
      // MeshTimeout leaves gRPC clusters alone: only the legacy inbound idle timeout remains
      case GRPC -> cluster.http2().commonHttpOptions(HttpProtocolOptions.newBuilder()
          .setIdleTimeout(Defaults.Inbound.IDLE_TIMEOUT).build());
      default -> { }
    }
    return cluster.build();
  }

  private static Listener listener(ProxyView view, InboundView inbound, String clusterName, SharedResources shared) {
    String name = Names.inboundListener(inbound.dataplaneIp(), inbound.port());
    ListenerBuilder listener = ListenerBuilder
        .inbound(name, inbound.dataplaneIp(), inbound.port(), view.hasFeature(ProxyView.FEATURE_REUSE_PORT))
        .transparent(view.transparentProxy().enabled())
        .tags(inbound.tags().isEmpty()
            ? Map.of(Names.UNIFIED_NAME_TAG, Names.contextualInbound(inbound.sectionName()))
            : inbound.tags());
    Supplier<FilterChainBuilder> chain = () -> filterChain(view, inbound, name, clusterName, shared);
    switch (view.mtls()) {
      case OFF -> listener.filterChain(chain.get().build());
      case STRICT -> listener.filterChain(kumaTls(view, chain.get(), name).build());
      case PERMISSIVE -> listener
          .tlsInspector()
          .filterChain(chain.get().matchTransportProtocol("raw_buffer").build())
          // application TLS passes through untouched; only Kuma's ALPN marks mesh mTLS
          .filterChain(chain.get().matchTransportProtocol("tls").build())
          .filterChain(kumaTls(view, chain.get(), name)
              .matchTransportProtocol("tls")
              .matchApplicationProtocol(Names.KUMA_ALPN)
              .build());
      default -> throw new IllegalStateException(view.mtls().name());
    }
    return listener.build();
  }

  private static FilterChainBuilder kumaTls(ProxyView view, FilterChainBuilder chain, String listenerName) {
    return chain.denyAllRbac(listenerName).downstreamTls(Tls.downstream(view.mesh()));
  }

  private static FilterChainBuilder filterChain(ProxyView view, InboundView inbound, String listenerName,
      String clusterName, SharedResources shared) {
    FilterChainBuilder chain = FilterChainBuilder.create();
    if (!inbound.protocol().isHttpBased()) {
      return chain.tcpProxy(clusterName, clusterName, Defaults.Inbound.IDLE_TIMEOUT, 0);
    }
    // an inbound without kuma.io/service names its routes after the listener
    String service = inbound.service();
    String routeName = service.isEmpty() ? listenerName : Names.inboundRoute(service);
    String virtualHost = service.isEmpty() ? listenerName : service;
    Protocol protocol = inbound.protocol();
    return chain.filter(shared.get(new HcmKey(clusterName, routeName, virtualHost, protocol),
        () -> FilterChainBuilder.httpConnectionManagerFilter(httpConnectionManager(view, clusterName, routeName,
            virtualHost, protocol))));
  }

  private static HttpConnectionManager httpConnectionManager(ProxyView view, String clusterName, String routeName,
      String virtualHost, Protocol protocol) {
    HcmBuilder hcm = HcmBuilder.stats(clusterName)
        .forwardClientCertDetails()
        .internalAddresses(view.internalAddresses())
        .idleTimeout(Defaults.OFF)
        .streamIdleTimeout(Defaults.Inbound.STREAM_IDLE_TIMEOUT)
        .requestHeadersTimeout(Defaults.OFF)
        .routeConfig(RouteConfigBuilder.named(routeName, virtualHost)
            .removeRequestHeader(Names.TAGS_HEADER)
            .route("", "/", RouteConfigBuilder.toCluster(clusterName)
                .setTimeout(Defaults.Inbound.REQUEST_TIMEOUT)
                .setIdleTimeout(Defaults.Inbound.STREAM_IDLE_TIMEOUT))
            .build());
    if (protocol == Protocol.GRPC) {
      hcm.grpcStats();
    }
    return hcm.build();
  }
}
