package org.kumaj.dpsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a simulated kuma-dp takes from the control plane's bootstrap answer: the Envoy node (id,
 * cluster, metadata), the ADS settings ({@code adsConfig}: API type, initial metadata with the
 * token, node-on-first-message) and the {@code ads_cluster} address and TLS SNI, plus Kuma's
 * {@code kumaSidecarConfiguration}. Parsed from Kuma's JSON answer
 * ({@code {"bootstrap": <base64 YAML>, "kumaSidecarConfiguration": {...}}}) or a plain YAML
 * answer. Immutable.
 */
public final class BootstrapResult {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  private final String bootstrapYaml;
  private final JsonNode bootstrap;
  private final JsonNode kumaSidecarConfiguration;
  private final String nodeId;
  private final String nodeCluster;
  private final Struct nodeMetadata;
  private final String apiType;
  private final boolean setNodeOnFirstMessageOnly;
  private final Map<String, String> initialMetadata;
  private final String adsClusterName;
  private final String adsHost;
  private final int adsPort;
  private final boolean adsTls;
  private final String adsSni;
  private final List<String> staticClusters;

  private BootstrapResult(String yaml, JsonNode bootstrap, JsonNode sidecar) throws IOException {
    this.bootstrapYaml = yaml;
    this.bootstrap = bootstrap;
    this.kumaSidecarConfiguration = sidecar;
    JsonNode node = field(bootstrap, "node");
    this.nodeId = field(node, "id").asText("");
    if (nodeId.isEmpty()) {
      throw new IOException("the Envoy bootstrap has no node.id");
    }
    this.nodeCluster = field(node, "cluster").asText("");
    this.nodeMetadata = struct(field(node, "metadata"));
    JsonNode ads = field(field(bootstrap, "dynamicResources", "dynamic_resources"),
        "adsConfig", "ads_config");
    if (ads.isMissingNode()) {
      throw new IOException("the Envoy bootstrap has no dynamicResources.adsConfig");
    }
    this.apiType = field(ads, "apiType", "api_type").asText("GRPC");
    this.setNodeOnFirstMessageOnly =
        field(ads, "setNodeOnFirstMessageOnly", "set_node_on_first_message_only").asBoolean(false);
    JsonNode grpcService = field(ads, "grpcServices", "grpc_services").path(0);
    this.adsClusterName = field(field(grpcService, "envoyGrpc", "envoy_grpc"),
        "clusterName", "cluster_name").asText("");
    Map<String, String> md = new LinkedHashMap<>();
    for (JsonNode kv : field(grpcService, "initialMetadata", "initial_metadata")) {
      md.put(field(kv, "key").asText(), field(kv, "value").asText());
    }
    this.initialMetadata = Map.copyOf(md);
    List<String> names = new ArrayList<>();
    JsonNode adsCluster = MissingNode.getInstance();
    for (JsonNode c : field(field(bootstrap, "staticResources", "static_resources"), "clusters")) {
      String name = field(c, "name").asText();
      names.add(name);
      if (name.equals(adsClusterName)) {
        adsCluster = c;
      }
    }
    this.staticClusters = List.copyOf(names);
    if (adsCluster.isMissingNode()) {
      throw new IOException("the Envoy bootstrap has no static cluster '" + adsClusterName
          + "' for ADS (only envoyGrpc ADS services are supported)");
    }
    JsonNode endpoint = field(field(adsCluster, "loadAssignment", "load_assignment"), "endpoints")
        .path(0);
    endpoint = field(field(endpoint, "lbEndpoints", "lb_endpoints").path(0), "endpoint");
    JsonNode socket = field(field(endpoint, "address"), "socketAddress", "socket_address");
    this.adsHost = field(socket, "address").asText("");
    this.adsPort = field(socket, "portValue", "port_value").asInt(0);
    if (adsHost.isEmpty() || adsPort == 0) {
      throw new IOException("ADS cluster '" + adsClusterName + "' has no socket address");
    }
    JsonNode transport = field(adsCluster, "transportSocket", "transport_socket");
    this.adsTls = !transport.isMissingNode();
    String sni = field(field(transport, "typedConfig", "typed_config"), "sni").asText("");
    this.adsSni = sni.isEmpty() ? null : sni;
  }

  /**
   * Parses a bootstrap answer body: Kuma's JSON form, or the Envoy bootstrap YAML itself.
   *
   * @throws IOException if it is neither or lacks what a data plane needs
   */
  public static BootstrapResult parse(String body) throws IOException {
    String trimmed = body.stripLeading();
    if (trimmed.startsWith("{")) {
      JsonNode root = JSON.readTree(trimmed);
      JsonNode encoded = root.path("bootstrap");
      if (!encoded.isTextual()) {
        throw new IOException("the bootstrap answer has no 'bootstrap' field");
      }
      String yaml;
      try {
        yaml = new String(Base64.getDecoder().decode(encoded.asText()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new IOException("'bootstrap' is not base64: " + e.getMessage(), e);
      }
      return new BootstrapResult(yaml, YAML.readTree(yaml), root.path("kumaSidecarConfiguration"));
    }
    return new BootstrapResult(body, YAML.readTree(body), MissingNode.getInstance());
  }

  /** The Envoy bootstrap as YAML, as received. */
  public String bootstrapYaml() {
    return bootstrapYaml;
  }

  /** The Envoy bootstrap as a tree, for fields this class does not extract. */
  public JsonNode bootstrap() {
    return bootstrap;
  }

  /** Kuma's {@code kumaSidecarConfiguration} (missing node for a plain YAML answer). */
  public JsonNode kumaSidecarConfiguration() {
    return kumaSidecarConfiguration;
  }

  /** {@code node.id}, Kuma's {@code <mesh>.<name>}. */
  public String nodeId() {
    return nodeId;
  }

  /** {@code node.cluster} (the service name). */
  public String nodeCluster() {
    return nodeCluster;
  }

  /** {@code node.metadata}. */
  public Struct nodeMetadata() {
    return nodeMetadata;
  }

  /** {@code adsConfig.apiType}: {@code GRPC} or {@code DELTA_GRPC}. */
  public String apiType() {
    return apiType;
  }

  /** SotW or delta, from {@link #apiType()}. */
  public AdsMode adsMode() {
    return AdsMode.fromApiType(apiType);
  }

  /** {@code adsConfig.setNodeOnFirstMessageOnly}. */
  public boolean setNodeOnFirstMessageOnly() {
    return setNodeOnFirstMessageOnly;
  }

  /** The ADS gRPC service's {@code initialMetadata} (Kuma puts the token in {@code authorization}). */
  public Map<String, String> initialMetadata() {
    return initialMetadata;
  }

  /** The dataplane token from the ADS initial metadata. */
  public Optional<String> token() {
    return Optional.ofNullable(initialMetadata.get("authorization"));
  }

  /** The static cluster ADS goes through ({@code ads_cluster}). */
  public String adsClusterName() {
    return adsClusterName;
  }

  /** Host of the ADS cluster's endpoint. */
  public String adsHost() {
    return adsHost;
  }

  /** Port of the ADS cluster's endpoint. */
  public int adsPort() {
    return adsPort;
  }

  /** Whether the ADS cluster has a TLS transport socket. */
  public boolean adsTls() {
    return adsTls;
  }

  /** The SNI of the ADS cluster's TLS context, or null. */
  public String adsSni() {
    return adsSni;
  }

  /** Names of all static clusters. */
  public List<String> staticClusters() {
    return staticClusters;
  }

  private static JsonNode field(JsonNode node, String... names) {
    for (String n : names) {
      JsonNode v = node.get(n);
      if (v != null) {
        return v;
      }
    }
    return MissingNode.getInstance();
  }

  private static Struct struct(JsonNode node) throws IOException {
    if (node.isMissingNode() || node.isNull()) {
      return Struct.getDefaultInstance();
    }
    Struct.Builder b = Struct.newBuilder();
    try {
      JsonFormat.parser().merge(JSON.writeValueAsString(node), b);
    } catch (InvalidProtocolBufferException e) {
      throw new IOException("node.metadata is not a JSON object: " + e.getMessage(), e);
    }
    return b.build();
  }
}
