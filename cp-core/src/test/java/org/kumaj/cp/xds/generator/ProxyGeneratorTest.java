package org.kumaj.cp.xds.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.ApiVersion;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.kumaj.cp.xds.ProxyContext;
import org.kumaj.cp.xds.XdsResources;

/** Edge cases and bad input: the generator never throws and its output stays complete. */
class ProxyGeneratorTest {
  private final ProxyGenerator generator = new ProxyGenerator();

  @Test
  void dataplaneWithoutNetworkingOrInboundsGivesNothing() {
    XdsResources empty = generate("""
        dataplane: {type: Dataplane, mesh: default, name: dp-1}
        """);
    XdsResources noInbounds = generate("""
        dataplane:
          type: Dataplane
          mesh: default
          name: dp-1
          networking: {address: 192.168.0.1}
        """);

    assertThat(empty).isEqualTo(new XdsResources(List.of(), List.of(), List.of(), List.of(), List.of()));
    assertThat(noInbounds).isEqualTo(empty);
  }

  @Test
  void duplicatePortsKeepOneListenerEachAndTheLaterWins() {
    XdsResources resources = generate("""
        dataplane:
          type: Dataplane
          mesh: default
          name: dp-1
          networking:
            address: 192.168.0.1
            inbound:
              - {port: 80, servicePort: 8080, tags: {kuma.io/service: first}}
              - {port: 80, servicePort: 8080, tags: {kuma.io/service: second, kuma.io/protocol: http}}
            outbound:
              - {port: 10001, tags: {kuma.io/service: a}}
              - {port: 10001, tags: {kuma.io/service: b}}
        """);

    assertThat(names(resources)).containsExactly("inbound:192.168.0.1:80", "outbound:127.0.0.1:10001");
    assertThat(resources.clusters()).extracting(Cluster::getName).containsExactly("a", "b", "localhost:8080");
    assertThat(tcpProxy(listener(resources, "outbound:127.0.0.1:10001")).getCluster()).isEqualTo("b");
    assertThat(listener(resources, "inbound:192.168.0.1:80").getFilterChains(0).getFilters(0).getName())
        .isEqualTo("envoy.filters.network.http_connection_manager");
    assertThat(ResourceGraph.problems(resources, false)).isEmpty();
  }

  @Test
  void unknownProtocolsAreTcp() {
    XdsResources resources = generate("""
        dataplane:
          type: Dataplane
          mesh: default
          name: dp-1
          networking:
            address: 192.168.0.1
            inbound:
              - {port: 80, tags: {kuma.io/service: web, kuma.io/protocol: carrier-pigeon}}
              - {port: 81, protocol: HTTP, tags: {kuma.io/service: upper}}
            outbound:
              - {port: 10001, tags: {kuma.io/service: backend}}
        dataplanes:
          - type: Dataplane
            mesh: default
            name: backend-1
            networking:
              address: 192.168.0.2
              inbound:
                - {port: 80, tags: {kuma.io/service: backend, kuma.io/protocol: SOAP}}
        """);

    assertThat(tcpProxy(listener(resources, "inbound:192.168.0.1:80")).getCluster()).isEqualTo("localhost:80");
    assertThat(tcpProxy(listener(resources, "outbound:127.0.0.1:10001")).getCluster()).isEqualTo("backend");
    // Kuma parses protocols case-insensitively
    assertThat(hcm(listener(resources, "inbound:192.168.0.1:81")).getRouteConfig().getName()).isEqualTo("inbound:upper");
  }

  @Test
  void outboundToAServiceWithoutEndpointsGetsAnEmptyLoadAssignment() {
    XdsResources resources = generate("""
        dataplane:
          type: Dataplane
          mesh: default
          name: dp-1
          networking:
            address: 192.168.0.1
            outbound:
              - {port: 10001, tags: {kuma.io/service: nowhere}}
        """);

    assertThat(resources.endpoints()).containsExactly(ClusterLoadAssignment.newBuilder().setClusterName("nowhere").build());
    assertThat(ResourceGraph.problems(resources, false)).isEmpty();
  }

  @Test
  void outboundsWithoutServiceOrPortAreSkipped() {
    XdsResources resources = generate("""
        dataplane:
          type: Dataplane
          mesh: default
          name: dp-1
          networking:
            address: 192.168.0.1
            outbound:
              - {port: 10001, backendRef: {kind: MeshService, name: backend, port: 80}}
              - {tags: {kuma.io/service: portless}}
        """);

    assertThat(resources.listeners()).isEmpty();
    assertThat(resources.clusters()).isEmpty();
  }

  @Test
  void adminWithoutReadinessPortHasOnlyTheAdminCluster() {
    XdsResources resources = generate("""
        metadata: {adminPort: 9901}
        dataplane: {type: Dataplane, mesh: default, name: dp-1, networking: {address: 192.168.0.1}}
        """);

    assertThat(resources.clusters()).extracting(Cluster::getName).containsExactly("kuma:envoy:admin");
    assertThat(resources.listeners()).isEmpty();
  }

  @Test
  void untrustedAdminAddressIsReplacedByLoopback() {
    XdsResources resources = generate("""
        metadata: {adminAddress: 10.0.0.1, adminPort: 9901, readinessPort: 9902}
        dataplane: {type: Dataplane, mesh: default, name: dp-1, networking: {address: 192.168.0.1}}
        """);

    assertThat(resources.clusters()).allSatisfy(c -> assertThat(
        c.getLoadAssignment().getEndpoints(0).getLbEndpoints(0).getEndpoint().getAddress().getSocketAddress().getAddress())
        .isEqualTo("127.0.0.1"));
  }

  @Test
  void withoutMeshPassthroughTheOutboundPassthroughClusterIsMissingAsInKuma() {
    XdsResources resources = generate("""
        mesh: {type: Mesh, name: default, networking: {outbound: {passthrough: false}}}
        dataplane:
          type: Dataplane
          mesh: default
          name: dp-1
          networking:
            address: 192.168.0.1
            transparentProxying: {redirectPortInbound: 15006, redirectPortOutbound: 15001, ipFamilyMode: IPv4}
        """);

    assertThat(names(resources)).contains("outbound:passthrough:ipv4");
    assertThat(resources.clusters()).extracting(Cluster::getName)
        .containsExactly("inbound:passthrough:ipv4", "self_transparentproxy_no_destination_inbound");
    assertThat(ResourceGraph.problems(resources, false)).containsExactly("listener outbound:passthrough:ipv4: no cluster outbound:passthrough:ipv4");
  }

  @Test
  void bindOutboundsFeatureKeepsOutboundListenersBoundAndDropsPassthrough() {
    XdsResources resources = generate("""
        metadata: {features: [feature-bind-outbounds, feature-reuse-port]}
        dataplane:
          type: Dataplane
          mesh: default
          name: dp-1
          networking:
            address: 192.168.0.1
            transparentProxying: {redirectPortInbound: 15006, redirectPortOutbound: 15001}
            inbound:
              - {port: 80, tags: {kuma.io/service: web}}
            outbound:
              - {port: 10001, tags: {kuma.io/service: backend}}
        """);

    assertThat(names(resources)).containsExactly("inbound:192.168.0.1:80", "outbound:127.0.0.1:10001");
    assertThat(listener(resources, "outbound:127.0.0.1:10001").hasBindToPort()).isFalse();
    Listener inbound = listener(resources, "inbound:192.168.0.1:80");
    assertThat(inbound.getBindToPort().getValue()).isFalse();
    assertThat(inbound.getEnableReusePort().getValue()).isTrue();
  }

  @Test
  void mtlsWithoutIdentityReferencesSecretsItDoesNotDeliver() {
    XdsResources resources = generate("""
        mesh: {type: Mesh, name: demo, mtls: {enabledBackend: ca-1}}
        dataplane:
          type: Dataplane
          mesh: demo
          name: dp-1
          networking:
            address: 192.168.0.1
            inbound:
              - {port: 80, tags: {kuma.io/service: web}}
        """);

    assertThat(resources.secrets()).isEmpty();
    assertThat(ResourceGraph.problems(resources, true)).isNotEmpty();
    assertThat(ResourceGraph.problems(resources, false)).isEmpty();
  }

  @Test
  void proxylessListenerFitsGrpcXds() throws InvalidProtocolBufferException {
    XdsResources resources = generate("""
        metadata: {proxylessGrpc: true}
        dataplane:
          type: Dataplane
          mesh: default
          name: client-1
          networking:
            address: 192.168.0.1
            outbound:
              - {port: 10001, tags: {kuma.io/service: greeter.svc}}
        dataplanes:
          - type: Dataplane
            mesh: default
            name: greeter-1
            networking:
              address: 192.168.0.2
              inbound:
                - {port: 50051, tags: {kuma.io/service: greeter.svc, kuma.io/protocol: grpc}}
        """);

    Listener listener = resources.listeners().get(0);
    assertThat(listener.getName()).isEqualTo("greeter.svc");
    HttpConnectionManager hcm = listener.getApiListener().getApiListener().unpack(HttpConnectionManager.class);
    assertThat(hcm.getRds().getRouteConfigName()).isEqualTo("outbound:greeter.svc");
    assertThat(hcm.getRds().getConfigSource().hasAds()).isTrue();
    assertThat(hcm.getHttpFilters(hcm.getHttpFiltersCount() - 1).getTypedConfig().getTypeUrl())
        .isEqualTo("type.googleapis.com/envoy.extensions.filters.http.router.v3.Router");
    assertThat(resources.routes().get(0).getVirtualHosts(0).getDomainsList()).containsExactly("*");
    Cluster cluster = resources.clusters().get(0);
    assertThat(cluster.getType()).isEqualTo(Cluster.DiscoveryType.EDS);
    assertThat(cluster.getEdsClusterConfig().getEdsConfig().getResourceApiVersion()).isEqualTo(ApiVersion.V3);
    assertThat(cluster.hasTransportSocket()).isFalse();
    assertThat(resources.endpoints().get(0).getEndpointsList())
        .allSatisfy(locality -> assertThat(locality.getLoadBalancingWeight().getValue()).isGreaterThanOrEqualTo(1));
    assertThat(ResourceGraph.problems(resources, false)).isEmpty();
  }

  @Test
  void concurrentGenerationsAgree() {
    ProxyContext context = Fixture.parse("""
        dataplane:
          type: Dataplane
          mesh: default
          name: dp-1
          networking:
            address: 192.168.0.1
            inbound:
              - {port: 80, tags: {kuma.io/service: web, kuma.io/protocol: http}}
            outbound:
              - {port: 10001, tags: {kuma.io/service: web}}
        """);
    XdsResources expected = generator.generate(context);

    assertThat(IntStream.range(0, 64).parallel().mapToObj(i -> generator.generate(context)).toList())
        .allMatch(expected::equals);
  }

  @Test
  void rejectsMalformedInternalCidrs() {
    assertThatThrownBy(() -> new ProxyGenerator(List.of("10.0.0.0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("10.0.0.0");
  }

  private XdsResources generate(String yaml) {
    return generator.generate(Fixture.parse(yaml));
  }

  private static List<String> names(XdsResources resources) {
    return resources.listeners().stream().map(Listener::getName).toList();
  }

  private static Listener listener(XdsResources resources, String name) {
    return resources.listeners().stream().filter(l -> l.getName().equals(name)).findFirst().orElseThrow();
  }

  private static TcpProxy tcpProxy(Listener listener) {
    try {
      return listener.getFilterChains(0).getFilters(0).getTypedConfig().unpack(TcpProxy.class);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  private static HttpConnectionManager hcm(Listener listener) {
    try {
      return listener.getFilterChains(0).getFilters(0).getTypedConfig().unpack(HttpConnectionManager.class);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }
}
