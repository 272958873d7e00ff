package org.kumaj.model.policies.meshhealthcheck;

import static org.kumaj.model.policies.core.TargetRefKind.DATAPLANE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_EXTERNAL_SERVICE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_GATEWAY;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_MULTI_ZONE_SERVICE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SERVICE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SERVICE_SUBSET;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SUBSET;

import org.kumaj.model.ResourceMeta;
import org.kumaj.model.policies.core.Copies;
import org.kumaj.model.policies.core.PolicyChecks;
import org.kumaj.model.policies.core.PolicyItem;
import org.kumaj.model.policies.core.PolicyRules;
import org.kumaj.model.policies.core.TargetRefRules;
import org.kumaj.model.policies.core.TargetRefValidation;
import org.kumaj.model.policies.meshhealthcheck.MeshHealthCheck.Conf;
import org.kumaj.model.validation.Checks;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.Messages;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/**
 * Kuma's MeshHealthCheck validation ({@code meshhealthcheck/api/v1alpha1/validator.go}) and
 * deprecation warnings.
 */
final class MeshHealthCheckValidator implements SpecValidator<MeshHealthCheck> {
  private static final FieldPath SPEC = FieldPath.of("spec");
  private static final TargetRefRules TOP = TargetRefRules.kinds(MESH, MESH_SUBSET, MESH_GATEWAY,
      MESH_SERVICE, MESH_SERVICE_SUBSET, DATAPLANE).withGatewayListenerTags();
  private static final TargetRefRules TO = TargetRefRules.kinds(MESH, MESH_SERVICE,
      MESH_EXTERNAL_SERVICE, MESH_MULTI_ZONE_SERVICE);

  @Override
  public void validate(ResourceMeta meta, MeshHealthCheck spec, Violations out) {
    if (spec.targetRef() != null) {
      TargetRefValidation.validate(SPEC.field("targetRef"), spec.targetRef(), TOP, out);
    }
    for (int i = 0; i < Copies.size(spec.to()); i++) {
      PolicyItem<Conf> item = PolicyItem.orEmpty(spec.to().get(i));
      FieldPath path = SPEC.field("to").index(i);
      TargetRefValidation.validate(path.field("targetRef"), item.targetRef(), TO, out);
      validateDefault(path.field("default"),
          item.defaultConf() == null ? Conf.EMPTY : item.defaultConf(), out);
    }
    PolicyRules.topLevelDeprecations(spec.targetRef(), out);
    for (int i = 0; i < Copies.size(spec.to()); i++) {
      Conf conf = PolicyItem.orEmpty(spec.to().get(i)).defaultConf();
      if (conf != null && conf.healthyPanicThreshold() != null) {
        out.warn("healthyPanicThreshold for 'to[].default' is deprecated. The setting has been"
            + " moved to MeshCircuitBreaker policy, please use MeshCircuitBreaker policy instead.");
      }
    }
  }

  private static void validateDefault(FieldPath path, Conf conf, Violations out) {
    Checks.durationGreaterThanZeroOrNull(path.field("interval"), conf.interval(), out);
    Checks.durationGreaterThanZeroOrNull(path.field("timeout"), conf.timeout(), out);
    Checks.greaterThanZeroOrNull(path.field("unhealthyThreshold"), conf.unhealthyThreshold(), out);
    Checks.greaterThanZeroOrNull(path.field("healthyThreshold"), conf.healthyThreshold(), out);
    Checks.durationGreaterThanZeroOrNull(path.field("initialJitter"), conf.initialJitter(), out);
    Checks.durationGreaterThanZeroOrNull(path.field("intervalJitter"), conf.intervalJitter(), out);
    Checks.intPercentageOrNull(path.field("intervalJitterPercent"), conf.intervalJitterPercent(),
        out);
    PolicyChecks.percentageOrNull(path.field("healthyPanicThreshold"), conf.healthyPanicThreshold(),
        out);
    Checks.durationGreaterThanZeroOrNull(path.field("noTrafficInterval"), conf.noTrafficInterval(),
        out);
    PolicyChecks.filePathOrNull(path.field("eventLogPath"), conf.eventLogPath(), out);
    if (conf.http() != null) {
      FieldPath http = path.field("http");
      if (conf.http().path() != null) {
        Checks.defined(http.field("path"), conf.http().path(), out);
      }
      for (int i = 0; i < Copies.size(conf.http().expectedStatuses()); i++) {
        Integer status = conf.http().expectedStatuses().get(i);
        Checks.statusCode(http.field("expectedStatuses").index(i), status == null ? 0 : status, out);
      }
    }
    if (conf.http() == null && conf.tcp() == null && conf.grpc() == null) {
      out.add(path, Messages.mustHaveAtLeastOne("http", "tcp", "grpc"));
    }
  }
}
