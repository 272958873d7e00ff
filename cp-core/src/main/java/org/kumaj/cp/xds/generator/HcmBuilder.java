package org.kumaj.cp.xds.generator;

import com.google.protobuf.Duration;
import io.envoyproxy.envoy.config.core.v3.CidrRange;
import io.envoyproxy.envoy.config.core.v3.HttpProtocolOptions;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.filters.http.grpc_stats.v3.FilterConfig;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.Rds;
import java.util.List;

/**
 * Builds the {@code envoy.filters.network.http_connection_manager} config: Kuma's
 * {@code HttpConnectionManagerConfigurer} plus the filters and timeouts other configurers add. The
 * router filter is always appended last, which both Envoy and grpc-xds require. Not thread-safe.
 */
final class HcmBuilder {
  private final HttpConnectionManager.Builder hcm = HttpConnectionManager.newBuilder();

  private HcmBuilder(String statName) {
    if (statName != null) {
      hcm.setStatPrefix(Names.sanitize(statName));
    }
  }

  /** An HCM whose stats are prefixed with the sanitized {@code statName}. */
  static HcmBuilder stats(String statName) {
    return new HcmBuilder(statName);
  }

  /** An HCM without a stat prefix (grpc-xds ignores it). */
  static HcmBuilder withoutStats() {
    return new HcmBuilder(null);
  }

  /** {@code SANITIZE_SET} of {@code x-forwarded-client-cert} with the peer's URI (inbounds). */
  HcmBuilder forwardClientCertDetails() {
    hcm.setForwardClientCertDetails(HttpConnectionManager.ForwardClientCertDetails.SANITIZE_SET)
        .setSetCurrentClientCertDetails(HttpConnectionManager.SetCurrentClientCertDetails.newBuilder().setUri(true));
    return this;
  }

  HcmBuilder normalizePath() {
    hcm.setNormalizePath(Protos.bool(true));
    return this;
  }

  /** The client addresses Envoy treats as internal. */
  HcmBuilder internalAddresses(List<CidrRange> cidrs) {
    hcm.setInternalAddressConfig(HttpConnectionManager.InternalAddressConfig.newBuilder().addAllCidrRanges(cidrs));
    return this;
  }

  /** {@code envoy.filters.http.grpc_stats} with {@code emitFilterState} (gRPC services). */
  HcmBuilder grpcStats() {
    hcm.addHttpFilters(HttpFilter.newBuilder()
        .setName("envoy.filters.http.grpc_stats")
        .setTypedConfig(Protos.pack(FilterConfig.newBuilder().setEmitFilterState(true).build())));
    return this;
  }

  /** {@code commonHttpProtocolOptions.idleTimeout} of downstream connections. */
  HcmBuilder idleTimeout(Duration timeout) {
    hcm.setCommonHttpProtocolOptions(HttpProtocolOptions.newBuilder().setIdleTimeout(timeout));
    return this;
  }

  HcmBuilder streamIdleTimeout(Duration timeout) {
    hcm.setStreamIdleTimeout(timeout);
    return this;
  }

  HcmBuilder requestHeadersTimeout(Duration timeout) {
    hcm.setRequestHeadersTimeout(timeout);
    return this;
  }

  /** Routes inline in the listener (what Kuma does for every sidecar listener). */
  HcmBuilder routeConfig(RouteConfiguration routes) {
    hcm.setRouteConfig(routes);
    return this;
  }

  /** Routes fetched by name over ADS (RDS). */
  HcmBuilder rds(String routeConfigName) {
    hcm.setRds(Rds.newBuilder().setRouteConfigName(routeConfigName).setConfigSource(Protos.ads()));
    return this;
  }

  HttpConnectionManager build() {
    return hcm.clone()
        .addHttpFilters(HttpFilter.newBuilder()
            .setName("envoy.filters.http.router")
            .setTypedConfig(Protos.pack(Router.getDefaultInstance())))
        .build();
  }
}
