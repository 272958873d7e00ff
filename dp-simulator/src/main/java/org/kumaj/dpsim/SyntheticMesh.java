package org.kumaj.dpsim;

import com.google.protobuf.Any;
import com.google.protobuf.BoolValue;
import com.google.protobuf.UInt32Value;
import io.envoyproxy.controlplane.cache.v3.Snapshot;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.AggregatedConfigSource;
import io.envoyproxy.envoy.config.core.v3.ApiVersion;
import io.envoyproxy.envoy.config.core.v3.ConfigSource;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.core.v3.TransportSocket;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.Endpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.FilterChainMatch;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.listener.v3.ListenerFilter;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.Rds;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CertificateValidationContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SdsSecretConfig;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SubjectAltNameMatcher;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.TlsCertificate;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kuma-shaped xDS for a {@link Topology}, with Kuma's legacy names: per Dataplane an inbound
 * listener {@code inbound:<ip>:<port>} (HTTP, inline route to {@code localhost:<servicePort>}),
 * that local cluster, per outbound a listener {@code outbound:127.0.0.1:<port>} with RDS
 * {@code outbound:<service>}, an EDS cluster {@code <service>} and its load assignment; with mTLS
 * the SDS secrets {@code identity_cert:secret:<mesh>} and {@code mesh_ca:secret:<mesh>}, TLS on
 * the inbound (STRICT: TLS only, PERMISSIVE: TLS or plaintext) and on outbound clusters. Used for
 * the baseline-only benchmark and the tests. Stateless.
 */
final class SyntheticMesh {

  /** The mesh's mTLS state. */
  enum Mtls { OFF, STRICT, PERMISSIVE }

  private SyntheticMesh() {}

  static String nodeId(String mesh, Topology.Instance instance) {
    return mesh + "." + instance.name();
  }

  /** Snapshots of every instance, by node id. */
  static Map<String, Snapshot> snapshots(String mesh, Topology topology, Mtls mtls) {
    Map<String, List<Topology.Instance>> byService = new LinkedHashMap<>();
    for (Topology.Instance i : topology.instances()) {
      byService.computeIfAbsent(i.service(), s -> new ArrayList<>()).add(i);
    }
    Map<String, Snapshot> out = new LinkedHashMap<>();
    for (Topology.Instance i : topology.instances()) {
      out.put(nodeId(mesh, i), snapshot(mesh, i, byService, mtls));
    }
    return out;
  }

  static Snapshot snapshot(String mesh, Topology.Instance self,
      Map<String, List<Topology.Instance>> byService, Mtls mtls) {
    List<Listener> listeners = new ArrayList<>();
    List<Cluster> clusters = new ArrayList<>();
    List<RouteConfiguration> routes = new ArrayList<>();
    List<ClusterLoadAssignment> endpoints = new ArrayList<>();
    List<Secret> secrets = new ArrayList<>();

    String local = "localhost:" + Topology.SERVICE_PORT;
    listeners.add(inbound(mesh, self, local, mtls));
    clusters.add(Cluster.newBuilder().setName(local).setType(Cluster.DiscoveryType.STATIC)
        .setLoadAssignment(loadAssignment(local, List.of("127.0.0.1:" + Topology.SERVICE_PORT)))
        .build());
    for (Topology.Outbound o : self.outbounds()) {
      String routeName = "outbound:" + o.service();
      listeners.add(Listener.newBuilder()
          .setName("outbound:127.0.0.1:" + o.port())
          .setAddress(address("127.0.0.1", o.port()))
          .addFilterChains(FilterChain.newBuilder().addFilters(hcm("outbound_" + o.service(),
              HttpConnectionManager.newBuilder().setRds(Rds.newBuilder()
                  .setRouteConfigName(routeName).setConfigSource(ads())))))
          .build());
      routes.add(route(routeName, o.service()));
      Cluster.Builder cluster = Cluster.newBuilder().setName(o.service())
          .setType(Cluster.DiscoveryType.EDS)
          .setEdsClusterConfig(Cluster.EdsClusterConfig.newBuilder().setEdsConfig(ads()))
          .setConnectTimeout(com.google.protobuf.Duration.newBuilder().setSeconds(5));
      if (mtls != Mtls.OFF) {
        cluster.setTransportSocket(tls(UpstreamTlsContext.newBuilder()
            .setSni(o.service() + "{mesh=" + mesh + "}")
            .setCommonTlsContext(commonTls(mesh, "spiffe://" + mesh + "/" + o.service()))
            .build()));
      }
      clusters.add(cluster.build());
      List<String> eps = byService.getOrDefault(o.service(), List.of()).stream()
          .map(Topology.Instance::endpoint).toList();
      endpoints.add(loadAssignment(o.service(), eps));
    }
    if (mtls != Mtls.OFF) {
      secrets.add(Secret.newBuilder().setName("identity_cert:secret:" + mesh)
          .setTlsCertificate(TlsCertificate.newBuilder()
              .setCertificateChain(inline("synthetic certificate of " + self.name()))
              .setPrivateKey(inline("synthetic key of " + self.name())))
          .build());
      secrets.add(Secret.newBuilder().setName("mesh_ca:secret:" + mesh)
          .setValidationContext(CertificateValidationContext.newBuilder()
              .setTrustedCa(inline("synthetic CA of mesh " + mesh)))
          .build());
    }
    return Snapshots.of(clusters, endpoints, listeners, routes, secrets);
  }

  private static Listener inbound(String mesh, Topology.Instance self, String localCluster,
      Mtls mtls) {
    Filter http = hcm("localhost_" + Topology.SERVICE_PORT, HttpConnectionManager.newBuilder()
        .setRouteConfig(route("inbound:" + self.service(), localCluster)));
    Listener.Builder l = Listener.newBuilder()
        .setName("inbound:" + self.address() + ":" + self.port())
        .setAddress(address(self.address(), self.port()));
    if (mtls == Mtls.OFF) {
      return l.addFilterChains(FilterChain.newBuilder().addFilters(http)).build();
    }
    TransportSocket serverTls = tls(DownstreamTlsContext.newBuilder()
        .setRequireClientCertificate(BoolValue.of(true))
        .setCommonTlsContext(commonTls(mesh, null))
        .build());
    FilterChain.Builder tlsChain = FilterChain.newBuilder().addFilters(http)
        .setTransportSocket(serverTls);
    if (mtls == Mtls.STRICT) {
      return l.addFilterChains(tlsChain).build();
    }
    return l.addListenerFilters(ListenerFilter.newBuilder()
            .setName("envoy.filters.listener.tls_inspector")
            .setTypedConfig(Any.pack(TlsInspector.getDefaultInstance())))
        .addFilterChains(tlsChain.setFilterChainMatch(FilterChainMatch.newBuilder()
            .setTransportProtocol("tls").addApplicationProtocols("kuma")))
        .addFilterChains(FilterChain.newBuilder().addFilters(http)
            .setFilterChainMatch(FilterChainMatch.newBuilder().setTransportProtocol("raw_buffer")))
        .build();
  }

  private static Filter hcm(String statPrefix, HttpConnectionManager.Builder hcm) {
    hcm.setStatPrefix(statPrefix).addHttpFilters(HttpFilter.newBuilder()
        .setName("envoy.filters.http.router").setTypedConfig(Any.pack(Router.getDefaultInstance())));
    return Filter.newBuilder().setName("envoy.filters.network.http_connection_manager")
        .setTypedConfig(Any.pack(hcm.build())).build();
  }

  private static RouteConfiguration route(String name, String cluster) {
    return RouteConfiguration.newBuilder().setName(name)
        .addVirtualHosts(VirtualHost.newBuilder().setName(cluster).addDomains("*")
            .addRoutes(Route.newBuilder().setMatch(RouteMatch.newBuilder().setPrefix("/"))
                .setRoute(RouteAction.newBuilder().setCluster(cluster))))
        .build();
  }

  private static CommonTlsContext commonTls(String mesh, String exactSan) {
    CertificateValidationContext.Builder validation = CertificateValidationContext.newBuilder();
    StringMatcher matcher = exactSan == null
        ? StringMatcher.newBuilder().setPrefix("spiffe://" + mesh + "/").build()
        : StringMatcher.newBuilder().setExact(exactSan).build();
    validation.addMatchTypedSubjectAltNames(SubjectAltNameMatcher.newBuilder()
        .setSanType(SubjectAltNameMatcher.SanType.URI).setMatcher(matcher));
    return CommonTlsContext.newBuilder()
        .addAlpnProtocols("kuma")
        .addTlsCertificateSdsSecretConfigs(sds("identity_cert:secret:" + mesh))
        .setCombinedValidationContext(CommonTlsContext.CombinedCertificateValidationContext
            .newBuilder()
            .setDefaultValidationContext(validation)
            .setValidationContextSdsSecretConfig(sds("mesh_ca:secret:" + mesh)))
        .build();
  }

  private static SdsSecretConfig sds(String name) {
    return SdsSecretConfig.newBuilder().setName(name).setSdsConfig(ads()).build();
  }

  private static TransportSocket tls(com.google.protobuf.Message context) {
    return TransportSocket.newBuilder().setName("envoy.transport_sockets.tls")
        .setTypedConfig(Any.pack(context)).build();
  }

  private static DataSource inline(String text) {
    return DataSource.newBuilder().setInlineString(text).build();
  }

  static ClusterLoadAssignment loadAssignment(String name, List<String> hostPorts) {
    LocalityLbEndpoints.Builder locality = LocalityLbEndpoints.newBuilder()
        .setLoadBalancingWeight(UInt32Value.of(1));
    for (String hp : hostPorts) {
      int colon = hp.lastIndexOf(':');
      locality.addLbEndpoints(LbEndpoint.newBuilder().setEndpoint(Endpoint.newBuilder()
          .setAddress(address(hp.substring(0, colon), Integer.parseInt(hp.substring(colon + 1))))));
    }
    return ClusterLoadAssignment.newBuilder().setClusterName(name).addEndpoints(locality).build();
  }

  private static Address address(String ip, int port) {
    return Address.newBuilder().setSocketAddress(SocketAddress.newBuilder()
        .setAddress(ip).setPortValue(port)).build();
  }

  static ConfigSource ads() {
    return ConfigSource.newBuilder().setAds(AggregatedConfigSource.getDefaultInstance())
        .setResourceApiVersion(ApiVersion.V3).build();
  }
}
