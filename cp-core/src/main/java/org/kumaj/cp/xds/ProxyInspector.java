package org.kumaj.cp.xds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.controlplane.cache.SnapshotResources;
import io.envoyproxy.controlplane.cache.v3.SimpleCache;
import io.envoyproxy.controlplane.cache.v3.Snapshot;
import io.envoyproxy.envoy.admin.v3.BootstrapConfigDump;
import io.envoyproxy.envoy.admin.v3.ClustersConfigDump;
import io.envoyproxy.envoy.admin.v3.ConfigDump;
import io.envoyproxy.envoy.admin.v3.EndpointsConfigDump;
import io.envoyproxy.envoy.admin.v3.ListenersConfigDump;
import io.envoyproxy.envoy.admin.v3.RoutesConfigDump;
import io.envoyproxy.envoy.admin.v3.ScopedRoutesConfigDump;
import io.envoyproxy.envoy.admin.v3.SecretsConfigDump;
import io.envoyproxy.envoy.config.bootstrap.v3.Bootstrap;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.filters.http.grpc_stats.v3.FilterConfig;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.rbac.v3.RBAC;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.extensions.regex_engines.v3.GoogleRE2;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.TlsCertificate;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.kumaj.cp.xds.generator.ProxyGenerator;
import org.kumaj.model.Resource;
import org.kumaj.model.codec.Json;
import org.kumaj.model.mesh.CertificateAuthorityBackend;
import org.kumaj.model.mesh.Mesh;

/**
 * What the inspect endpoints show of a proxy's xDS configuration:
 *
 * <ul>
 *   <li>{@link #configDump}: the snapshot this control plane last pushed to a connected proxy, as an
 *       Envoy {@code /config_dump} ({@code envoy.admin.v3.ConfigDump}, proto field names): a minimal
 *       bootstrap (the node id), then clusters, endpoints (only when asked for, as Envoy's
 *       {@code include_eds}), listeners, scoped routes, routes and secrets, each resource dumped as
 *       dynamic with its type's version. Private keys are redacted as Envoy redacts its sensitive
 *       fields ({@code [redacted]}). Kuma asks the proxy's Envoy admin for this; we are the source of
 *       the configuration, so we answer from it. {@code last_updated} is not reported (we do not
 *       know when Envoy applied it).
 *   <li>{@link #generatedConfig}: Kuma's {@code _config} ({@code inspect.ProxyConfigInspector}): the
 *       configuration generated now from the store, by type URL and resource name (protojson field
 *       names), with Kuma's placeholder secrets ({@code CERT}, {@code KEY}, {@code CA}).
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
@Singleton
@Requires(property = "kumaj.listeners.dp-server.port")
public final class ProxyInspector {
  /** Every message type that appears in an {@code Any} of our dumps. */
  private static final JsonFormat.TypeRegistry TYPES = JsonFormat.TypeRegistry.newBuilder()
      .add(List.of(BootstrapConfigDump.getDescriptor(), ClustersConfigDump.getDescriptor(),
          EndpointsConfigDump.getDescriptor(), ListenersConfigDump.getDescriptor(),
          ScopedRoutesConfigDump.getDescriptor(), RoutesConfigDump.getDescriptor(),
          SecretsConfigDump.getDescriptor(), Cluster.getDescriptor(), ClusterLoadAssignment.getDescriptor(),
          Listener.getDescriptor(), RouteConfiguration.getDescriptor(), Secret.getDescriptor(),
          HttpConnectionManager.getDescriptor(), TcpProxy.getDescriptor(), Router.getDescriptor(),
          RBAC.getDescriptor(), TlsInspector.getDescriptor(), FilterConfig.getDescriptor(),
          UpstreamTlsContext.getDescriptor(), DownstreamTlsContext.getDescriptor(),
          HttpProtocolOptions.getDescriptor(), GoogleRE2.getDescriptor()))
      .build();
  /** Envoy's admin prints proto field names. */
  private static final JsonFormat.Printer DUMP = JsonFormat.printer().usingTypeRegistry(TYPES)
      .preservingProtoFieldNames();
  /** Kuma's {@code util_proto.ToJSON}: protojson (lowerCamelCase) names. */
  private static final JsonFormat.Printer PROTOJSON = JsonFormat.printer().usingTypeRegistry(TYPES);
  /** What Envoy puts in place of a sensitive field's value. */
  private static final ByteString REDACTED = ByteString.copyFrom("[redacted]", StandardCharsets.UTF_8);
  /** Kuma's {@code dummySecrets} of {@code _config}. */
  private static final String DUMMY_CERT = "CERT";
  private static final String DUMMY_KEY = "KEY";
  private static final String DUMMY_CA = "CA";

  private final SimpleCache<String> cache;
  private final ConnectedProxies proxies;
  private final MeshViews views;
  private final ProxyGenerator generator;

  ProxyInspector(SimpleCache<String> cache, ConnectedProxies proxies, MeshViews views, ProxyGenerator generator) {
    this.cache = cache;
    this.proxies = proxies;
    this.views = views;
    this.generator = generator;
  }

  /**
   * The configuration last pushed to proxy {@code id} as Envoy's config dump JSON, or empty when
   * the proxy is not connected to this instance or has not been sent a configuration yet.
   *
   * @param includeEds whether to include the load assignments ({@code EndpointsConfigDump})
   */
  public Optional<String> configDump(ProxyId id, boolean includeEds) {
    if (!proxies.isConnected(id)) {
      return Optional.empty();
    }
    Snapshot snapshot = cache.getSnapshot(id.toString());
    if (snapshot == null) {
      return Optional.empty();
    }
    return Optional.of(print(DUMP, configDump(id, snapshot, includeEds)));
  }

  /** The {@link ConfigDump} of {@code snapshot}, in Envoy's order of sections. */
  static ConfigDump configDump(ProxyId id, Snapshot snapshot, boolean includeEds) {
    ConfigDump.Builder dump = ConfigDump.newBuilder();
    dump.addConfigs(Any.pack(BootstrapConfigDump.newBuilder()
        .setBootstrap(Bootstrap.newBuilder().setNode(Node.newBuilder().setId(id.toString()))).build()));

    ClustersConfigDump.Builder clusters = ClustersConfigDump.newBuilder().setVersionInfo(snapshot.clusters().version());
    sorted(snapshot.clusters()).values().forEach(c -> clusters.addDynamicActiveClusters(
        ClustersConfigDump.DynamicCluster.newBuilder().setVersionInfo(snapshot.clusters().version()).setCluster(Any.pack(c))));
    dump.addConfigs(Any.pack(clusters.build()));

    if (includeEds) {
      EndpointsConfigDump.Builder endpoints = EndpointsConfigDump.newBuilder();
      sorted(snapshot.endpoints()).values().forEach(e -> endpoints.addDynamicEndpointConfigs(
          EndpointsConfigDump.DynamicEndpointConfig.newBuilder().setVersionInfo(snapshot.endpoints().version())
              .setEndpointConfig(Any.pack(e))));
      dump.addConfigs(Any.pack(endpoints.build()));
    }

    ListenersConfigDump.Builder listeners = ListenersConfigDump.newBuilder()
        .setVersionInfo(snapshot.listeners().version());
    sorted(snapshot.listeners()).forEach((name, l) -> listeners.addDynamicListeners(
        ListenersConfigDump.DynamicListener.newBuilder().setName(name).setActiveState(
            ListenersConfigDump.DynamicListenerState.newBuilder().setVersionInfo(snapshot.listeners().version())
                .setListener(Any.pack(l)))));
    dump.addConfigs(Any.pack(listeners.build()));

    dump.addConfigs(Any.pack(ScopedRoutesConfigDump.getDefaultInstance()));

    RoutesConfigDump.Builder routes = RoutesConfigDump.newBuilder();
    sorted(snapshot.routes()).values().forEach(r -> routes.addDynamicRouteConfigs(
        RoutesConfigDump.DynamicRouteConfig.newBuilder().setVersionInfo(snapshot.routes().version())
            .setRouteConfig(Any.pack(r))));
    dump.addConfigs(Any.pack(routes.build()));

    SecretsConfigDump.Builder secrets = SecretsConfigDump.newBuilder();
    sorted(snapshot.secrets()).forEach((name, s) -> secrets.addDynamicActiveSecrets(
        SecretsConfigDump.DynamicSecret.newBuilder().setName(name).setVersionInfo(snapshot.secrets().version())
            .setSecret(Any.pack(redact(s)))));
    dump.addConfigs(Any.pack(secrets.build()));
    return dump.build();
  }

  /**
   * Envoy's redaction of sensitive fields in dumps: the private key (and a key password) of a TLS
   * certificate keep their shape but lose their value.
   */
  static Secret redact(Secret secret) {
    if (!secret.hasTlsCertificate()) {
      return secret;
    }
    TlsCertificate.Builder tls = secret.getTlsCertificate().toBuilder();
    if (tls.hasPrivateKey()) {
      tls.setPrivateKey(redact(tls.getPrivateKey()));
    }
    if (tls.hasPassword()) {
      tls.setPassword(redact(tls.getPassword()));
    }
    return secret.toBuilder().setTlsCertificate(tls).build();
  }

  private static DataSource redact(DataSource source) {
    return switch (source.getSpecifierCase()) {
      case INLINE_BYTES -> source.toBuilder().setInlineBytes(REDACTED).build();
      case INLINE_STRING -> source.toBuilder().setInlineString("[redacted]").build();
      case ENVIRONMENT_VARIABLE -> source.toBuilder().setEnvironmentVariable("[redacted]").build();
      case FILENAME -> source.toBuilder().setFilename("[redacted]").build();
      default -> source;
    };
  }

  private static <T extends Message> Map<String, T> sorted(SnapshotResources<T> resources) {
    return new TreeMap<>(resources.resources());
  }

  /**
   * Kuma's {@code _config}: the configuration generated now for Dataplane {@code name} of
   * {@code mesh}, as {@code {<type URL>: {<resource name>: <resource>}}} with keys sorted, or empty
   * when the mesh or the Dataplane does not exist. The proxy's node metadata is the one it connected
   * with, or none when it is not connected. An mTLS mesh gets Kuma's placeholder secrets.
   */
  public Optional<ObjectNode> generatedConfig(String mesh, String name) {
    Optional<MeshView> view = views.build(mesh);
    if (view.isEmpty()) {
      return Optional.empty();
    }
    Optional<Resource> dataplane = view.get().dataplane(name);
    if (dataplane.isEmpty()) {
      return Optional.empty();
    }
    ProxyId id = new ProxyId(mesh, name);
    ProxyMetadata metadata = proxies.connection(id).map(ConnectedProxies.Connection::metadata).orElse(ProxyMetadata.EMPTY);
    Optional<IdentityMaterial> identity = Optional.empty();
    Mesh spec = view.get().meshSpec();
    if (spec != null && spec.mtlsEnabled()) {
      CertificateAuthorityBackend backend = spec.enabledCertificateAuthorityBackend();
      identity = Optional.of(new IdentityMaterial(DUMMY_CERT, DUMMY_KEY, List.of(DUMMY_CA),
          backend == null ? "" : backend.name(), Instant.ofEpochSecond(2, 2)));
    }
    XdsResources resources = generator.generate(new ProxyContext(id, dataplane.get(), view.get(), metadata, identity));
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    put(out, Resources.V3.CLUSTER_TYPE_URL, resources.clusters(), Cluster::getName);
    put(out, Resources.V3.ENDPOINT_TYPE_URL, resources.endpoints(), ClusterLoadAssignment::getClusterName);
    put(out, Resources.V3.LISTENER_TYPE_URL, resources.listeners(), Listener::getName);
    put(out, Resources.V3.ROUTE_TYPE_URL, resources.routes(), RouteConfiguration::getName);
    put(out, Resources.V3.SECRET_TYPE_URL, resources.secrets(), Secret::getName);
    return Optional.of(out);
  }

  private static <T extends Message> void put(ObjectNode out, String typeUrl, List<T> items,
      java.util.function.Function<T, String> name) {
    if (items.isEmpty()) {
      return;
    }
    Map<String, T> byName = new TreeMap<>();
    items.forEach(i -> byName.put(name.apply(i), i));
    ObjectNode type = out.putObject(typeUrl);
    byName.forEach((n, item) -> {
      try {
        type.set(n, Json.mapper().readTree(print(PROTOJSON, item)));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot render " + n, e);
      }
    });
  }

  private static String print(JsonFormat.Printer printer, MessageOrBuilder message) {
    try {
      return printer.print(message);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("cannot render " + message.getClass().getSimpleName(), e);
    }
  }
}
