package org.kumaj.model.legacy;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.kumaj.model.ProtoDuration;
import org.kumaj.model.ResourceType;
import org.kumaj.model.mesh.Selector;

/**
 * Legacy HealthCheck: active health checking that the {@code sources} proxies run against the
 * {@code destinations} services.
 */
public record HealthCheck(
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Selector> sources,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Selector> destinations,
    Conf conf) implements ConnectionPolicy {

  public static final ResourceType TYPE = LegacyDescriptors.describe("HealthCheck",
      HealthCheck.class, "health-checks", "healthcheck", "healthchecks",
      "Health Check", "Health Checks", new HealthCheckValidator());

  /**
   * How to health check: timings, thresholds and an optional TCP or HTTP probe.
   *
   * @param tcp raw TCP probe; exclusive with {@code http}
   * @param http HTTP probe; exclusive with {@code tcp}
   */
  public record Conf(
      @Jsonpb.Duration ProtoDuration interval,
      @Jsonpb.Duration ProtoDuration timeout,
      @JsonAlias("unhealthy_threshold") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
          Integer unhealthyThreshold,
      @JsonAlias("healthy_threshold") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
          Integer healthyThreshold,
      @JsonAlias("initial_jitter") @Jsonpb.Duration ProtoDuration initialJitter,
      @JsonAlias("interval_jitter") @Jsonpb.Duration ProtoDuration intervalJitter,
      @JsonAlias("interval_jitter_percent") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
          Integer intervalJitterPercent,
      @JsonAlias("healthy_panic_threshold") @Jsonpb.Float Float healthyPanicThreshold,
      @JsonAlias("fail_traffic_on_panic") Boolean failTrafficOnPanic,
      @JsonAlias("event_log_path") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
          String eventLogPath,
      @JsonAlias("always_log_health_check_failures") Boolean alwaysLogHealthCheckFailures,
      @JsonAlias("no_traffic_interval") @Jsonpb.Duration ProtoDuration noTrafficInterval,
      Tcp tcp,
      Http http,
      @JsonAlias("reuse_connection") Boolean reuseConnection) {}

  /**
   * A TCP probe: bytes to send and byte blocks expected back, each base64-encoded as in protojson.
   */
  public record Tcp(
      String send,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> receive) {}

  /**
   * An HTTP probe.
   *
   * @param path the path requested, e.g. {@code /health}
   * @param expectedStatuses statuses counted as healthy, each in [100, 600)
   */
  public record Http(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String path,
      @JsonAlias("request_headers_to_add") @JsonInclude(JsonInclude.Include.NON_EMPTY)
          List<HeaderValueOption> requestHeadersToAdd,
      @JsonAlias("expected_statuses") @JsonInclude(JsonInclude.Include.NON_EMPTY)
          List<Integer> expectedStatuses) {}

  /** A header added to each probe request; {@code append} defaults to true. */
  public record HeaderValueOption(HeaderValue header, Boolean append) {}

  /** An HTTP header name and value. */
  public record HeaderValue(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String key,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String value) {}
}
