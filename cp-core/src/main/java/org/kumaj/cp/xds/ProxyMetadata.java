package org.kumaj.cp.xds;

import java.util.Set;

/**
 * What a proxy told the control plane about itself in its node metadata (Kuma's keys, set by
 * kuma-dp in the bootstrap: {@code dataplane.admin.port}, {@code dataplane.readinessReporter.port},
 * {@code features}, {@code version}, ...).
 *
 * @param adminAddress Envoy admin address, default {@code 127.0.0.1}
 * @param adminPort Envoy admin port, 0 when unknown
 * @param readinessPort kuma-dp readiness reporter port, 0 when unknown
 * @param features kuma-dp feature flags (e.g. {@code feature-unified-resource-naming})
 * @param kumaDpVersion kuma-dp version, or empty
 * @param envoyVersion Envoy version, or empty
 * @param proxylessGrpc the client is a proxyless gRPC application (grpc-xds), not Envoy
 */
public record ProxyMetadata(
    String adminAddress,
    int adminPort,
    int readinessPort,
    Set<String> features,
    String kumaDpVersion,
    String envoyVersion,
    boolean proxylessGrpc) {

  public ProxyMetadata {
    features = Set.copyOf(features);
  }

  /** Metadata of a proxy that sent none of Kuma's keys. */
  public static final ProxyMetadata EMPTY = new ProxyMetadata("127.0.0.1", 0, 0, Set.of(), "", "", false);
}
