package org.kumaj.cp.xds.generator;

import io.envoyproxy.envoy.config.core.v3.Locality;
import io.envoyproxy.envoy.config.core.v3.Metadata;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.kumaj.cp.xds.Endpoint;

/**
 * Builds {@link ClusterLoadAssignment}s: the EDS resource of a service (Kuma's
 * {@code CreateClusterLoadAssignment} over the mesh's endpoint map) and the inline assignment of a
 * static cluster.
 */
final class LoadAssignmentBuilder {
  private static final Comparator<Endpoint> BY_ADDRESS =
      Comparator.comparing(Endpoint::address).thenComparingInt(Endpoint::port);

  private LoadAssignmentBuilder() {}

  /** One endpoint, no weights: the load assignment inside a STATIC cluster. */
  static ClusterLoadAssignment single(String clusterName, String address, int port) {
    return ClusterLoadAssignment.newBuilder()
        .setClusterName(clusterName)
        .addEndpoints(LocalityLbEndpoints.newBuilder()
            .addLbEndpoints(LbEndpoint.newBuilder()
                .setEndpoint(io.envoyproxy.envoy.config.endpoint.v3.Endpoint.newBuilder()
                    .setAddress(Protos.socket(address, port)))))
        .build();
  }

  /**
   * The EDS load assignment of a service: its healthy endpoints, grouped by the {@code kuma.io/zone}
   * tag (endpoints without one share a locality with no zone), sorted by address and port, each with
   * weight 1 and the tags other than {@code kuma.io/service} as {@code envoy.lb} and
   * {@code envoy.transport_socket_match} metadata. Every locality has {@code load_balancing_weight}
   * 1, which grpc-xds requires (it drops localities without one); Kuma leaves it unset. A service
   * without healthy endpoints gets an assignment with no localities.
   */
  static ClusterLoadAssignment eds(String clusterName, List<Endpoint> endpoints) {
    Map<String, List<Endpoint>> byZone = endpoints.stream()
        .filter(Endpoint::healthy)
        .collect(Collectors.groupingBy(e -> e.tags().getOrDefault(Names.ZONE_TAG, ""), TreeMap::new, Collectors.toList()));
    ClusterLoadAssignment.Builder cla = ClusterLoadAssignment.newBuilder().setClusterName(clusterName);
    byZone.forEach((zone, members) -> {
      LocalityLbEndpoints.Builder locality = LocalityLbEndpoints.newBuilder().setLoadBalancingWeight(Protos.uint32(1));
      if (!zone.isEmpty()) {
        locality.setLocality(Locality.newBuilder().setZone(zone));
      }
      members.stream().sorted(BY_ADDRESS).map(LoadAssignmentBuilder::lbEndpoint).forEach(locality::addLbEndpoints);
      cla.addEndpoints(locality);
    });
    return cla.build();
  }

  private static LbEndpoint lbEndpoint(Endpoint endpoint) {
    LbEndpoint.Builder lb = LbEndpoint.newBuilder()
        .setEndpoint(io.envoyproxy.envoy.config.endpoint.v3.Endpoint.newBuilder()
            .setAddress(Protos.socket(endpoint.address(), endpoint.port())))
        .setLoadBalancingWeight(Protos.uint32(1));
    Map<String, String> tags = new TreeMap<>(endpoint.tags());
    tags.remove(Names.SERVICE_TAG);
    if (!tags.isEmpty()) {
      lb.setMetadata(Metadata.newBuilder()
          .putFilterMetadata("envoy.lb", Protos.stringStruct(tags))
          .putFilterMetadata("envoy.transport_socket_match", Protos.stringStruct(tags)));
    }
    return lb.build();
  }
}
