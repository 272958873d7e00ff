package org.kumaj.cp.xds.generator;

import io.envoyproxy.envoy.config.core.v3.CidrRange;
import java.util.List;
import java.util.Set;
import org.kumaj.cp.xds.ProxyMetadata;

/**
 * Kuma's {@code AdminProxyGenerator}: the cluster {@code kuma:envoy:admin} to Envoy's admin API,
 * the cluster {@code kuma:readiness} to kuma-dp's readiness reporter, and, when the Dataplane's
 * address is not the admin address, a listener {@code kuma:envoy:admin} on
 * {@code <networking.address>:<adminPort>} that exposes {@code /ready} only.
 */
final class AdminGenerator {
  /** Admin addresses kuma-dp may report; anything else is not trusted and replaced by 127.0.0.1. */
  private static final Set<String> ALLOWED_ADMIN_ADDRESSES = Set.of("127.0.0.1", "0.0.0.0", "::1", "::", "");
  private static final List<CidrRange> LOCALHOST = List.of(
      CidrRange.newBuilder().setAddressPrefix("127.0.0.1").setPrefixLen(Protos.uint32(32)).build(),
      CidrRange.newBuilder().setAddressPrefix("::1").setPrefixLen(Protos.uint32(128)).build());

  private AdminGenerator() {}

  static void generate(ProxyView view, Resources out) {
    ProxyMetadata metadata = view.metadata();
    if (metadata.adminPort() <= 0) {
      return;
    }
    String adminAddress = adminAddress(metadata.adminAddress());
    out.add(ClusterBuilder.named(Names.ENVOY_ADMIN)
        .staticEndpoint(adminAddress, metadata.adminPort())
        .connectTimeout(Defaults.SYSTEM_CONNECT_TIMEOUT)
        .build());
    if (metadata.readinessPort() <= 0) {
      return;
    }
    out.add(ClusterBuilder.named(Names.READINESS)
        .staticEndpoint(adminAddress, metadata.readinessPort())
        .connectTimeout(Defaults.SYSTEM_CONNECT_TIMEOUT)
        .build());
    // Envoy already binds the admin address; a second listener there would fail to bind.
    if (!view.address().equals(adminAddress)) {
      out.add(ListenerBuilder.inbound(Names.ENVOY_ADMIN, view.address(), metadata.adminPort(), view.hasFeature(ProxyView.FEATURE_REUSE_PORT))
          .filterChain(FilterChainBuilder.create()
              .httpConnectionManager(HcmBuilder.stats(Names.ENVOY_ADMIN)
                  .internalAddresses(LOCALHOST)
                  .routeConfig(RouteConfigBuilder.named("", Names.ENVOY_ADMIN)
                      .route("", "/ready", RouteConfigBuilder.toCluster(Names.READINESS).setPrefixRewrite("/ready"))
                      .build())
                  .build())
              .build())
          .build());
    }
  }

  /** Kuma's normalisation: unspecified addresses become loopback of the same family. */
  private static String adminAddress(String reported) {
    String address = reported == null || !ALLOWED_ADMIN_ADDRESSES.contains(reported) ? "127.0.0.1" : reported;
    return switch (address) {
      case "", "0.0.0.0" -> "127.0.0.1";
      case "::" -> "::1";
      default -> address;
    };
  }
}
