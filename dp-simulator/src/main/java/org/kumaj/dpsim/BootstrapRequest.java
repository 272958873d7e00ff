package org.kumaj.dpsim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The body of kuma-dp's {@code POST /bootstrap}: Kuma 2.14.3's {@code BootstrapRequest}
 * ({@code pkg/xds/bootstrap/types/bootstrap_request.go}) with the same keys, order, defaults and
 * omitted-when-empty fields as kuma-dp sends. Immutable; build with {@link #builder(String, String)}.
 */
public final class BootstrapRequest {
  /** The feature kuma-dp always sends. */
  public static final String FEATURE_TCP_ACCESSLOG_VIA_NAMED_PIPE =
      "feature-tcp-accesslog-via-named-pipe";
  /** The feature that makes the control plane answer with {@code apiType: DELTA_GRPC}. */
  public static final String FEATURE_DELTA_GRPC = "feature-delta-grpc";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Builder b;

  private BootstrapRequest(Builder b) {
    this.b = b.copy();
  }

  /** A request for the Dataplane {@code name} in {@code mesh}. */
  public static Builder builder(String mesh, String name) {
    return new Builder(mesh, name);
  }

  /** The mesh. */
  public String mesh() {
    return b.mesh;
  }

  /** The Dataplane name. */
  public String name() {
    return b.name;
  }

  /** The token sent in the body, or null. */
  public String dataplaneToken() {
    return b.dataplaneToken;
  }

  /** The JSON body, keys in Kuma's order. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("mesh", b.mesh);
    root.put("name", b.name);
    root.put("proxyType", b.proxyType);
    putIfSet(root, "dataplaneToken", b.dataplaneToken);
    putIfSet(root, "dataplaneTokenPath", b.dataplaneTokenPath);
    putIfSet(root, "dataplaneResource", b.dataplaneResource);
    ObjectNode version = root.putObject("version");
    ObjectNode kumaDp = version.putObject("kumaDp");
    kumaDp.put("version", b.kumaDpVersion);
    kumaDp.put("gitTag", b.kumaDpGitTag);
    kumaDp.put("gitCommit", b.kumaDpGitCommit);
    kumaDp.put("buildDate", b.kumaDpBuildDate);
    ObjectNode envoy = version.putObject("envoy");
    envoy.put("version", b.envoyVersion);
    envoy.put("build", b.envoyBuild);
    envoy.put("kumaDpCompatible", b.envoyCompatible);
    root.put("caCert", b.caCert);
    ObjectNode dynamic = root.putObject("dynamicMetadata");
    b.dynamicMetadata.forEach(dynamic::put);
    if (b.dnsPort > 0) {
      root.put("dnsPort", b.dnsPort);
    }
    if (b.readinessPort > 0) {
      root.put("readinessPort", b.readinessPort);
    }
    root.put("operatingSystem", b.operatingSystem);
    b.features.forEach(root.putArray("features")::add);
    root.putObject("resources").put("maxHeapSizeBytes", b.maxHeapSizeBytes);
    root.put("workdir", b.workdir);
    ObjectNode metrics = root.putObject("metricsResources");
    metrics.put("certPath", "");
    metrics.put("keyPath", "");
    root.put("systemCaPath", "");
    root.put("ipv6Enabled", b.ipv6Enabled);
    root.putObject("spireResources").put("socketPath", "");
    return root.toString();
  }

  private static void putIfSet(ObjectNode node, String key, String value) {
    if (value != null && !value.isEmpty()) {
      node.put(key, value);
    }
  }

  /** Builder of {@link BootstrapRequest}; not thread-safe. */
  public static final class Builder {
    private final String mesh;
    private final String name;
    private String proxyType = "dataplane";
    private String dataplaneToken;
    private String dataplaneTokenPath;
    private String dataplaneResource;
    private String kumaDpVersion = "2.14.3";
    private String kumaDpGitTag = "v2.14.3";
    private String kumaDpGitCommit = "dp-simulator";
    private String kumaDpBuildDate = "";
    private String envoyVersion = ProxyOptions.ENVOY_VERSION;
    private String envoyBuild = "dp-simulator/" + ProxyOptions.ENVOY_VERSION + "/RELEASE/BoringSSL";
    private boolean envoyCompatible = true;
    private String caCert = "";
    private Map<String, String> dynamicMetadata = new LinkedHashMap<>();
    private int dnsPort;
    private int readinessPort;
    private String operatingSystem = "linux";
    private List<String> features = new ArrayList<>(List.of(FEATURE_TCP_ACCESSLOG_VIA_NAMED_PIPE));
    private long maxHeapSizeBytes;
    private String workdir = "";
    private boolean ipv6Enabled;

    private Builder(String mesh, String name) {
      this.mesh = Objects.requireNonNull(mesh, "mesh");
      this.name = Objects.requireNonNull(name, "name");
    }

    private Builder copy() {
      Builder c = new Builder(mesh, name);
      c.proxyType = proxyType;
      c.dataplaneToken = dataplaneToken;
      c.dataplaneTokenPath = dataplaneTokenPath;
      c.dataplaneResource = dataplaneResource;
      c.kumaDpVersion = kumaDpVersion;
      c.kumaDpGitTag = kumaDpGitTag;
      c.kumaDpGitCommit = kumaDpGitCommit;
      c.kumaDpBuildDate = kumaDpBuildDate;
      c.envoyVersion = envoyVersion;
      c.envoyBuild = envoyBuild;
      c.envoyCompatible = envoyCompatible;
      c.caCert = caCert;
      c.dynamicMetadata = new LinkedHashMap<>(dynamicMetadata);
      c.dnsPort = dnsPort;
      c.readinessPort = readinessPort;
      c.operatingSystem = operatingSystem;
      c.features = new ArrayList<>(features);
      c.maxHeapSizeBytes = maxHeapSizeBytes;
      c.workdir = workdir;
      c.ipv6Enabled = ipv6Enabled;
      return c;
    }

    /** {@code dataplane} (default), {@code ingress} or {@code egress}. */
    public Builder proxyType(String type) {
      this.proxyType = Objects.requireNonNull(type);
      return this;
    }

    /** The dataplane token (omitted when null or empty). */
    public Builder dataplaneToken(String token) {
      this.dataplaneToken = token;
      return this;
    }

    /** The path kuma-dp read the token from (omitted when null or empty). */
    public Builder dataplaneTokenPath(String path) {
      this.dataplaneTokenPath = path;
      return this;
    }

    /**
     * The Dataplane as Universal JSON or YAML, for the flow where kuma-dp passes the Dataplane and
     * the control plane stores it on connect (omitted when null or empty).
     */
    public Builder dataplaneResource(String resource) {
      this.dataplaneResource = resource;
      return this;
    }

    /** The kuma-dp build reported in {@code version.kumaDp}. */
    public Builder kumaDpVersion(String version, String gitTag, String gitCommit,
        String buildDate) {
      this.kumaDpVersion = version;
      this.kumaDpGitTag = gitTag;
      this.kumaDpGitCommit = gitCommit;
      this.kumaDpBuildDate = buildDate;
      return this;
    }

    /** The Envoy build reported in {@code version.envoy}. */
    public Builder envoyVersion(String version, String build, boolean kumaDpCompatible) {
      this.envoyVersion = version;
      this.envoyBuild = build;
      this.envoyCompatible = kumaDpCompatible;
      return this;
    }

    /** PEM of the CA the data plane verifies the control plane with ({@code caCert}). */
    public Builder caCert(String pem) {
      this.caCert = pem == null ? "" : pem;
      return this;
    }

    /** {@code dynamicMetadata}. */
    public Builder dynamicMetadata(Map<String, String> metadata) {
      this.dynamicMetadata = new LinkedHashMap<>(metadata);
      return this;
    }

    /** {@code dnsPort} (omitted when 0). */
    public Builder dnsPort(int port) {
      this.dnsPort = port;
      return this;
    }

    /** {@code readinessPort} (omitted when 0). */
    public Builder readinessPort(int port) {
      this.readinessPort = port;
      return this;
    }

    /** {@code operatingSystem} (default {@code linux}). */
    public Builder operatingSystem(String os) {
      this.operatingSystem = os;
      return this;
    }

    /** Replaces {@code features} (default: {@code feature-tcp-accesslog-via-named-pipe}). */
    public Builder features(List<String> list) {
      this.features = new ArrayList<>(list);
      return this;
    }

    /** Adds or removes {@code feature-delta-grpc}, which asks for a delta ADS bootstrap. */
    public Builder deltaXds(boolean delta) {
      features.remove(FEATURE_DELTA_GRPC);
      if (delta) {
        features.add(FEATURE_DELTA_GRPC);
      }
      return this;
    }

    /** {@code resources.maxHeapSizeBytes}. */
    public Builder maxHeapSizeBytes(long bytes) {
      this.maxHeapSizeBytes = bytes;
      return this;
    }

    /** {@code workdir}. */
    public Builder workdir(String dir) {
      this.workdir = dir;
      return this;
    }

    /** {@code ipv6Enabled}. */
    public Builder ipv6Enabled(boolean enabled) {
      this.ipv6Enabled = enabled;
      return this;
    }

    /** The request. */
    public BootstrapRequest build() {
      return new BootstrapRequest(this);
    }
  }
}
