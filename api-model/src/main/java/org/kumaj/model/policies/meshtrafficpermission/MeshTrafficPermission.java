package org.kumaj.model.policies.meshtrafficpermission;

import java.util.List;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.PolicyTraits;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;
import org.kumaj.model.policies.core.Copies;
import org.kumaj.model.policies.core.Match;
import org.kumaj.model.policies.core.PolicyItem;
import org.kumaj.model.policies.core.Rule;
import org.kumaj.model.policies.core.TargetRef;

/**
 * MeshTrafficPermission: which clients may talk to the selected proxies (allow, deny, or allow
 * while logging as denied).
 *
 * @param targetRef the proxies the policy applies to (the whole mesh when absent)
 * @param from the action per client group (deprecated in favour of {@code rules})
 * @param rules allow/deny lists matched on client identity
 */
public record MeshTrafficPermission(
    TargetRef targetRef,
    List<PolicyItem<MeshTrafficPermission.Conf>> from,
    List<Rule<MeshTrafficPermission.RuleConf>> rules) implements ResourceSpec {

  public static final ResourceType TYPE = ResourceType.builder("MeshTrafficPermission")
      .scope(Scope.MESH)
      .spec(SpecStyle.NESTED, MeshTrafficPermission.class)
      .wsPath("meshtrafficpermissions")
      .kumactl("meshtrafficpermission", "meshtrafficpermissions")
      .shortName("mtp")
      .displayNames("Mesh Traffic Permission", "Mesh Traffic Permissions")
      .kdsFlags(KdsFlags.GLOBAL_TO_ZONES | KdsFlags.ZONE_TO_GLOBAL | KdsFlags.SYNCED_ACROSS_ZONES)
      .policy(new PolicyTraits(true, false, true, true, false, true, false, false))
      .validator(new MeshTrafficPermissionValidator())
      .build();

  /** Lets requests pass. */
  public static final String ALLOW = "Allow";
  /** Blocks requests. */
  public static final String DENY = "Deny";
  /** Lets requests pass but logs them as if they were denied. */
  public static final String ALLOW_WITH_SHADOW_DENY = "AllowWithShadowDeny";

  public MeshTrafficPermission {
    from = Copies.list(from);
    rules = Copies.list(rules);
  }

  /**
   * The permission of one {@code from} entry.
   *
   * @param action {@code Allow}, {@code Deny} or {@code AllowWithShadowDeny}
   */
  public record Conf(String action) {}

  /**
   * The permission lists of one rule; a request is checked against deny, then shadow deny, then
   * allow.
   *
   * @param deny clients whose requests are denied
   * @param allowWithShadowDeny clients allowed but logged as denied
   * @param allow clients whose requests are allowed
   */
  public record RuleConf(List<Match> deny, List<Match> allowWithShadowDeny, List<Match> allow) {
    static final RuleConf EMPTY = new RuleConf(null, null, null);

    public RuleConf {
      deny = Copies.list(deny);
      allowWithShadowDeny = Copies.list(allowWithShadowDeny);
      allow = Copies.list(allow);
    }
  }
}
