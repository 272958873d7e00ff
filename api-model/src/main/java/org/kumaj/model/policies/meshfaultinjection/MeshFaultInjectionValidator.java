package org.kumaj.model.policies.meshfaultinjection;

import static org.kumaj.model.policies.core.TargetRefKind.DATAPLANE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_GATEWAY;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SERVICE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SERVICE_SUBSET;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SUBSET;

import org.kumaj.model.GoDuration;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.policies.core.Copies;
import org.kumaj.model.policies.core.MatchRule;
import org.kumaj.model.policies.core.PolicyChecks;
import org.kumaj.model.policies.core.PolicyItem;
import org.kumaj.model.policies.core.PolicyRules;
import org.kumaj.model.policies.core.TargetRef;
import org.kumaj.model.policies.core.TargetRefRules;
import org.kumaj.model.policies.core.TargetRefValidation;
import org.kumaj.model.policies.meshfaultinjection.MeshFaultInjection.Conf;
import org.kumaj.model.policies.meshfaultinjection.MeshFaultInjection.Fault;
import org.kumaj.model.validation.Checks;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.Messages;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/** Kuma's MeshFaultInjection validation ({@code meshfaultinjection/api/v1alpha1/validator.go}). */
final class MeshFaultInjectionValidator implements SpecValidator<MeshFaultInjection> {
  private static final FieldPath SPEC = FieldPath.of("spec");
  private static final TargetRefRules TOP_SYSTEM = TargetRefRules.kinds(MESH, MESH_SUBSET,
      MESH_GATEWAY, MESH_SERVICE, MESH_SERVICE_SUBSET, DATAPLANE).withGatewayListenerTags();
  private static final TargetRefRules TOP = TargetRefRules.kinds(MESH, MESH_SUBSET, MESH_SERVICE,
      MESH_SERVICE_SUBSET, DATAPLANE);
  private static final TargetRefRules FROM = TargetRefRules.kinds(MESH, MESH_SUBSET,
      MESH_SERVICE_SUBSET, MESH_SERVICE);
  private static final TargetRefRules TO = TargetRefRules.kinds(MESH);

  @Override
  public void validate(ResourceMeta meta, MeshFaultInjection spec, Violations out) {
    int from = Copies.size(spec.from());
    int to = Copies.size(spec.to());
    int rules = Copies.size(spec.rules());
    if (spec.targetRef() != null) {
      TargetRefRules top = PolicyRules.isSystemRole(meta) ? TOP_SYSTEM : TOP;
      TargetRefValidation.validate(SPEC.field("targetRef"), spec.targetRef(),
          top.withInbound(rules > 0 || from > 0), out);
    }
    TargetRef top = TargetRef.orMesh(spec.targetRef());
    if (from > 0 && rules > 0) {
      out.add(SPEC, PolicyRules.FROM_EMPTY_WITH_RULES);
    }
    for (int i = 0; i < rules; i++) {
      MatchRule<Conf> rule = MatchRule.orEmpty(spec.rules().get(i));
      FieldPath path = SPEC.field("rules").index(i);
      PolicyChecks.matches(path.field("matches"), rule.matches(), out);
      validateDefault(path.field("default"), rule.defaultConf(), out);
    }
    if (top.includesGateways() && from > 0) {
      out.add(SPEC.field("from"), PolicyRules.FROM_WITH_GATEWAYS);
    } else {
      for (int i = 0; i < from; i++) {
        PolicyItem<Conf> item = PolicyItem.orEmpty(spec.from().get(i));
        FieldPath path = SPEC.field("from").index(i);
        TargetRefValidation.validate(path.field("targetRef"), item.targetRef(), FROM, out);
        validateDefault(path.field("default"), item.defaultConf(), out);
      }
    }
    if (!top.includesGateways() && to > 0) {
      out.add(SPEC.field("to"), Messages.MUST_NOT_BE_DEFINED);
    } else {
      for (int i = 0; i < to; i++) {
        PolicyItem<Conf> item = PolicyItem.orEmpty(spec.to().get(i));
        FieldPath path = SPEC.field("to").index(i);
        TargetRefValidation.validate(path.field("targetRef"), item.targetRef(), TO, out);
        validateDefault(path.field("default"), item.defaultConf(), out);
      }
    }
    if (from > 0) {
      out.warn("'from' field is deprecated, use 'rules' with SPIFFE-based 'matches' instead");
    }
    PolicyRules.topLevelDeprecations(spec.targetRef(), out);
  }

  /** Kuma indexes each fault kind on its own: {@code http.abort[i]}, {@code http.delay[i]}. */
  private static void validateDefault(FieldPath path, Conf conf, Violations out) {
    FieldPath http = path.field("http");
    for (int i = 0; conf != null && i < Copies.size(conf.http()); i++) {
      Fault fault = conf.http().get(i);
      if (fault == null) {
        continue;
      }
      if (fault.abort() != null) {
        FieldPath p = http.field("abort").index(i);
        Integer status = fault.abort().httpStatus();
        Checks.statusCode(p.field("httpStatus"), status == null ? 0 : status, out);
        PolicyChecks.percentage(p.field("percentage"), fault.abort().percentage(), true, out);
      }
      if (fault.delay() != null) {
        FieldPath p = http.field("delay").index(i);
        GoDuration value = fault.delay().value();
        Checks.durationNotNegative(p.field("value"), value == null ? GoDuration.ofNanos(0) : value,
            out);
        PolicyChecks.percentage(p.field("percentage"), fault.delay().percentage(), true, out);
      }
      if (fault.responseBandwidth() != null) {
        FieldPath p = http.field("responseBandwidth").index(i);
        String limit = fault.responseBandwidth().limit();
        Checks.bandwidth(p.field("limit"), limit == null ? "" : limit, out);
        PolicyChecks.percentage(p.field("percentage"), fault.responseBandwidth().percentage(), true,
            out);
      }
    }
  }
}
