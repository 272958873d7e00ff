package org.kumaj.model.policies.meshcircuitbreaker;

import java.util.List;
import org.kumaj.model.GoDuration;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.PolicyTraits;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;
import org.kumaj.model.policies.core.Copies;
import org.kumaj.model.policies.core.IntOrString;
import org.kumaj.model.policies.core.PolicyItem;
import org.kumaj.model.policies.core.Rule;
import org.kumaj.model.policies.core.TargetRef;
import org.kumaj.model.policies.core.UInt32;

/**
 * MeshCircuitBreaker: connection limits and outlier detection that eject failing endpoints to
 * stop cascading failures.
 *
 * @param targetRef the proxies the policy applies to (the whole mesh when absent)
 * @param to settings per destination
 * @param from settings per client group (deprecated in favour of {@code rules})
 * @param rules inbound settings
 */
public record MeshCircuitBreaker(
    TargetRef targetRef,
    List<PolicyItem<MeshCircuitBreaker.Conf>> to,
    List<PolicyItem<MeshCircuitBreaker.Conf>> from,
    List<Rule<MeshCircuitBreaker.Conf>> rules) implements ResourceSpec {

  public static final ResourceType TYPE = ResourceType.builder("MeshCircuitBreaker")
      .scope(Scope.MESH)
      .spec(SpecStyle.NESTED, MeshCircuitBreaker.class)
      .wsPath("meshcircuitbreakers")
      .kumactl("meshcircuitbreaker", "meshcircuitbreakers")
      .shortName("mcb")
      .displayNames("Mesh Circuit Breaker", "Mesh Circuit Breakers")
      .kdsFlags(KdsFlags.GLOBAL_TO_ZONES | KdsFlags.ZONE_TO_GLOBAL | KdsFlags.SYNCED_ACROSS_ZONES)
      .policy(new PolicyTraits(true, true, true, true, true, true, true, false))
      .validator(new MeshCircuitBreakerValidator())
      .build();

  public MeshCircuitBreaker {
    to = Copies.list(to);
    from = Copies.list(from);
    rules = Copies.list(rules);
  }

  /**
   * The circuit breaker of one entry.
   *
   * @param connectionLimits limits of connections and requests to the upstream cluster
   * @param outlierDetection ejection of misbehaving endpoints
   */
  public record Conf(ConnectionLimits connectionLimits, OutlierDetection outlierDetection) {
    static final Conf EMPTY = new Conf(null, null);
  }

  /**
   * Upstream cluster limits.
   *
   * @param maxConnections maximum connections to the cluster (HTTP/1.1)
   * @param maxConnectionPools maximum concurrent connection pools
   * @param maxPendingRequests maximum queued requests
   * @param maxRetries maximum parallel retries
   * @param maxRequests maximum parallel requests (HTTP/2)
   */
  public record ConnectionLimits(
      @UInt32 Integer maxConnections,
      @UInt32 Integer maxConnectionPools,
      @UInt32 Integer maxPendingRequests,
      @UInt32 Integer maxRetries,
      @UInt32 Integer maxRequests) {}

  /**
   * Outlier detection.
   *
   * @param disabled turns outlier detection off
   * @param interval time between ejection analysis sweeps
   * @param baseEjectionTime base time a host stays ejected
   * @param maxEjectionPercent maximum percentage of hosts that can be ejected
   * @param splitExternalAndLocalErrors distinguish local origin failures from external ones
   * @param detectors the detectors that decide when to eject
   * @param healthyPanicThreshold percentage of healthy hosts below which all hosts are used
   */
  public record OutlierDetection(
      Boolean disabled,
      GoDuration interval,
      GoDuration baseEjectionTime,
      @UInt32 Integer maxEjectionPercent,
      Boolean splitExternalAndLocalErrors,
      Detectors detectors,
      IntOrString healthyPanicThreshold) {}

  /**
   * Outlier detectors.
   *
   * @param totalFailures consecutive errors of any origin
   * @param gatewayFailures consecutive gateway errors (502, 503, 504)
   * @param localOriginFailures consecutive locally originated errors
   * @param successRate hosts whose success rate is far below the cluster's
   * @param failurePercentage hosts whose failure percentage exceeds a threshold
   */
  public record Detectors(
      ConsecutiveFailures totalFailures,
      ConsecutiveFailures gatewayFailures,
      ConsecutiveFailures localOriginFailures,
      SuccessRate successRate,
      FailurePercentage failurePercentage) {}

  /**
   * A consecutive-failures detector.
   *
   * @param consecutive failures in a row that eject a host
   */
  public record ConsecutiveFailures(@UInt32 Integer consecutive) {}

  /**
   * The success-rate detector.
   *
   * @param minimumHosts hosts with enough volume needed to run the detector
   * @param requestVolume requests per interval a host needs to be considered
   * @param standardDeviationFactor ejection threshold factor (divided by 1000)
   */
  public record SuccessRate(
      @UInt32 Integer minimumHosts,
      @UInt32 Integer requestVolume,
      IntOrString standardDeviationFactor) {}

  /**
   * The failure-percentage detector.
   *
   * @param minimumHosts hosts with enough volume needed to run the detector
   * @param requestVolume requests per interval a host needs to be considered
   * @param threshold failure percentage that ejects a host
   */
  public record FailurePercentage(
      @UInt32 Integer minimumHosts,
      @UInt32 Integer requestVolume,
      @UInt32 Integer threshold) {}
}
