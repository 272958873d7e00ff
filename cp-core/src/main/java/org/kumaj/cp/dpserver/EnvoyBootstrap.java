package org.kumaj.cp.dpserver;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.UInt32Value;
import com.google.protobuf.Value;
import io.envoyproxy.envoy.config.bootstrap.v3.Admin;
import io.envoyproxy.envoy.config.bootstrap.v3.Bootstrap;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.AggregatedConfigSource;
import io.envoyproxy.envoy.config.core.v3.ApiConfigSource;
import io.envoyproxy.envoy.config.core.v3.ApiVersion;
import io.envoyproxy.envoy.config.core.v3.ConfigSource;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.config.core.v3.GrpcService;
import io.envoyproxy.envoy.config.core.v3.HeaderValue;
import io.envoyproxy.envoy.config.core.v3.Http2ProtocolOptions;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.config.core.v3.Pipe;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.core.v3.TcpKeepalive;
import io.envoyproxy.envoy.config.core.v3.TransportSocket;
import io.envoyproxy.envoy.config.cluster.v3.UpstreamConnectionOptions;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import io.envoyproxy.envoy.config.metrics.v3.StatsConfig;
import io.envoyproxy.envoy.config.metrics.v3.TagSpecifier;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CertificateValidationContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SdsSecretConfig;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SubjectAltNameMatcher;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.TlsParameters;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Builds the Envoy bootstrap Kuma gives a data plane proxy ({@code template_v3.go}): node id
 * {@code <mesh>.<name>} with Kuma's metadata keys, ADS over {@code ads_cluster} (TLS to the control
 * plane, verified with the CA kuma-dp sent or the control plane's certificate, the dataplane token as
 * gRPC {@code authorization} metadata), CDS/LDS over ADS, the access-log sink pipe, the admin
 * address and Kuma's stats tags. Stateless.
 */
final class EnvoyBootstrap {
  static final String ADS_CLUSTER = "ads_cluster";
  static final String ACCESS_LOG_SINK = "access_log_sink";
  static final String CP_VALIDATION_CTX = "cp_validation_ctx";

  private EnvoyBootstrap() {}

  /**
   * Parameters of one bootstrap.
   *
   * @param nodeId {@code <mesh>.<name>}
   * @param cluster the node cluster (the proxy's service)
   * @param metadata the node metadata (Kuma's keys)
   * @param xdsHost the host the proxy dials for ADS
   * @param xdsPort the port it dials
   * @param xdsConnectTimeout connect timeout of {@code ads_cluster}
   * @param token the dataplane token (may be empty)
   * @param trustedCaPem the CA that verifies the control plane (PEM)
   * @param adminAddress Envoy admin address
   * @param adminPort Envoy admin port
   * @param accessLogSocket the access-log sink pipe path
   * @param delta whether the proxy asked for delta xDS
   */
  record Params(String nodeId, String cluster, Struct metadata, String xdsHost, int xdsPort,
      java.time.Duration xdsConnectTimeout, String token, String trustedCaPem, String adminAddress, int adminPort,
      String accessLogSocket, boolean delta) {}

  static Bootstrap build(Params p) {
    GrpcService.Builder ads = GrpcService.newBuilder()
        .setEnvoyGrpc(GrpcService.EnvoyGrpc.newBuilder().setClusterName(ADS_CLUSTER));
    if (!p.token().isEmpty()) {
      ads.addInitialMetadata(HeaderValue.newBuilder().setKey("authorization").setValue(p.token()));
    }
    ApiConfigSource adsConfig = ApiConfigSource.newBuilder()
        .setApiType(p.delta() ? ApiConfigSource.ApiType.DELTA_GRPC : ApiConfigSource.ApiType.GRPC)
        .setTransportApiVersion(ApiVersion.V3)
        .addGrpcServices(ads)
        .setSetNodeOnFirstMessageOnly(true)
        .build();
    ConfigSource viaAds = ConfigSource.newBuilder()
        .setAds(AggregatedConfigSource.getDefaultInstance())
        .setInitialFetchTimeout(Duration.getDefaultInstance())
        .setResourceApiVersion(ApiVersion.V3)
        .build();
    Bootstrap.Builder b = Bootstrap.newBuilder()
        .setNode(Node.newBuilder().setId(p.nodeId()).setCluster(p.cluster()).setMetadata(p.metadata()))
        .setDynamicResources(Bootstrap.DynamicResources.newBuilder()
            .setAdsConfig(adsConfig).setCdsConfig(viaAds).setLdsConfig(viaAds))
        .setStaticResources(Bootstrap.StaticResources.newBuilder()
            .addClusters(accessLogSink(p.accessLogSocket()))
            .addClusters(adsCluster(p))
            .addSecrets(cpValidation(p)))
        .setStatsConfig(statsConfig());
    if (p.adminPort() > 0) {
      b.setAdmin(Admin.newBuilder().setAddress(Address.newBuilder().setSocketAddress(
          SocketAddress.newBuilder().setAddress(p.adminAddress()).setPortValue(p.adminPort()))));
    }
    return b.build();
  }

  private static Cluster accessLogSink(String path) {
    return Cluster.newBuilder()
        .setName(ACCESS_LOG_SINK)
        .setConnectTimeout(seconds(1))
        .setType(Cluster.DiscoveryType.STATIC)
        .setLoadAssignment(loadAssignment(ACCESS_LOG_SINK,
            Address.newBuilder().setPipe(Pipe.newBuilder().setPath(path)).build()))
        .putTypedExtensionProtocolOptions("envoy.extensions.upstreams.http.v3.HttpProtocolOptions", http2())
        .setUpstreamConnectionOptions(keepalive())
        .build();
  }

  private static Cluster adsCluster(Params p) {
    UpstreamTlsContext tls = UpstreamTlsContext.newBuilder()
        .setSni(p.xdsHost())
        .setCommonTlsContext(CommonTlsContext.newBuilder()
            .setTlsParams(TlsParameters.newBuilder().setTlsMinimumProtocolVersion(TlsParameters.TlsProtocol.TLSv1_2))
            .setValidationContextSdsSecretConfig(SdsSecretConfig.newBuilder().setName(CP_VALIDATION_CTX)))
        .build();
    return Cluster.newBuilder()
        .setName(ADS_CLUSTER)
        .setConnectTimeout(com.google.protobuf.util.Durations.fromMillis(p.xdsConnectTimeout().toMillis()))
        .setType(Cluster.DiscoveryType.STRICT_DNS)
        .setLoadAssignment(loadAssignment(ADS_CLUSTER, Address.newBuilder().setSocketAddress(
            SocketAddress.newBuilder().setAddress(p.xdsHost()).setPortValue(p.xdsPort())).build()))
        .setTransportSocket(TransportSocket.newBuilder().setName("envoy.transport_sockets.tls")
            .setTypedConfig(Any.pack(tls)))
        .putTypedExtensionProtocolOptions("envoy.extensions.upstreams.http.v3.HttpProtocolOptions", http2())
        .setUpstreamConnectionOptions(keepalive())
        .build();
  }

  private static ClusterLoadAssignment loadAssignment(String cluster, Address address) {
    return ClusterLoadAssignment.newBuilder().setClusterName(cluster)
        .addEndpoints(LocalityLbEndpoints.newBuilder().addLbEndpoints(LbEndpoint.newBuilder().setEndpoint(
            io.envoyproxy.envoy.config.endpoint.v3.Endpoint.newBuilder().setAddress(address))))
        .build();
  }

  private static Secret cpValidation(Params p) {
    CertificateValidationContext.Builder ctx = CertificateValidationContext.newBuilder()
        .setTrustedCa(DataSource.newBuilder().setInlineBytes(ByteString.copyFrom(p.trustedCaPem(), StandardCharsets.UTF_8)));
    for (SubjectAltNameMatcher.SanType type : new SubjectAltNameMatcher.SanType[] {
        SubjectAltNameMatcher.SanType.DNS, SubjectAltNameMatcher.SanType.IP_ADDRESS}) {
      ctx.addMatchTypedSubjectAltNames(SubjectAltNameMatcher.newBuilder().setSanType(type)
          .setMatcher(StringMatcher.newBuilder().setExact(p.xdsHost())));
    }
    return Secret.newBuilder().setName(CP_VALIDATION_CTX).setValidationContext(ctx).build();
  }

  private static Any http2() {
    return Any.pack(HttpProtocolOptions.newBuilder()
        .setExplicitHttpConfig(HttpProtocolOptions.ExplicitHttpConfig.newBuilder()
            .setHttp2ProtocolOptions(Http2ProtocolOptions.getDefaultInstance()))
        .build());
  }

  private static UpstreamConnectionOptions keepalive() {
    return UpstreamConnectionOptions.newBuilder().setTcpKeepalive(TcpKeepalive.newBuilder()
        .setKeepaliveProbes(UInt32Value.of(3)).setKeepaliveTime(UInt32Value.of(10))
        .setKeepaliveInterval(UInt32Value.of(10))).build();
  }

  private static StatsConfig statsConfig() {
    StatsConfig.Builder s = StatsConfig.newBuilder();
    for (Map.Entry<String, String> tag : Map.of(
        "name", "^grpc\\.((.+)\\.)",
        "status", "^grpc.*streams_closed(_([0-9]+))",
        "kafka_name", "^kafka(\\.(\\S*[0-9]))\\.",
        "kafka_type", "^kafka\\..*\\.(.*?(?=_duration|$))",
        "worker", "(worker_([0-9]+)\\.)",
        "listener", "((.+?)\\.)rbac\\.").entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
      s.addStatsTags(TagSpecifier.newBuilder().setTagName(tag.getKey()).setRegex(tag.getValue()));
    }
    return s.build();
  }

  private static Duration seconds(long s) {
    return Duration.newBuilder().setSeconds(s).build();
  }

  /** A Struct value from a Java string list. */
  static Value list(java.util.List<String> items) {
    ListValue.Builder l = ListValue.newBuilder();
    items.forEach(i -> l.addValues(Value.newBuilder().setStringValue(i)));
    return Value.newBuilder().setListValue(l).build();
  }
}
