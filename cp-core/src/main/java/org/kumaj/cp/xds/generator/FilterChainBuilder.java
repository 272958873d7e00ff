package org.kumaj.cp.xds.generator;

import com.google.protobuf.Duration;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.FilterChainMatch;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.rbac.v3.RBAC;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;

/**
 * Builds one listener {@link FilterChain}: its match, its network filters in order (an RBAC filter
 * always first, as Kuma's {@code NetworkRBAC} prepends it) and its TLS transport socket. Not
 * thread-safe.
 */
final class FilterChainBuilder {
  private final FilterChain.Builder chain = FilterChain.newBuilder();
  private final FilterChainMatch.Builder match = FilterChainMatch.newBuilder();

  static FilterChainBuilder create() {
    return new FilterChainBuilder();
  }

  /**
   * {@code envoy.filters.network.rbac} allowing nothing: what Kuma puts on a filter chain protected
   * by mesh mTLS while no traffic permission selects the inbound (the MeshTrafficPermission plugin
   * replaces it with the computed rules).
   */
  FilterChainBuilder denyAllRbac(String listenerName) {
    RBAC rbac = RBAC.newBuilder()
        .setRules(io.envoyproxy.envoy.config.rbac.v3.RBAC.newBuilder()
            .setAction(io.envoyproxy.envoy.config.rbac.v3.RBAC.Action.ALLOW))
        .setStatPrefix(Names.sanitize(listenerName) + ".")
        .build();
    chain.addFilters(0, Filter.newBuilder().setName("envoy.filters.network.rbac").setTypedConfig(Protos.pack(rbac)));
    return this;
  }

  /**
   * {@code envoy.filters.network.tcp_proxy} to one cluster.
   *
   * @param idleTimeout the idle timeout, or {@code null} for Envoy's default
   * @param maxConnectAttempts connect attempts, or 0 for Envoy's default
   */
  FilterChainBuilder tcpProxy(String statName, String cluster, Duration idleTimeout, int maxConnectAttempts) {
    TcpProxy.Builder tcp = TcpProxy.newBuilder().setStatPrefix(Names.sanitize(statName)).setCluster(cluster);
    if (idleTimeout != null) {
      tcp.setIdleTimeout(idleTimeout);
    }
    if (maxConnectAttempts > 0) {
      tcp.setMaxConnectAttempts(Protos.uint32(maxConnectAttempts));
    }
    chain.addFilters(Filter.newBuilder().setName("envoy.filters.network.tcp_proxy").setTypedConfig(Protos.pack(tcp.build())));
    return this;
  }

  FilterChainBuilder httpConnectionManager(HttpConnectionManager hcm) {
    return filter(httpConnectionManagerFilter(hcm));
  }

  /** The {@code envoy.filters.network.http_connection_manager} filter of {@code hcm}. */
  static Filter httpConnectionManagerFilter(HttpConnectionManager hcm) {
    return Filter.newBuilder()
        .setName("envoy.filters.network.http_connection_manager")
        .setTypedConfig(Protos.pack(hcm))
        .build();
  }

  /** Appends a network filter built elsewhere. */
  FilterChainBuilder filter(Filter filter) {
    chain.addFilters(filter);
    return this;
  }

  /** Matches {@code raw_buffer} (plaintext) or {@code tls} as detected by the TLS inspector. */
  FilterChainBuilder matchTransportProtocol(String transportProtocol) {
    match.setTransportProtocol(transportProtocol);
    return this;
  }

  /** Matches the ALPN protocols offered by the client. */
  FilterChainBuilder matchApplicationProtocol(String alpn) {
    match.addApplicationProtocols(alpn);
    return this;
  }

  FilterChainBuilder downstreamTls(DownstreamTlsContext tls) {
    chain.setTransportSocket(Tls.transportSocket(tls));
    return this;
  }

  FilterChain build() {
    FilterChain.Builder result = chain.clone();
    if (!match.build().equals(FilterChainMatch.getDefaultInstance())) {
      result.setFilterChainMatch(match);
    }
    return result.build();
  }
}
