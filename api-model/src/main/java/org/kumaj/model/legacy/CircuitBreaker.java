package org.kumaj.model.legacy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.kumaj.model.ProtoDuration;
import org.kumaj.model.ResourceType;
import org.kumaj.model.mesh.Selector;

/**
 * Legacy CircuitBreaker: outlier detection and connection thresholds for the outbound traffic from
 * {@code sources} to {@code destinations}.
 */
public record CircuitBreaker(
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Selector> sources,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Selector> destinations,
    Conf conf) implements ConnectionPolicy {

  public static final ResourceType TYPE = LegacyDescriptors.describe("CircuitBreaker",
      CircuitBreaker.class, "circuit-breakers", "circuit-breaker", "circuit-breakers",
      "Circuit Breaker", "Circuit Breakers", new CircuitBreakerValidator());

  /**
   * The circuit breaker settings.
   *
   * @param maxEjectionPercent at most this percentage of hosts is ejected, in [0, 100]
   * @param splitExternalAndLocalErrors count locally originated errors separately
   */
  public record Conf(
      @Jsonpb.Duration ProtoDuration interval,
      @Jsonpb.Duration ProtoDuration baseEjectionTime,
      Integer maxEjectionPercent,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean splitExternalAndLocalErrors,
      Detectors detectors,
      Thresholds thresholds) {}

  /** The outlier detectors; at least one must be set when the block is present. */
  public record Detectors(
      Errors totalErrors,
      Errors gatewayErrors,
      Errors localErrors,
      StandardDeviation standardDeviation,
      Failure failure) {}

  /** Ejects a host after this many consecutive errors. */
  public record Errors(Integer consecutive) {}

  /** Ejects hosts whose success rate is below {@code mean - stdev * factor}. */
  public record StandardDeviation(
      Integer requestVolume, Integer minimumHosts, @Jsonpb.Float Double factor) {}

  /** Ejects hosts whose failure percentage reaches {@code threshold} (in [0, 100]). */
  public record Failure(Integer requestVolume, Integer minimumHosts, Integer threshold) {}

  /** Connection-pool limits towards the destination cluster. */
  public record Thresholds(
      Integer maxConnections, Integer maxPendingRequests, Integer maxRetries, Integer maxRequests) {}
}
