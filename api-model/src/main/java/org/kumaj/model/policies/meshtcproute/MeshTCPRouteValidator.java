package org.kumaj.model.policies.meshtcproute;

import static org.kumaj.model.policies.core.TargetRefKind.DATAPLANE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_EXTERNAL_SERVICE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_GATEWAY;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_MULTI_ZONE_SERVICE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SERVICE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SERVICE_SUBSET;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SUBSET;

import java.util.List;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.policies.core.BackendRef;
import org.kumaj.model.policies.core.Copies;
import org.kumaj.model.policies.core.PolicyChecks;
import org.kumaj.model.policies.core.PolicyRules;
import org.kumaj.model.policies.core.Rule;
import org.kumaj.model.policies.core.TargetRef;
import org.kumaj.model.policies.core.TargetRefRules;
import org.kumaj.model.policies.core.TargetRefValidation;
import org.kumaj.model.policies.meshtcproute.MeshTCPRoute.RuleConf;
import org.kumaj.model.policies.meshtcproute.MeshTCPRoute.To;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.Messages;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/** Kuma's MeshTCPRoute validation ({@code meshtcproute/api/v1alpha1/validator.go}). */
final class MeshTCPRouteValidator implements SpecValidator<MeshTCPRoute> {
  private static final FieldPath SPEC = FieldPath.of("spec");
  private static final TargetRefRules TOP_SYSTEM = TargetRefRules.kinds(MESH, MESH_SUBSET,
      MESH_GATEWAY, MESH_SERVICE, MESH_SERVICE_SUBSET, DATAPLANE).withGatewayListenerTags();
  private static final TargetRefRules TOP = TargetRefRules.kinds(MESH, MESH_SUBSET, MESH_SERVICE,
      MESH_SERVICE_SUBSET, DATAPLANE);
  private static final TargetRefRules TO_GATEWAY = TargetRefRules.kinds(MESH);
  private static final TargetRefRules TO = TargetRefRules.kinds(MESH_SERVICE,
      MESH_EXTERNAL_SERVICE, MESH_MULTI_ZONE_SERVICE);
  private static final TargetRefRules BACKEND = TargetRefRules.kinds(MESH_SERVICE,
      MESH_SERVICE_SUBSET, MESH_EXTERNAL_SERVICE, MESH_MULTI_ZONE_SERVICE);

  @Override
  public void validate(ResourceMeta meta, MeshTCPRoute spec, Violations out) {
    if (spec.targetRef() != null) {
      TargetRefValidation.validate(SPEC.field("targetRef"), spec.targetRef(),
          PolicyRules.isSystemRole(meta) ? TOP_SYSTEM : TOP, out);
    }
    boolean gateway = MESH_GATEWAY.equals(TargetRef.orMesh(spec.targetRef()).kind());
    for (int i = 0; i < Copies.size(spec.to()); i++) {
      To to = spec.to().get(i) == null ? new To(null, null) : spec.to().get(i);
      FieldPath path = SPEC.field("to").index(i);
      TargetRefValidation.validate(path.field("targetRef"), to.targetRef(),
          gateway ? TO_GATEWAY : TO, out);
      for (int r = 0; r < Copies.size(to.rules()); r++) {
        Rule<RuleConf> rule = Rule.orEmpty(to.rules().get(r));
        FieldPath refsPath = path.field("rules").index(r).field("default").field("backendRefs");
        List<BackendRef> refs = rule.defaultConf() == null
            ? List.of() : Copies.orEmpty(rule.defaultConf().backendRefs());
        if (refs.isEmpty()) {
          out.add(refsPath, Messages.MUST_BE_DEFINED);
        }
        for (int b = 0; b < refs.size(); b++) {
          BackendRef ref = refs.get(b);
          TargetRefValidation.validate(refsPath.index(b), ref == null ? null : ref.targetRef(),
              BACKEND, out);
          PolicyChecks.backendRef(refsPath.index(b), ref, out);
        }
      }
    }
    PolicyRules.topLevelDeprecations(spec.targetRef(), out);
  }
}
