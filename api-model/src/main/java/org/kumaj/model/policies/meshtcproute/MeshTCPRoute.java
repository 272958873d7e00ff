package org.kumaj.model.policies.meshtcproute;

import java.util.List;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.PolicyTraits;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;
import org.kumaj.model.policies.core.BackendRef;
import org.kumaj.model.policies.core.Copies;
import org.kumaj.model.policies.core.Rule;
import org.kumaj.model.policies.core.TargetRef;

/**
 * MeshTCPRoute: TCP routing to a destination, splitting connections across weighted backends.
 *
 * @param targetRef the proxies the routes apply to (the whole mesh when absent)
 * @param to routes per destination
 */
public record MeshTCPRoute(TargetRef targetRef, List<MeshTCPRoute.To> to)
    implements ResourceSpec {

  public static final ResourceType TYPE = ResourceType.builder("MeshTCPRoute")
      .scope(Scope.MESH)
      .spec(SpecStyle.NESTED, MeshTCPRoute.class)
      .wsPath("meshtcproutes")
      .kumactl("meshtcproute", "meshtcproutes")
      .shortName("mtcpr")
      .displayNames("Mesh TCP Route", "Mesh TCP Routes")
      .kdsFlags(KdsFlags.GLOBAL_TO_ZONES | KdsFlags.ZONE_TO_GLOBAL | KdsFlags.SYNCED_ACROSS_ZONES)
      .policy(new PolicyTraits(true, true, false, false, false, false, true, false))
      .validator(new MeshTCPRouteValidator())
      .specDefaults("{\"to\":[{\"rules\":[{\"default\":{\"backendRefs\":[{\"weight\":1}]}}]}]}")
      .build();

  public MeshTCPRoute {
    to = Copies.list(to);
  }

  /**
   * The route to one destination.
   *
   * @param targetRef the destination
   * @param rules the route (Kuma allows one)
   */
  public record To(TargetRef targetRef, List<Rule<RuleConf>> rules) {
    public To {
      rules = Copies.list(rules);
    }
  }

  /**
   * Where connections go.
   *
   * @param backendRefs weighted destinations of the connections
   */
  public record RuleConf(List<BackendRef> backendRefs) {
    public RuleConf {
      backendRefs = Copies.list(backendRefs);
    }
  }
}
