package org.kumaj.dpsim;

import com.google.protobuf.Struct;
import io.envoyproxy.envoy.config.core.v3.BuildVersion;
import io.envoyproxy.envoy.config.core.v3.Node;
import io.envoyproxy.envoy.type.v3.SemanticVersion;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How one simulated proxy identifies itself and behaves on its ADS stream. Immutable; build with
 * {@link #builder(String)} or {@link #fromBootstrap(BootstrapResult)}.
 */
public final class ProxyOptions {
  /** The Envoy version the simulated proxies claim (Kuma 2.14.3 ships Envoy 1.38.2). */
  public static final String ENVOY_VERSION = "1.38.2";

  private final String nodeId;
  private final String nodeCluster;
  private final Struct metadata;
  private final Map<String, String> initialMetadata;
  private final AdsMode mode;
  private final NackPolicy nackPolicy;
  private final Set<String> staticClusters;
  private final boolean nodeOnEveryRequest;
  private final boolean retainPayloads;
  private final int historyLimit;

  private ProxyOptions(Builder b) {
    this.nodeId = b.nodeId;
    this.nodeCluster = b.nodeCluster;
    this.metadata = b.metadata;
    this.initialMetadata = Map.copyOf(b.initialMetadata);
    this.mode = b.mode;
    this.nackPolicy = b.nackPolicy;
    this.staticClusters = Set.copyOf(b.staticClusters);
    this.nodeOnEveryRequest = b.nodeOnEveryRequest;
    this.retainPayloads = b.retainPayloads;
    this.historyLimit = b.historyLimit;
  }

  /** Options for a proxy with this node id ({@code <mesh>.<name>} for Kuma). */
  public static Builder builder(String nodeId) {
    return new Builder(nodeId);
  }

  /**
   * Options taken from a Kuma bootstrap: node id, cluster and metadata, the ADS initial metadata
   * (the token), SotW or delta from {@code adsConfig.apiType}, whether the node goes on every
   * request ({@code setNodeOnFirstMessageOnly}) and the static clusters.
   */
  public static Builder fromBootstrap(BootstrapResult bootstrap) {
    return new Builder(bootstrap.nodeId())
        .nodeCluster(bootstrap.nodeCluster())
        .metadata(bootstrap.nodeMetadata())
        .initialMetadata(bootstrap.initialMetadata())
        .mode(bootstrap.adsMode())
        .nodeOnEveryRequest(!bootstrap.setNodeOnFirstMessageOnly())
        .staticClusters(Set.copyOf(bootstrap.staticClusters()));
  }

  /** The node id. */
  public String nodeId() {
    return nodeId;
  }

  /** SotW or delta. */
  public AdsMode mode() {
    return mode;
  }

  /** gRPC metadata sent when the stream opens, e.g. {@code authorization}. */
  public Map<String, String> initialMetadata() {
    return initialMetadata;
  }

  /** The NACK policy. */
  public NackPolicy nackPolicy() {
    return nackPolicy;
  }

  /** Clusters defined statically in the bootstrap. */
  public Set<String> staticClusters() {
    return staticClusters;
  }

  /** Whether every request carries the node (otherwise only the first one, as Kuma's bootstrap asks). */
  public boolean nodeOnEveryRequest() {
    return nodeOnEveryRequest;
  }

  /** Whether accepted resources keep their bytes (needed to parse them or replay them). */
  public boolean retainPayloads() {
    return retainPayloads;
  }

  /** How many {@link ResponseEvent}s the proxy keeps (the oldest are dropped). */
  public int historyLimit() {
    return historyLimit;
  }

  /** The Envoy node the proxy sends: id, cluster, metadata and Envoy's user agent. */
  public Node node() {
    return Node.newBuilder()
        .setId(nodeId)
        .setCluster(nodeCluster)
        .setMetadata(metadata)
        .setUserAgentName("envoy")
        .setUserAgentBuildVersion(BuildVersion.newBuilder()
            .setVersion(SemanticVersion.newBuilder().setMajorNumber(1).setMinorNumber(38).setPatch(2)))
        .addClientFeatures("envoy.lb.does_not_support_overprovisioning")
        .addClientFeatures("envoy.lrs.supports_send_all_clusters")
        .build();
  }

  /** A copy of these options to change some of them. */
  public Builder toBuilder() {
    return new Builder(nodeId).nodeCluster(nodeCluster).metadata(metadata)
        .initialMetadata(initialMetadata).mode(mode).nackPolicy(nackPolicy)
        .staticClusters(staticClusters).nodeOnEveryRequest(nodeOnEveryRequest)
        .retainPayloads(retainPayloads).historyLimit(historyLimit);
  }

  /** Builder of {@link ProxyOptions}; not thread-safe. */
  public static final class Builder {
    private final String nodeId;
    private String nodeCluster = "";
    private Struct metadata = Struct.getDefaultInstance();
    private final Map<String, String> initialMetadata = new LinkedHashMap<>();
    private AdsMode mode = AdsMode.SOTW;
    private NackPolicy nackPolicy = NackPolicy.never();
    private Set<String> staticClusters = Set.of();
    private boolean nodeOnEveryRequest;
    private boolean retainPayloads = true;
    private int historyLimit = 64;

    private Builder(String nodeId) {
      this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
    }

    /** {@code node.cluster} (Kuma: the service name). */
    public Builder nodeCluster(String cluster) {
      this.nodeCluster = Objects.requireNonNull(cluster);
      return this;
    }

    /** {@code node.metadata}. */
    public Builder metadata(Struct metadata) {
      this.metadata = Objects.requireNonNull(metadata);
      return this;
    }

    /** Adds gRPC metadata sent when the stream opens. */
    public Builder initialMetadata(Map<String, String> headers) {
      this.initialMetadata.putAll(headers);
      return this;
    }

    /** The dataplane token, sent as gRPC metadata {@code authorization}; {@code null} removes it. */
    public Builder token(String token) {
      if (token == null) {
        initialMetadata.remove("authorization");
      } else {
        initialMetadata.put("authorization", token);
      }
      return this;
    }

    /** SotW (default) or delta. */
    public Builder mode(AdsMode mode) {
      this.mode = Objects.requireNonNull(mode);
      return this;
    }

    /** When to NACK (default: never). */
    public Builder nackPolicy(NackPolicy policy) {
      this.nackPolicy = Objects.requireNonNull(policy);
      return this;
    }

    /** Clusters defined statically in the bootstrap. */
    public Builder staticClusters(Set<String> names) {
      this.staticClusters = Set.copyOf(names);
      return this;
    }

    /**
     * Send the node on every request (Envoy with {@code setNodeOnFirstMessageOnly: false}); needed
     * by servers that read the node from each request, like a bare java-control-plane SimpleCache.
     */
    public Builder nodeOnEveryRequest(boolean every) {
      this.nodeOnEveryRequest = every;
      return this;
    }

    /** Keep the bytes of accepted resources (default true). */
    public Builder retainPayloads(boolean retain) {
      this.retainPayloads = retain;
      return this;
    }

    /** How many response events to keep (default 64). */
    public Builder historyLimit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("historyLimit must be positive");
      }
      this.historyLimit = limit;
      return this;
    }

    /** The options. */
    public ProxyOptions build() {
      return new ProxyOptions(this);
    }
  }
}
