package org.kumaj.cp.xds;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.envoyproxy.envoy.config.core.v3.Node;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.kumaj.model.mesh.DiscoverySubscription;

/**
 * Reads Kuma's node metadata keys (written into the bootstrap by the control plane, from what
 * kuma-dp reported) into {@link ProxyMetadata}. A proxyless gRPC client marks itself with the key
 * {@value #PROXYLESS_GRPC} set to {@code true}. Stateless.
 */
final class NodeMetadata {
  /** Our node metadata key marking a proxyless gRPC (grpc-xds) client. */
  static final String PROXYLESS_GRPC = "kuma.io/proxyless-grpc";
  /** Kuma's key carrying the Dataplane a Universal kuma-dp registers on connect. */
  static final String DATAPLANE_RESOURCE = "dataplane.resource";

  private NodeMetadata() {}

  static ProxyMetadata of(Node node) {
    Struct m = node.getMetadata();
    Set<String> features = new LinkedHashSet<>();
    Value f = m.getFieldsOrDefault("features", Value.getDefaultInstance());
    if (f.hasListValue()) {
      f.getListValue().getValuesList().forEach(v -> features.add(v.getStringValue()));
    }
    return new ProxyMetadata(
        string(m, "dataplane.admin.address", "127.0.0.1"),
        number(m, "dataplane.admin.port"),
        number(m, "dataplane.readinessReporter.port"),
        features,
        nested(m, "version", "kumaDp", "version"),
        nested(m, "version", "envoy", "version"),
        "true".equals(string(m, PROXYLESS_GRPC, "")) || m.getFieldsOrDefault(PROXYLESS_GRPC,
            Value.getDefaultInstance()).getBoolValue());
  }

  /**
   * The kuma-dp and Envoy builds kuma-dp reported (metadata {@code version}: {@code kumaDp{version,
   * gitTag, gitCommit, buildDate}}, {@code envoy{version, build, kumaDpCompatible}},
   * {@code dependencies}), as a DataplaneInsight subscription shows them.
   */
  static DiscoverySubscription.Version version(Node node) {
    Value v = node.getMetadata().getFieldsOrDefault("version", null);
    Struct version = v != null && v.hasStructValue() ? v.getStructValue() : Struct.getDefaultInstance();
    Struct dp = struct(version, "kumaDp");
    Struct envoy = struct(version, "envoy");
    Map<String, String> dependencies = new TreeMap<>();
    struct(version, "dependencies").getFieldsMap().forEach((k, d) -> {
      if (d.hasStringValue()) {
        dependencies.put(k, d.getStringValue());
      }
    });
    Value compatible = envoy.getFieldsOrDefault("kumaDpCompatible", null);
    return new DiscoverySubscription.Version(
        new DiscoverySubscription.KumaDpVersion(string(dp, "version", ""), string(dp, "gitTag", ""),
            string(dp, "gitCommit", ""), string(dp, "buildDate", ""), null),
        new DiscoverySubscription.EnvoyVersion(string(envoy, "version", ""), string(envoy, "build", ""),
            compatible != null && compatible.hasBoolValue() ? compatible.getBoolValue() : null),
        dependencies);
  }

  private static Struct struct(Struct m, String key) {
    Value v = m.getFieldsOrDefault(key, null);
    return v != null && v.hasStructValue() ? v.getStructValue() : Struct.getDefaultInstance();
  }

  /** The Dataplane JSON a Universal kuma-dp passed for registration, or empty. */
  static String dataplaneResource(Node node) {
    return string(node.getMetadata(), DATAPLANE_RESOURCE, "");
  }

  private static String string(Struct m, String key, String fallback) {
    Value v = m.getFieldsOrDefault(key, null);
    return v == null || !v.hasStringValue() ? fallback : v.getStringValue();
  }

  private static int number(Struct m, String key) {
    Value v = m.getFieldsOrDefault(key, null);
    if (v == null) {
      return 0;
    }
    if (v.hasNumberValue()) {
      return (int) v.getNumberValue();
    }
    try {
      return v.hasStringValue() ? Integer.parseInt(v.getStringValue()) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String nested(Struct m, String... path) {
    Struct current = m;
    for (int i = 0; i < path.length - 1; i++) {
      Value v = current.getFieldsOrDefault(path[i], null);
      if (v == null || !v.hasStructValue()) {
        return "";
      }
      current = v.getStructValue();
    }
    return string(current, path[path.length - 1], "");
  }
}
