package org.kumaj.model.policies.meshretry;

import java.util.List;
import java.util.Map;
import org.kumaj.model.GoDuration;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.PolicyTraits;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;
import org.kumaj.model.policies.core.Copies;
import org.kumaj.model.policies.core.HeaderMatch;
import org.kumaj.model.policies.core.PolicyItem;
import org.kumaj.model.policies.core.TargetRef;
import org.kumaj.model.policies.core.UInt32;

/**
 * MeshRetry: when and how often failed TCP connections, HTTP requests and gRPC calls to a
 * destination are retried, with back-off.
 *
 * @param targetRef the proxies the policy applies to (the whole mesh when absent)
 * @param to retry settings per destination
 */
public record MeshRetry(TargetRef targetRef, List<PolicyItem<MeshRetry.Conf>> to)
    implements ResourceSpec {

  public static final ResourceType TYPE = ResourceType.builder("MeshRetry")
      .scope(Scope.MESH)
      .spec(SpecStyle.NESTED, MeshRetry.class)
      .wsPath("meshretries")
      .kumactl("meshretry", "meshretries")
      .shortName("mr")
      .displayNames("Mesh Retry", "Mesh Retries")
      .kdsFlags(KdsFlags.GLOBAL_TO_ZONES | KdsFlags.ZONE_TO_GLOBAL | KdsFlags.SYNCED_ACROSS_ZONES)
      .policy(new PolicyTraits(true, true, false, false, false, false, true, false))
      .validator(new MeshRetryValidator())
      .specDefaults("{\"to\":[{\"default\":{\"http\":{\"hostSelection\":[{\"updateFrequency\":2}],\"retriableRequestHeaders\":[{\"type\":\"Exact\"}],\"retriableResponseHeaders\":[{\"type\":\"Exact\"}]}}}]}")
      .build();

  public MeshRetry {
    to = Copies.list(to);
  }

  /**
   * Retry settings per protocol.
   *
   * @param tcp TCP connection retries
   * @param http HTTP request retries
   * @param grpc gRPC call retries
   */
  public record Conf(Tcp tcp, Http http, Grpc grpc) {
    static final Conf EMPTY = new Conf(null, null, null);
  }

  /**
   * TCP retries.
   *
   * @param maxConnectAttempt connection attempts before giving up
   */
  public record Tcp(@UInt32 Integer maxConnectAttempt) {}

  /**
   * HTTP retries.
   *
   * @param numRetries attempts for failed, retriable requests (Kuma's default 1)
   * @param perTryTimeout timeout of each attempt; 0 disables it
   * @param backOff exponential back-off between attempts
   * @param rateLimitedBackOff back-off driven by the upstream's rate limit headers
   * @param retryOn conditions that cause a retry ({@code 5xx}, {@code GatewayError}, status codes, ...)
   * @param retriableResponseHeaders response headers that trigger a retry
   * @param retriableRequestHeaders request headers required for retries
   * @param hostSelection how hosts are chosen for retries
   * @param hostSelectionMaxAttempts host selection attempts before using the last selected host
   */
  public record Http(
      @UInt32 Integer numRetries,
      GoDuration perTryTimeout,
      BackOff backOff,
      RateLimitedBackOff rateLimitedBackOff,
      List<String> retryOn,
      List<HeaderMatch> retriableResponseHeaders,
      List<HeaderMatch> retriableRequestHeaders,
      List<Predicate> hostSelection,
      Long hostSelectionMaxAttempts) {
    public Http {
      retryOn = Copies.list(retryOn);
      retriableResponseHeaders = Copies.list(retriableResponseHeaders);
      retriableRequestHeaders = Copies.list(retriableRequestHeaders);
      hostSelection = Copies.list(hostSelection);
    }
  }

  /**
   * gRPC retries.
   *
   * @param numRetries attempts for failed, retriable calls (Kuma's default 1)
   * @param perTryTimeout timeout of each attempt; 0 disables it
   * @param backOff exponential back-off between attempts
   * @param rateLimitedBackOff back-off driven by the upstream's rate limit headers
   * @param retryOn gRPC statuses that cause a retry ({@code Canceled}, {@code Unavailable}, ...)
   */
  public record Grpc(
      @UInt32 Integer numRetries,
      GoDuration perTryTimeout,
      BackOff backOff,
      RateLimitedBackOff rateLimitedBackOff,
      List<String> retryOn) {
    public Grpc {
      retryOn = Copies.list(retryOn);
    }
  }

  /**
   * Exponential back-off.
   *
   * @param baseInterval interval between retries (Kuma's default 25ms)
   * @param maxInterval maximum interval (10 times the base by default)
   */
  public record BackOff(GoDuration baseInterval, GoDuration maxInterval) {}

  /**
   * Back-off taken from rate limit response headers.
   *
   * @param resetHeaders headers that say when to retry, tried in order
   * @param maxInterval maximum interval (Kuma's default 300s)
   */
  public record RateLimitedBackOff(List<ResetHeader> resetHeaders, GoDuration maxInterval) {
    public RateLimitedBackOff {
      resetHeaders = Copies.list(resetHeaders);
    }
  }

  /**
   * A rate limit reset header.
   *
   * @param name the header name
   * @param format {@code Seconds} or {@code UnixTimestamp}
   */
  public record ResetHeader(String name, String format) {}

  /**
   * A host selection predicate for retries.
   *
   * @param predicate {@code OmitPreviousHosts}, {@code OmitHostsWithTags} or {@code OmitPreviousPriorities}
   * @param tags tags of the hosts to omit ({@code OmitHostsWithTags})
   * @param updateFrequency how often priority load is updated ({@code OmitPreviousPriorities})
   */
  public record Predicate(String predicate, Map<String, String> tags, Integer updateFrequency) {
    public Predicate {
      tags = Copies.map(tags);
    }
  }
}
