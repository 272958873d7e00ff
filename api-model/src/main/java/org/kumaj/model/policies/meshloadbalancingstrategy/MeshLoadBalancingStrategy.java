package org.kumaj.model.policies.meshloadbalancingstrategy;

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
import org.kumaj.model.policies.core.TargetRef;
import org.kumaj.model.policies.core.UInt32;

/**
 * MeshLoadBalancingStrategy: the load balancing algorithm, session affinity hashing and
 * zone-aware routing with cross-zone failover for a destination.
 *
 * @param targetRef the proxies the policy applies to (the whole mesh when absent)
 * @param to settings per destination
 */
public record MeshLoadBalancingStrategy(
    TargetRef targetRef, List<PolicyItem<MeshLoadBalancingStrategy.Conf>> to)
    implements ResourceSpec {

  public static final ResourceType TYPE = ResourceType.builder("MeshLoadBalancingStrategy")
      .scope(Scope.MESH)
      .spec(SpecStyle.NESTED, MeshLoadBalancingStrategy.class)
      .wsPath("meshloadbalancingstrategies")
      .kumactl("meshloadbalancingstrategy", "meshloadbalancingstrategies")
      .shortName("mlbs")
      .displayNames("Mesh Load Balancing Strategy", "Mesh Load Balancing Strategies")
      .kdsFlags(KdsFlags.GLOBAL_TO_ZONES | KdsFlags.ZONE_TO_GLOBAL | KdsFlags.SYNCED_ACROSS_ZONES)
      .policy(new PolicyTraits(true, true, false, false, false, false, true, false))
      .validator(new MeshLoadBalancingStrategyValidator())
      .build();

  public MeshLoadBalancingStrategy {
    to = Copies.list(to);
  }

  /**
   * Load balancing of one destination.
   *
   * @param localityAwareness zone and tag affinity, cross-zone failover
   * @param loadBalancer the algorithm
   * @param hashPolicies request attributes hashed by RingHash and Maglev
   */
  public record Conf(
      LocalityAwareness localityAwareness, LoadBalancer loadBalancer,
      List<HashPolicy> hashPolicies) {
    static final Conf EMPTY = new Conf(null, null, null);

    public Conf {
      hashPolicies = Copies.list(hashPolicies);
    }
  }

  /**
   * Locality-aware load balancing.
   *
   * @param disabled turns it off (traffic spreads over all zones)
   * @param localZone affinity inside the local zone
   * @param crossZone failover to other zones
   */
  public record LocalityAwareness(Boolean disabled, LocalZone localZone, CrossZone crossZone) {}

  /**
   * Affinity inside the local zone.
   *
   * @param affinityTags tags whose equal values are preferred, in order
   */
  public record LocalZone(List<AffinityTag> affinityTags) {
    public LocalZone {
      affinityTags = Copies.list(affinityTags);
    }
  }

  /**
   * A preferred tag.
   *
   * @param key the tag name
   * @param weight relative share of traffic kept on matching endpoints
   */
  public record AffinityTag(String key, @UInt32 Integer weight) {}

  /**
   * Cross-zone failover.
   *
   * @param failover ordered failover rules
   * @param failoverThreshold share of healthy local endpoints below which failover starts
   */
  public record CrossZone(List<Failover> failover, FailoverThreshold failoverThreshold) {
    public CrossZone {
      failover = Copies.list(failover);
    }
  }

  /**
   * One failover rule.
   *
   * @param from zones the rule applies to (all when absent)
   * @param to zones traffic fails over to
   */
  public record Failover(FromZone from, ToZone to) {}

  /**
   * Source zones of a failover rule.
   *
   * @param zones the zone names
   */
  public record FromZone(List<String> zones) {
    public FromZone {
      zones = Copies.list(zones);
    }
  }

  /**
   * Target zones of a failover rule.
   *
   * @param type {@code None}, {@code Only}, {@code Any} or {@code AnyExcept}
   * @param zones the zones for {@code Only} and {@code AnyExcept}
   */
  public record ToZone(String type, List<String> zones) {
    public static final String NONE = "None";
    public static final String ONLY = "Only";
    public static final String ANY = "Any";
    public static final String ANY_EXCEPT = "AnyExcept";

    public ToZone {
      zones = Copies.list(zones);
    }
  }

  /**
   * When failover starts.
   *
   * @param percentage share of healthy local endpoints (above 0, up to 100)
   */
  public record FailoverThreshold(IntOrString percentage) {}

  /**
   * The load balancing algorithm; the field named by {@code type} holds its settings.
   *
   * @param type {@code RoundRobin}, {@code LeastRequest}, {@code RingHash}, {@code Random} or
   *     {@code Maglev}
   * @param roundRobin round robin (no settings)
   * @param leastRequest least outstanding requests
   * @param ringHash consistent hashing on a ring
   * @param random random choice (no settings)
   * @param maglev Maglev consistent hashing
   */
  public record LoadBalancer(
      String type, RoundRobin roundRobin, LeastRequest leastRequest, RingHash ringHash,
      Random random, Maglev maglev) {
    public static final String ROUND_ROBIN = "RoundRobin";
    public static final String LEAST_REQUEST = "LeastRequest";
    public static final String RING_HASH = "RingHash";
    public static final String RANDOM = "Random";
    public static final String MAGLEV = "Maglev";
  }

  /** Round robin; it has no settings. */
  public record RoundRobin() {}

  /** Random choice; it has no settings. */
  public record Random() {}

  /**
   * Least request.
   *
   * @param choiceCount hosts sampled per pick
   * @param activeRequestBias how strongly active requests lower a host's weight
   */
  public record LeastRequest(@UInt32 Integer choiceCount, IntOrString activeRequestBias) {}

  /**
   * Ring hash.
   *
   * @param hashFunction {@code XXHash} or {@code MurmurHash2}
   * @param minRingSize minimum ring size
   * @param maxRingSize maximum ring size
   * @param hashPolicies deprecated here; use {@code default.hashPolicies}
   */
  public record RingHash(
      String hashFunction, @UInt32 Integer minRingSize, @UInt32 Integer maxRingSize,
      List<HashPolicy> hashPolicies) {
    public RingHash {
      hashPolicies = Copies.list(hashPolicies);
    }
  }

  /**
   * Maglev.
   *
   * @param tableSize size of the lookup table (a prime)
   * @param hashPolicies deprecated here; use {@code default.hashPolicies}
   */
  public record Maglev(@UInt32 Integer tableSize, List<HashPolicy> hashPolicies) {
    public Maglev {
      hashPolicies = Copies.list(hashPolicies);
    }
  }

  /**
   * What a request hash is computed from; the field named by {@code type} holds its settings.
   *
   * @param type {@code Header}, {@code Cookie}, {@code Connection}, {@code SourceIP},
   *     {@code QueryParameter} or {@code FilterState}
   * @param terminal stop at this policy when it produces a hash
   * @param header a request header
   * @param cookie a cookie
   * @param connection the connection's source IP
   * @param queryParameter a query parameter
   * @param filterState an Envoy filter state object
   */
  public record HashPolicy(
      String type, Boolean terminal, Named header, Cookie cookie, Connection connection,
      Named queryParameter, FilterState filterState) {
    public static final String HEADER = "Header";
    public static final String COOKIE = "Cookie";
    public static final String CONNECTION = "Connection";
    public static final String SOURCE_IP = "SourceIP";
    public static final String QUERY_PARAMETER = "QueryParameter";
    public static final String FILTER_STATE = "FilterState";
  }

  /**
   * A header or query parameter hashed.
   *
   * @param name its name
   */
  public record Named(String name) {}

  /**
   * A cookie hashed (generated when missing if a TTL is set).
   *
   * @param name the cookie name
   * @param ttl lifetime of a generated cookie
   * @param path path of a generated cookie
   */
  public record Cookie(String name, GoDuration ttl, String path) {}

  /**
   * Hashing on the connection.
   *
   * @param sourceIP hash the source IP
   */
  public record Connection(Boolean sourceIP) {}

  /**
   * A filter state object hashed.
   *
   * @param key the object key
   */
  public record FilterState(String key) {}
}
