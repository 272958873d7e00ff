package org.kumaj.model.legacy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.kumaj.model.ProtoDuration;
import org.kumaj.model.ResourceType;
import org.kumaj.model.mesh.Selector;

/**
 * Legacy RateLimit: limits the HTTP requests the {@code destinations} services accept from the
 * {@code sources} proxies.
 */
public record RateLimit(
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Selector> sources,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Selector> destinations,
    Conf conf) implements ConnectionPolicy {

  public static final ResourceType TYPE = LegacyDescriptors.describe("RateLimit",
      RateLimit.class, "rate-limits", "rate-limit", "rate-limits",
      "Rate Limit", "Rate Limits", new RateLimitValidator());

  /** The rate limit configuration (HTTP only). */
  public record Conf(Http http) {}

  /**
   * Allows {@code requests} HTTP requests per {@code interval}.
   *
   * @param onRateLimit what to answer to a limited request
   */
  public record Http(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer requests,
      @Jsonpb.Duration ProtoDuration interval,
      OnRateLimit onRateLimit) {}

  /** The status and headers of the response to a rate-limited request. */
  public record OnRateLimit(
      Integer status,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<HeaderValue> headers) {}

  /** A header added to the rate-limited response. */
  public record HeaderValue(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String key,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String value,
      Boolean append) {}
}
