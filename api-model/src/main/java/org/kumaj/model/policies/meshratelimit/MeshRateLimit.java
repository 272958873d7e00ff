package org.kumaj.model.policies.meshratelimit;

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
import org.kumaj.model.policies.core.MatchRule;
import org.kumaj.model.policies.core.PolicyItem;
import org.kumaj.model.policies.core.TargetRef;
import org.kumaj.model.policies.core.UInt32;

/**
 * MeshRateLimit: local rate limits of HTTP requests and TCP connections a proxy accepts.
 *
 * @param targetRef the proxies the policy applies to (the whole mesh when absent)
 * @param from limits per client group (deprecated in favour of {@code rules})
 * @param to limits per destination (gateways only)
 * @param rules inbound limits, optionally narrowed by client identity or SNI
 */
public record MeshRateLimit(
    TargetRef targetRef,
    List<PolicyItem<MeshRateLimit.Conf>> from,
    List<PolicyItem<MeshRateLimit.Conf>> to,
    List<MatchRule<MeshRateLimit.Conf>> rules) implements ResourceSpec {

  public static final ResourceType TYPE = ResourceType.builder("MeshRateLimit")
      .scope(Scope.MESH)
      .spec(SpecStyle.NESTED, MeshRateLimit.class)
      .wsPath("meshratelimits")
      .kumactl("meshratelimit", "meshratelimits")
      .shortName("mrl")
      .displayNames("Mesh Rate Limit", "Mesh Rate Limits")
      .kdsFlags(KdsFlags.GLOBAL_TO_ZONES | KdsFlags.ZONE_TO_GLOBAL | KdsFlags.SYNCED_ACROSS_ZONES)
      .policy(new PolicyTraits(true, true, true, true, true, true, true, false))
      .validator(new MeshRateLimitValidator())
      .build();

  public MeshRateLimit {
    from = Copies.list(from);
    to = Copies.list(to);
    rules = Copies.list(rules);
  }

  /**
   * The limits of one entry.
   *
   * @param local limits enforced by each proxy on its own
   */
  public record Conf(Local local) {}

  /**
   * Local limits.
   *
   * @param http HTTP request limits
   * @param tcp TCP connection limits
   */
  public record Local(LocalHttp http, LocalTcp tcp) {}

  /**
   * HTTP request limits.
   *
   * @param disabled turns the limit off
   * @param requestRate the allowed request rate
   * @param onRateLimit the response sent to limited requests
   */
  public record LocalHttp(Boolean disabled, Rate requestRate, OnRateLimit onRateLimit) {}

  /**
   * The response to a limited request.
   *
   * @param status the response status (Kuma's default 429)
   * @param headers headers added to the response
   */
  public record OnRateLimit(@UInt32 Integer status, HeaderModifier headers) {}

  /**
   * TCP connection limits.
   *
   * @param disabled turns the limit off
   * @param connectionRate the allowed connection rate
   */
  public record LocalTcp(Boolean disabled, Rate connectionRate) {}

  /**
   * A rate: {@code num} per {@code interval}.
   *
   * @param num requests or connections allowed per interval
   * @param interval the interval (above 50ms)
   */
  public record Rate(@UInt32 Integer num, GoDuration interval) {}
}
