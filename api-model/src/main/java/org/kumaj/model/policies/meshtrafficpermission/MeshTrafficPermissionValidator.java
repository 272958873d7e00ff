package org.kumaj.model.policies.meshtrafficpermission;

import static org.kumaj.model.policies.core.TargetRefKind.DATAPLANE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SERVICE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SERVICE_SUBSET;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SUBSET;

import org.kumaj.model.ResourceMeta;
import org.kumaj.model.policies.core.Copies;
import org.kumaj.model.policies.core.PolicyChecks;
import org.kumaj.model.policies.core.PolicyItem;
import org.kumaj.model.policies.core.PolicyRules;
import org.kumaj.model.policies.core.Rule;
import org.kumaj.model.policies.core.TargetRef;
import org.kumaj.model.policies.core.TargetRefRules;
import org.kumaj.model.policies.core.TargetRefValidation;
import org.kumaj.model.policies.meshtrafficpermission.MeshTrafficPermission.Conf;
import org.kumaj.model.policies.meshtrafficpermission.MeshTrafficPermission.RuleConf;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.Messages;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/**
 * Kuma's MeshTrafficPermission validation ({@code meshtrafficpermission/api/v1alpha1/validator.go})
 * and deprecation warnings.
 */
final class MeshTrafficPermissionValidator implements SpecValidator<MeshTrafficPermission> {
  private static final FieldPath SPEC = FieldPath.of("spec");
  private static final TargetRefRules TOP =
      TargetRefRules.kinds(MESH, MESH_SUBSET, MESH_SERVICE, MESH_SERVICE_SUBSET, DATAPLANE);
  private static final TargetRefRules FROM =
      TargetRefRules.kinds(MESH, MESH_SUBSET, MESH_SERVICE, MESH_SERVICE_SUBSET);

  @Override
  public void validate(ResourceMeta meta, MeshTrafficPermission spec, Violations out) {
    int from = Copies.size(spec.from());
    int rules = Copies.size(spec.rules());
    if (spec.targetRef() != null) {
      TargetRefValidation.validate(SPEC.field("targetRef"), spec.targetRef(),
          TOP.withInbound(rules > 0 || from > 0), out);
    }
    if (from > 0 && rules > 0) {
      out.add(SPEC, PolicyRules.FROM_EMPTY_WITH_RULES);
    }
    if (from == 0 && rules == 0) {
      out.add(SPEC, PolicyRules.FROM_OR_RULES_REQUIRED);
    }
    for (int i = 0; i < rules; i++) {
      Rule<RuleConf> rule = Rule.orEmpty(spec.rules().get(i));
      RuleConf conf = rule.defaultConf() == null ? RuleConf.EMPTY : rule.defaultConf();
      FieldPath path = SPEC.field("rules").index(i);
      if (Copies.size(conf.deny()) == 0 && Copies.size(conf.allow()) == 0
          && Copies.size(conf.allowWithShadowDeny()) == 0) {
        out.add(path, "at least one of 'allow', 'allowWithShadowDeny', 'deny' has to be defined");
      }
      PolicyChecks.matches(path.field("allow"), conf.allow(), out);
      PolicyChecks.matches(path.field("allowWithShadowDeny"), conf.allowWithShadowDeny(), out);
      PolicyChecks.matches(path.field("deny"), conf.deny(), out);
    }
    for (int i = 0; i < from; i++) {
      PolicyItem<Conf> item = PolicyItem.orEmpty(spec.from().get(i));
      FieldPath path = SPEC.field("from").index(i);
      TargetRefValidation.validate(path.field("targetRef"), item.targetRef(), FROM, out);
      String action = item.defaultConf() == null ? null : item.defaultConf().action();
      if (action == null || action.isEmpty()) {
        out.add(path.field("default").field("action"), Messages.MUST_BE_DEFINED);
      }
    }
    if (from > 0) {
      out.warn("'from' field is deprecated and will be removed in 3.0, use 'rules' with"
          + " MeshIdentity (spiffeId) instead");
    }
    for (int i = 0; i < from; i++) {
      TargetRef ref = PolicyItem.orEmpty(spec.from().get(i)).targetRef();
      if (ref != null && MESH_SERVICE.equals(ref.kind())) {
        out.warn("MeshService value for 'from[].targetRef.kind' is deprecated, use MeshSubset with"
            + " 'kuma.io/service' instead");
      }
    }
    PolicyRules.topLevelDeprecations(spec.targetRef(), out);
  }
}
