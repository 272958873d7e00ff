package org.kumaj.cp.xds.generator;

import org.kumaj.cp.xds.generator.ProxyView.TransparentProxy;

/**
 * Kuma's {@code TransparentProxyGenerator}: when outbound traffic is redirected to Envoy, the
 * passthrough listeners on the redirect ports ({@code inbound:passthrough:ipv4},
 * {@code outbound:passthrough:ipv4}, and the {@code ipv6} pair unless the IP family mode is
 * {@code IPv4}) forwarding to the original destination, and the no-destination cluster. The outbound
 * passthrough cluster exists only while the mesh allows passthrough; without it the outbound
 * passthrough listener refers to a missing cluster and Envoy drops such connections, as in Kuma.
 */
final class TransparentProxyGenerator {
  private TransparentProxyGenerator() {}

  static void generate(ProxyView view, Resources out) {
    TransparentProxy tp = view.transparentProxy();
    if (tp.outboundPort() <= 0 || view.hasFeature(ProxyView.FEATURE_BIND_OUTBOUNDS)) {
      return;
    }
    out.add(ClusterBuilder.named(Names.NO_DESTINATION_INBOUND)
        .staticWithoutEndpoints()
        .connectTimeout(Defaults.SYSTEM_CONNECT_TIMEOUT)
        .build());
    passthrough(view, out, false, "0.0.0.0", "127.0.0.6");
    if (tp.ipv6()) {
      passthrough(view, out, true, "::", "::6");
    }
  }

  private static void passthrough(ProxyView view, Resources out, boolean ipv6, String anyAddress, String inboundSource) {
    String outbound = Names.passthrough("outbound", ipv6);
    if (view.meshPassthrough()) {
      out.add(ClusterBuilder.named(outbound)
          .originalDestination()
          .connectTimeout(Defaults.SYSTEM_CONNECT_TIMEOUT)
          .build());
    }
    out.add(ListenerBuilder.outbound(outbound, anyAddress, view.transparentProxy().outboundPort())
        .useOriginalDestination()
        .filterChain(FilterChainBuilder.create().tcpProxy(outbound, outbound, null, 0).build())
        .build());
    if (view.transparentProxy().inboundPort() <= 0) {
      return;
    }
    String inbound = Names.passthrough("inbound", ipv6);
    out.add(ClusterBuilder.named(inbound)
        .originalDestination()
        .upstreamBindAddress(inboundSource)
        .connectTimeout(Defaults.SYSTEM_CONNECT_TIMEOUT)
        .build());
    out.add(ListenerBuilder.inbound(inbound, anyAddress, view.transparentProxy().inboundPort(), view.hasFeature(ProxyView.FEATURE_REUSE_PORT))
        .useOriginalDestination()
        .filterChain(FilterChainBuilder.create().tcpProxy(inbound, inbound, null, 0).build())
        .build());
  }
}
