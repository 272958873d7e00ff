package org.kumaj.model.policies.meshtimeout;

import java.util.List;
import org.kumaj.model.GoDuration;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.PolicyTraits;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;
import org.kumaj.model.policies.core.Copies;
import org.kumaj.model.policies.core.MatchRule;
import org.kumaj.model.policies.core.PolicyItem;
import org.kumaj.model.policies.core.TargetRef;

/**
 * MeshTimeout: connection, idle and HTTP timeouts between services so that requests fail in time
 * instead of hanging.
 *
 * @param targetRef the proxies the policy applies to (the whole mesh when absent)
 * @param to outbound timeouts per destination
 * @param from inbound timeouts per client group (deprecated in favour of {@code rules})
 * @param rules inbound timeouts, optionally narrowed by client identity
 */
public record MeshTimeout(
    TargetRef targetRef,
    List<PolicyItem<MeshTimeout.Conf>> to,
    List<PolicyItem<MeshTimeout.Conf>> from,
    List<MatchRule<MeshTimeout.Conf>> rules) implements ResourceSpec {

  public static final ResourceType TYPE = ResourceType.builder("MeshTimeout")
      .scope(Scope.MESH)
      .spec(SpecStyle.NESTED, MeshTimeout.class)
      .wsPath("meshtimeouts")
      .kumactl("meshtimeout", "meshtimeouts")
      .shortName("mt")
      .displayNames("Mesh Timeout", "Mesh Timeouts")
      .kdsFlags(KdsFlags.GLOBAL_TO_ZONES | KdsFlags.ZONE_TO_GLOBAL | KdsFlags.SYNCED_ACROSS_ZONES)
      .policy(new PolicyTraits(true, true, true, true, true, true, true, false))
      .validator(new MeshTimeoutValidator())
      .build();

  public MeshTimeout {
    to = Copies.list(to);
    from = Copies.list(from);
    rules = Copies.list(rules);
  }

  /**
   * The timeouts of one entry.
   *
   * @param connectionTimeout time allowed to establish a TCP connection (Kuma's default 5s)
   * @param idleTimeout time without bytes sent or received before the connection closes (1h)
   * @param http HTTP specific timeouts
   */
  public record Conf(GoDuration connectionTimeout, GoDuration idleTimeout, Http http) {
    static final Conf EMPTY = new Conf(null, null, null);
  }

  /**
   * HTTP specific timeouts.
   *
   * @param requestTimeout time to receive the whole request (15s; 0 disables)
   * @param streamIdleTimeout time a stream may stay without activity (30m; 0 disables)
   * @param maxStreamDuration maximum lifetime of a stream (disabled by default)
   * @param maxConnectionDuration time after which a connection is drained (disabled by default)
   * @param requestHeadersTimeout time to receive the request headers (disabled by default)
   */
  public record Http(
      GoDuration requestTimeout,
      GoDuration streamIdleTimeout,
      GoDuration maxStreamDuration,
      GoDuration maxConnectionDuration,
      GoDuration requestHeadersTimeout) {}
}
