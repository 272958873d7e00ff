package org.kumaj.cp.xds.generator;

/**
 * Resources for a proxyless gRPC client (grpc-xds): per outbound service an API listener named
 * after the service, an RDS route configuration, an EDS cluster and its load assignment. See
 * {@link ProxyGenerator} for the contract.
 */
final class ProxylessGrpcGenerator {
  private ProxylessGrpcGenerator() {}

  static void generate(ProxyView view, Resources out) {
    for (String service : OutboundGenerator.services(view)) {
      String routeName = Names.outboundRoute(service);
      out.add(ListenerBuilder.api(service, HcmBuilder.withoutStats().rds(routeName).build()));
      out.add(RouteConfigBuilder.named(routeName, service)
          .route(Names.CATCH_ALL_ROUTE, "", RouteConfigBuilder.toCluster(service))
          .build());
      out.add(ClusterBuilder.named(service)
          .eds()
          .connectTimeout(Defaults.Outbound.CONNECT_TIMEOUT)
          .thresholds(Defaults.outboundThresholds())
          .build());
      out.add(LoadAssignmentBuilder.eds(service, view.endpointsOf(service)));
    }
  }
}
