package org.kumaj.model.legacy;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.kumaj.model.ProtoDuration;
import org.kumaj.model.ResourceType;
import org.kumaj.model.mesh.Selector;

/**
 * Legacy Retry: how the {@code sources} proxies retry failed HTTP, gRPC or TCP requests to the
 * {@code destinations} services.
 */
public record Retry(
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Selector> sources,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Selector> destinations,
    Conf conf) implements ConnectionPolicy {

  public static final ResourceType TYPE = LegacyDescriptors.describe("Retry",
      Retry.class, "retries", "retry", "retries",
      "Retry", "Retries", new RetryValidator());

  /** Retry settings per protocol; at least one protocol must be configured. */
  public record Conf(Http http, Tcp tcp, Grpc grpc) {}

  /** Exponential back-off between retries. */
  public record BackOff(
      @JsonAlias("base_interval") @Jsonpb.Duration ProtoDuration baseInterval,
      @JsonAlias("max_interval") @Jsonpb.Duration ProtoDuration maxInterval) {}

  /**
   * HTTP retries.
   *
   * @param retriableMethods HTTP method names ({@code GET}, {@code POST}, ...)
   * @param retryOn Envoy retry conditions ({@code gateway_error}, {@code retriable_status_codes},
   *     ...)
   */
  public record Http(
      @JsonAlias("num_retries") Integer numRetries,
      @JsonAlias("per_try_timeout") @Jsonpb.Duration ProtoDuration perTryTimeout,
      @JsonAlias("back_off") BackOff backOff,
      @JsonAlias("retriable_status_codes") @JsonInclude(JsonInclude.Include.NON_EMPTY)
          List<Integer> retriableStatusCodes,
      @JsonAlias("retriable_methods") @JsonInclude(JsonInclude.Include.NON_EMPTY)
          List<String> retriableMethods,
      @JsonAlias("retry_on") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> retryOn) {}

  /** TCP connection retries. */
  public record Tcp(
      @JsonAlias("max_connect_attempts") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
          Integer maxConnectAttempts) {}

  /**
   * gRPC retries.
   *
   * @param retryOn gRPC conditions ({@code cancelled}, {@code unavailable}, ...)
   */
  public record Grpc(
      @JsonAlias("retry_on") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> retryOn,
      @JsonAlias("num_retries") Integer numRetries,
      @JsonAlias("per_try_timeout") @Jsonpb.Duration ProtoDuration perTryTimeout,
      @JsonAlias("back_off") BackOff backOff) {}
}
