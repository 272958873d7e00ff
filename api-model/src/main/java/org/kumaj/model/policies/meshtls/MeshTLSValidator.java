package org.kumaj.model.policies.meshtls;

import static org.kumaj.model.policies.core.TargetRefKind.DATAPLANE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SUBSET;

import java.util.List;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.policies.core.Copies;
import org.kumaj.model.policies.core.PolicyChecks;
import org.kumaj.model.policies.core.PolicyItem;
import org.kumaj.model.policies.core.PolicyRules;
import org.kumaj.model.policies.core.Rule;
import org.kumaj.model.policies.core.TargetRef;
import org.kumaj.model.policies.core.TargetRefRules;
import org.kumaj.model.policies.core.TargetRefValidation;
import org.kumaj.model.policies.meshtls.MeshTLS.Conf;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/** Kuma's MeshTLS validation ({@code meshtls/api/v1alpha1/validator.go}). */
final class MeshTLSValidator implements SpecValidator<MeshTLS> {
  private static final FieldPath SPEC = FieldPath.of("spec");
  private static final TargetRefRules TOP = TargetRefRules.kinds(MESH, MESH_SUBSET, DATAPLANE);
  private static final TargetRefRules FROM = TargetRefRules.kinds(MESH);
  private static final List<String> MODES = List.of("Strict", "Permissive");

  @Override
  public void validate(ResourceMeta meta, MeshTLS spec, Violations out) {
    int from = Copies.size(spec.from());
    int rules = Copies.size(spec.rules());
    if (spec.targetRef() != null) {
      TargetRefValidation.validate(SPEC.field("targetRef"), spec.targetRef(),
          TOP.withInbound(rules > 0 || from > 0), out);
    }
    if (rules > 0 && from > 0) {
      out.add(SPEC, PolicyRules.FROM_EMPTY_WITH_RULES);
    }
    String topKind = TargetRef.orMesh(spec.targetRef()).kindOrEmpty();
    for (int i = 0; i < rules; i++) {
      validateDefault(SPEC.field("rules").index(i).field("default"),
          Rule.orEmpty(spec.rules().get(i)).defaultConf(), topKind, out);
    }
    for (int i = 0; i < from; i++) {
      PolicyItem<Conf> item = PolicyItem.orEmpty(spec.from().get(i));
      FieldPath path = SPEC.field("from").index(i);
      TargetRefValidation.validate(path.field("targetRef"), item.targetRef(), FROM, out);
      validateDefault(path.field("default"), item.defaultConf(), topKind, out);
    }
    if (from > 0) {
      out.warn(PolicyRules.FROM_DEPRECATED);
    }
    PolicyRules.topLevelDeprecations(spec.targetRef(), out);
  }

  private static void validateDefault(FieldPath path, Conf conf, String topKind, Violations out) {
    if (conf == null) {
      return;
    }
    if (conf.mode() != null && !MODES.contains(conf.mode())) {
      out.add(path.field("mode"), PolicyChecks.mustBeOneOf("mode", MODES));
    }
    List<String> ciphers = Copies.orEmpty(conf.tlsCiphers());
    if (!ciphers.isEmpty() && !topKind.equals(MESH)) {
      out.add(path.field("tlsCiphers"),
          "tlsCiphers can only be defined with top level targetRef kind: Mesh");
    } else if (!MeshTLS.CIPHERS.containsAll(ciphers)) {
      out.add(path.field("tlsCiphers"), PolicyChecks.mustBeOneOf("tlsCiphers", MeshTLS.CIPHERS));
    }
    if (conf.tlsVersion() != null) {
      if (!topKind.equals(MESH)) {
        out.add(path.field("tlsVersion"),
            "tlsVersion can only be defined with top level targetRef kind: Mesh");
      } else {
        PolicyChecks.tlsVersion(path.field("tlsVersion"), conf.tlsVersion(), out);
      }
    }
  }
}
