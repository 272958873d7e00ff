package org.kumaj.model.policies.meshhealthcheck;

import java.util.List;
import org.kumaj.model.GoDuration;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.PolicyTraits;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;
import org.kumaj.model.policies.core.Copies;
import org.kumaj.model.policies.core.HeaderModifier;
import org.kumaj.model.policies.core.IntOrString;
import org.kumaj.model.policies.core.PolicyItem;
import org.kumaj.model.policies.core.TargetRef;

/**
 * MeshHealthCheck: active TCP, HTTP or gRPC health checks of destination endpoints; failing
 * endpoints receive no traffic.
 *
 * @param targetRef the proxies the policy applies to (the whole mesh when absent)
 * @param to health checks per destination
 */
public record MeshHealthCheck(TargetRef targetRef, List<PolicyItem<MeshHealthCheck.Conf>> to)
    implements ResourceSpec {

  public static final ResourceType TYPE = ResourceType.builder("MeshHealthCheck")
      .scope(Scope.MESH)
      .spec(SpecStyle.NESTED, MeshHealthCheck.class)
      .wsPath("meshhealthchecks")
      .kumactl("meshhealthcheck", "meshhealthchecks")
      .shortName("mhc")
      .displayNames("Mesh Health Check", "Mesh Health Checks")
      .kdsFlags(KdsFlags.GLOBAL_TO_ZONES | KdsFlags.ZONE_TO_GLOBAL | KdsFlags.SYNCED_ACROSS_ZONES)
      .policy(new PolicyTraits(true, true, false, false, false, false, true, false))
      .validator(new MeshHealthCheckValidator())
      .build();

  public MeshHealthCheck {
    to = Copies.list(to);
  }

  /**
   * The health check of one destination.
   *
   * @param interval time between checks
   * @param timeout time to wait for a response
   * @param unhealthyThreshold failed checks before a host is unhealthy
   * @param healthyThreshold passed checks before a host is healthy again
   * @param initialJitter random delay before the first check
   * @param intervalJitter random delay added to each interval
   * @param intervalJitterPercent random share of the interval added to each interval
   * @param healthyPanicThreshold deprecated; moved to MeshCircuitBreaker
   * @param failTrafficOnPanic fail all traffic when in panic mode
   * @param eventLogPath file health check events are written to
   * @param alwaysLogHealthCheckFailures log every failure, not only state changes
   * @param noTrafficInterval interval used while a cluster has no traffic
   * @param tcp TCP health check
   * @param http HTTP health check
   * @param grpc gRPC health check
   * @param reuseConnection reuse the connection between checks
   */
  public record Conf(
      GoDuration interval,
      GoDuration timeout,
      Integer unhealthyThreshold,
      Integer healthyThreshold,
      GoDuration initialJitter,
      GoDuration intervalJitter,
      Integer intervalJitterPercent,
      IntOrString healthyPanicThreshold,
      Boolean failTrafficOnPanic,
      String eventLogPath,
      Boolean alwaysLogHealthCheckFailures,
      GoDuration noTrafficInterval,
      TcpCheck tcp,
      HttpCheck http,
      GrpcCheck grpc,
      Boolean reuseConnection) {
    static final Conf EMPTY = new Conf(null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null);
  }

  /**
   * A TCP health check.
   *
   * @param disabled turns the check off
   * @param send hex-encoded payload sent; an empty check only connects
   * @param receive hex-encoded payloads expected in the response
   */
  public record TcpCheck(Boolean disabled, String send, List<String> receive) {
    public TcpCheck {
      receive = Copies.list(receive);
    }
  }

  /**
   * An HTTP health check.
   *
   * @param disabled turns the check off
   * @param path the request path
   * @param requestHeadersToAdd headers added to the request
   * @param expectedStatuses statuses considered healthy (Kuma's default 200)
   */
  public record HttpCheck(
      Boolean disabled, String path, HeaderModifier requestHeadersToAdd,
      List<Integer> expectedStatuses) {
    public HttpCheck {
      expectedStatuses = Copies.list(expectedStatuses);
    }
  }

  /**
   * A gRPC health check.
   *
   * @param disabled turns the check off
   * @param serviceName the service name sent in the health check request
   * @param authority the {@code :authority} header sent
   */
  public record GrpcCheck(Boolean disabled, String serviceName, String authority) {}
}
