package org.kumaj.cp.xds.generator;

import com.google.protobuf.Duration;
import io.envoyproxy.envoy.config.cluster.v3.CircuitBreakers;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.BindConfig;
import io.envoyproxy.envoy.config.core.v3.Http1ProtocolOptions;
import io.envoyproxy.envoy.config.core.v3.Http2ProtocolOptions;
import io.envoyproxy.envoy.config.core.v3.HttpProtocolOptions;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;

/**
 * Builds one Envoy {@link Cluster} the way Kuma's {@code ClusterBuilder} and its configurers do.
 * Every cluster gets {@code altStatName} when its name is not a valid metric name and the
 * {@code trackRemaining} threshold MeshCircuitBreaker puts on all clusters. Not thread-safe; one
 * builder per cluster.
 */
final class ClusterBuilder {
  private static final String HTTP_OPTIONS_KEY = "envoy.extensions.upstreams.http.v3.HttpProtocolOptions";

  private final Cluster.Builder cluster;
  private CircuitBreakers.Thresholds thresholds = Defaults.trackRemainingOnly();
  private io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions.Builder httpOptions;

  private ClusterBuilder(String name) {
    this.cluster = Cluster.newBuilder().setName(name);
  }

  static ClusterBuilder named(String name) {
    return new ClusterBuilder(name);
  }

  /** STATIC with one endpoint in an inline load assignment. */
  ClusterBuilder staticEndpoint(String address, int port) {
    cluster.setType(Cluster.DiscoveryType.STATIC)
        .setLoadAssignment(LoadAssignmentBuilder.single(cluster.getName(), address, port));
    return this;
  }

  /** STATIC with no endpoints (Kuma's no-destination cluster; its stat name is always set). */
  ClusterBuilder staticWithoutEndpoints() {
    cluster.setType(Cluster.DiscoveryType.STATIC).setAltStatName(cluster.getName());
    return this;
  }

  /** EDS over ADS; the load assignment has the cluster's name. */
  ClusterBuilder eds() {
    cluster.setType(Cluster.DiscoveryType.EDS)
        .setEdsClusterConfig(Cluster.EdsClusterConfig.newBuilder().setEdsConfig(Protos.ads()));
    return this;
  }

  /** ORIGINAL_DST: connect where the intercepted connection was going (transparent proxy). */
  ClusterBuilder originalDestination() {
    cluster.setType(Cluster.DiscoveryType.ORIGINAL_DST).setLbPolicy(Cluster.LbPolicy.CLUSTER_PROVIDED);
    return this;
  }

  ClusterBuilder connectTimeout(Duration timeout) {
    cluster.setConnectTimeout(timeout);
    return this;
  }

  /** Source address of upstream connections (port 0: any). */
  ClusterBuilder upstreamBindAddress(String address) {
    cluster.setUpstreamBindConfig(BindConfig.newBuilder()
        .setSourceAddress(SocketAddress.newBuilder().setAddress(address).setPortValue(0)));
    return this;
  }

  /** Explicit HTTP/1.1 to the upstream. */
  ClusterBuilder http1() {
    httpOptions().getExplicitHttpConfigBuilder().setHttpProtocolOptions(Http1ProtocolOptions.getDefaultInstance());
    return this;
  }

  /** Explicit HTTP/2 to the upstream. */
  ClusterBuilder http2() {
    httpOptions().getExplicitHttpConfigBuilder().setHttp2ProtocolOptions(Http2ProtocolOptions.getDefaultInstance());
    return this;
  }

  /** {@code commonHttpProtocolOptions} of the upstream HTTP protocol options. */
  ClusterBuilder commonHttpOptions(HttpProtocolOptions options) {
    httpOptions().setCommonHttpProtocolOptions(options);
    return this;
  }

  /** The DEFAULT priority circuit-breaker threshold (replaces the {@code trackRemaining} one). */
  ClusterBuilder thresholds(CircuitBreakers.Thresholds defaultPriority) {
    this.thresholds = defaultPriority;
    return this;
  }

  ClusterBuilder upstreamTls(UpstreamTlsContext tls) {
    cluster.setTransportSocket(Tls.transportSocket(tls));
    return this;
  }

  Cluster build() {
    String statName = Names.sanitize(cluster.getName());
    if (!statName.equals(cluster.getName())) {
      cluster.setAltStatName(statName);
    }
    cluster.setCircuitBreakers(CircuitBreakers.newBuilder().addThresholds(thresholds));
    if (httpOptions != null) {
      cluster.putTypedExtensionProtocolOptions(HTTP_OPTIONS_KEY, Protos.pack(httpOptions.build()));
    }
    return cluster.build();
  }

  private io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions.Builder httpOptions() {
    if (httpOptions == null) {
      httpOptions = io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions.newBuilder();
    }
    return httpOptions;
  }
}
