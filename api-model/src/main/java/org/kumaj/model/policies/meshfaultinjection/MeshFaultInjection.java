package org.kumaj.model.policies.meshfaultinjection;

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
import org.kumaj.model.policies.core.MatchRule;
import org.kumaj.model.policies.core.PolicyItem;
import org.kumaj.model.policies.core.TargetRef;

/**
 * MeshFaultInjection: injected HTTP aborts, delays and bandwidth limits for testing resilience.
 *
 * @param targetRef the proxies the policy applies to (the whole mesh when absent)
 * @param from faults per client group (deprecated in favour of {@code rules})
 * @param to faults per destination (gateways only)
 * @param rules inbound faults, optionally narrowed by client identity or SNI
 */
public record MeshFaultInjection(
    TargetRef targetRef,
    List<PolicyItem<MeshFaultInjection.Conf>> from,
    List<PolicyItem<MeshFaultInjection.Conf>> to,
    List<MatchRule<MeshFaultInjection.Conf>> rules) implements ResourceSpec {

  public static final ResourceType TYPE = ResourceType.builder("MeshFaultInjection")
      .scope(Scope.MESH)
      .spec(SpecStyle.NESTED, MeshFaultInjection.class)
      .wsPath("meshfaultinjections")
      .kumactl("meshfaultinjection", "meshfaultinjections")
      .shortName("mfi")
      .displayNames("Mesh Fault Injection", "Mesh Fault Injections")
      .kdsFlags(KdsFlags.GLOBAL_TO_ZONES | KdsFlags.ZONE_TO_GLOBAL | KdsFlags.SYNCED_ACROSS_ZONES)
      .policy(new PolicyTraits(true, true, true, true, false, true, true, false))
      .validator(new MeshFaultInjectionValidator())
      .build();

  public MeshFaultInjection {
    from = Copies.list(from);
    to = Copies.list(to);
    rules = Copies.list(rules);
  }

  /**
   * The faults of one entry.
   *
   * @param http HTTP faults, each applied independently
   */
  public record Conf(List<Fault> http) {
    public Conf {
      http = Copies.list(http);
    }
  }

  /**
   * One HTTP fault.
   *
   * @param abort respond with an error status instead of forwarding
   * @param delay delay the request
   * @param responseBandwidth limit the response bandwidth
   */
  public record Fault(Abort abort, Delay delay, ResponseBandwidth responseBandwidth) {}

  /**
   * An abort fault.
   *
   * @param httpStatus the status returned
   * @param percentage share of requests aborted (0 to 100)
   */
  public record Abort(Integer httpStatus, IntOrString percentage) {}

  /**
   * A delay fault.
   *
   * @param value the added delay
   * @param percentage share of requests delayed (0 to 100)
   */
  public record Delay(GoDuration value, IntOrString percentage) {}

  /**
   * A bandwidth limit fault.
   *
   * @param limit the bandwidth, e.g. {@code 10 Mbps}
   * @param percentage share of requests limited (0 to 100)
   */
  public record ResponseBandwidth(String limit, IntOrString percentage) {}
}
