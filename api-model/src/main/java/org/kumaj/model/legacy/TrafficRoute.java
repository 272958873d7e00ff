package org.kumaj.model.legacy;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.kumaj.model.ResourceType;
import org.kumaj.model.mesh.Selector;

/**
 * Legacy TrafficRoute: where the traffic from {@code sources} to {@code destinations} goes (a
 * destination or a weighted split), how it is load balanced, and HTTP matching and rewriting.
 */
public record TrafficRoute(
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Selector> sources,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Selector> destinations,
    Conf conf) implements ConnectionPolicy {

  public static final ResourceType TYPE = LegacyDescriptors.describe("TrafficRoute",
      TrafficRoute.class, "traffic-routes", "traffic-route", "traffic-routes",
      "Traffic Route", "Traffic Routes", new TrafficRouteValidator());

  /**
   * The route: either {@code split} or {@code destination}, plus optional HTTP rules tried in
   * order before it.
   */
  public record Conf(
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Split> split,
      @JsonAlias("load_balancer") LoadBalancer loadBalancer,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> destination,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Http> http) {}

  /**
   * One weighted destination of a split.
   *
   * @param weight relative weight (not a percentage); 0 disables the entry
   * @param destination tags selecting the endpoints, {@code kuma.io/service} required
   */
  public record Split(
      Integer weight,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> destination) {}

  /** The load balancing algorithm; at most one member is set. */
  public record LoadBalancer(
      @JsonAlias("round_robin") Empty roundRobin,
      @JsonAlias("least_request") LeastRequest leastRequest,
      @JsonAlias("ring_hash") RingHash ringHash,
      Empty random,
      Empty maglev) {}

  /** An algorithm without settings (round robin, random, Maglev). */
  public record Empty() {}

  /** Least-request balancing among {@code choiceCount} random hosts (at least 2). */
  public record LeastRequest(
      @JsonAlias("choice_count") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
          Integer choiceCount) {}

  /**
   * Consistent hashing on a ring.
   *
   * @param hashFunction {@code XX_HASH} or {@code MURMUR_HASH_2}
   */
  public record RingHash(
      @JsonAlias("hash_function") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
          String hashFunction,
      @JsonAlias("min_ring_size") @JsonInclude(JsonInclude.Include.NON_DEFAULT) @Jsonpb.UInt64
          Long minRingSize,
      @JsonAlias("max_ring_size") @JsonInclude(JsonInclude.Include.NON_DEFAULT) @Jsonpb.UInt64
          Long maxRingSize) {}

  /** An HTTP rule: requests matching {@code match} are modified and sent to its own target. */
  public record Http(
      Match match,
      Modify modify,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Split> split,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> destination) {}

  /** Criteria on the method, path and headers of a request. */
  public record Match(
      StringMatcher method,
      StringMatcher path,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, StringMatcher> headers) {}

  /** Matches a string by prefix, exact value or RE2 regex (one of them). */
  public record StringMatcher(String prefix, String exact, String regex) {}

  /** Rewrites of a matched request and its response. */
  public record Modify(
      Path path, Host host, Headers requestHeaders, Headers responseHeaders) {}

  /** A regex and its substitution ({@code \1} refers to the first group). */
  public record RegexReplace(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String pattern,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String substitution) {}

  /** Rewrites the path: the matched prefix, or by regex (one of them). */
  public record Path(String rewritePrefix, RegexReplace regex) {}

  /** Rewrites the Host header: a fixed value, or derived from the path (one of them). */
  public record Host(String value, RegexReplace fromPath) {}

  /** Headers to add and remove. */
  public record Headers(
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AddHeader> add,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RemoveHeader> remove) {}

  /** Adds a header, appending to an existing value when {@code append} is true. */
  public record AddHeader(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String name,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String value,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean append) {}

  /** Removes a header. */
  public record RemoveHeader(@JsonInclude(JsonInclude.Include.NON_DEFAULT) String name) {}
}
