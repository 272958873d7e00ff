package org.kumaj.cp.xds.generator;

import com.google.protobuf.Duration;
import io.envoyproxy.envoy.config.cluster.v3.CircuitBreakers;
import io.envoyproxy.envoy.config.core.v3.HttpProtocolOptions;
import io.envoyproxy.envoy.config.route.v3.RetryPolicy;

/**
 * What Kuma 2.14 configures when a mesh has only the policies created with it
 * ({@code pkg/defaults/mesh}: {@code mesh-timeout-all-<mesh>}, {@code mesh-circuit-breaker-all-<mesh>},
 * {@code mesh-retry-all-<mesh>}; constants from {@code pkg/plugins/policies/core/defaults}). The
 * policy plugins of a later issue replace these with the computed policy configuration.
 */
final class Defaults {
  private Defaults() {}

  /** MeshTimeout {@code to}: the client side of a connection to another service. */
  static final class Outbound {
    static final Duration CONNECT_TIMEOUT = Protos.seconds(5);
    static final Duration IDLE_TIMEOUT = Protos.seconds(3600);
    static final Duration REQUEST_TIMEOUT = Protos.seconds(15);
    static final Duration STREAM_IDLE_TIMEOUT = Protos.seconds(1800);

    private Outbound() {}
  }

  /**
   * MeshTimeout {@code from} (twice the outbound values, requests unbounded), which equals the
   * legacy {@code DefaultInboundTimeout} the inbound generator starts from.
   */
  static final class Inbound {
    static final Duration CONNECT_TIMEOUT = Protos.seconds(10);
    static final Duration IDLE_TIMEOUT = Protos.seconds(7200);
    static final Duration REQUEST_TIMEOUT = Protos.seconds(0);
    static final Duration STREAM_IDLE_TIMEOUT = Protos.seconds(3600);

    private Inbound() {}
  }

  /** Connect timeout of the clusters no policy targets (admin, readiness, passthrough). */
  static final Duration SYSTEM_CONNECT_TIMEOUT = Protos.seconds(5);
  /** MeshTimeout {@code http.maxStreamDuration} and {@code maxConnectionDuration}: off. */
  static final Duration OFF = Protos.seconds(0);

  /** MeshCircuitBreaker {@code to} connection limits. */
  static CircuitBreakers.Thresholds outboundThresholds() {
    return CircuitBreakers.Thresholds.newBuilder()
        .setMaxConnections(Protos.uint32(1024))
        .setMaxPendingRequests(Protos.uint32(1024))
        .setMaxRequests(Protos.uint32(1024))
        .setMaxRetries(Protos.uint32(3))
        .setTrackRemaining(true)
        .build();
  }

  /** What MeshCircuitBreaker sets on every cluster: only {@code trackRemaining}. */
  static CircuitBreakers.Thresholds trackRemainingOnly() {
    return CircuitBreakers.Thresholds.newBuilder().setTrackRemaining(true).build();
  }

  /**
   * MeshTimeout's cluster-side HTTP options ({@code ClusterConfigurer}) for HTTP and HTTP/2
   * clusters; gRPC clusters are left alone, as in Kuma.
   */
  static HttpProtocolOptions clusterHttpOptions(Duration idleTimeout) {
    return HttpProtocolOptions.newBuilder()
        .setIdleTimeout(idleTimeout)
        .setMaxConnectionDuration(OFF)
        .setMaxStreamDuration(OFF)
        .build();
  }

  /** Kuma's TCP {@code maxConnectAttempt} (MeshRetry {@code tcp}), set only for {@code kuma.io/protocol: tcp}. */
  static final int TCP_MAX_CONNECT_ATTEMPTS = 5;

  /** MeshRetry's route retry policy for a protocol, or {@code null} (only HTTP/1 and gRPC have one). */
  static RetryPolicy retryPolicy(Protocol protocol) {
    String retryOn = switch (protocol) {
      case HTTP -> "gateway-error,connect-failure,refused-stream";
      case GRPC -> "cancelled,connect-failure,gateway-error,refused-stream,reset,resource-exhausted,unavailable";
      default -> null;
    };
    if (retryOn == null) {
      return null;
    }
    return RetryPolicy.newBuilder()
        .setRetryOn(retryOn)
        .setNumRetries(Protos.uint32(5))
        .setPerTryTimeout(Protos.seconds(16))
        .setRetryBackOff(RetryPolicy.RetryBackOff.newBuilder()
            .setBaseInterval(Protos.millis(25))
            .setMaxInterval(Protos.millis(250)))
        .build();
  }
}
