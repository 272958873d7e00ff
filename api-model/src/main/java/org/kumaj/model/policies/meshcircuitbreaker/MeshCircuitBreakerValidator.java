package org.kumaj.model.policies.meshcircuitbreaker;

import static org.kumaj.model.policies.core.TargetRefKind.DATAPLANE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_EXTERNAL_SERVICE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_GATEWAY;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_MULTI_ZONE_SERVICE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SERVICE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SERVICE_SUBSET;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SUBSET;

import java.math.BigDecimal;
import java.util.Optional;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.policies.core.Copies;
import org.kumaj.model.policies.core.PolicyChecks;
import org.kumaj.model.policies.core.PolicyItem;
import org.kumaj.model.policies.core.PolicyRules;
import org.kumaj.model.policies.core.Rule;
import org.kumaj.model.policies.core.TargetRefRules;
import org.kumaj.model.policies.core.TargetRefValidation;
import org.kumaj.model.policies.meshcircuitbreaker.MeshCircuitBreaker.ConnectionLimits;
import org.kumaj.model.policies.meshcircuitbreaker.MeshCircuitBreaker.ConsecutiveFailures;
import org.kumaj.model.policies.meshcircuitbreaker.MeshCircuitBreaker.Conf;
import org.kumaj.model.policies.meshcircuitbreaker.MeshCircuitBreaker.Detectors;
import org.kumaj.model.policies.meshcircuitbreaker.MeshCircuitBreaker.OutlierDetection;
import org.kumaj.model.validation.Checks;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.Messages;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/** Kuma's MeshCircuitBreaker validation ({@code meshcircuitbreaker/api/v1alpha1/validator.go}). */
final class MeshCircuitBreakerValidator implements SpecValidator<MeshCircuitBreaker> {
  private static final FieldPath SPEC = FieldPath.of("spec");
  private static final TargetRefRules TOP = TargetRefRules.kinds(MESH, MESH_SUBSET, MESH_SERVICE,
      MESH_GATEWAY, MESH_SERVICE_SUBSET, DATAPLANE).withGatewayListenerTags();
  private static final TargetRefRules FROM = TargetRefRules.kinds(MESH);
  private static final TargetRefRules TO = TargetRefRules.kinds(MESH, MESH_SERVICE,
      MESH_EXTERNAL_SERVICE, MESH_MULTI_ZONE_SERVICE);

  @Override
  public void validate(ResourceMeta meta, MeshCircuitBreaker spec, Violations out) {
    int to = Copies.size(spec.to());
    int from = Copies.size(spec.from());
    int rules = Copies.size(spec.rules());
    if (spec.targetRef() != null) {
      TargetRefValidation.validate(SPEC.field("targetRef"), spec.targetRef(),
          TOP.withInbound(rules > 0 || from > 0), out);
    }
    if (rules == 0 && to == 0 && from == 0) {
      out.add(SPEC, PolicyRules.FROM_TO_OR_RULES_REQUIRED);
    }
    if (rules > 0 && (to > 0 || from > 0)) {
      out.add(SPEC, PolicyRules.TO_FROM_EMPTY_WITH_RULES);
    }
    for (int i = 0; i < rules; i++) {
      // Kuma reports rule errors under spec.from[i]
      validateDefault(SPEC.field("from").index(i).field("default"),
          Rule.orEmpty(spec.rules().get(i)).defaultConf(), out);
    }
    for (int i = 0; i < from; i++) {
      PolicyItem<Conf> item = PolicyItem.orEmpty(spec.from().get(i));
      FieldPath path = SPEC.field("from").index(i);
      TargetRefValidation.validate(path.field("targetRef"), item.targetRef(), FROM, out);
      validateDefault(path.field("default"), item.defaultConf(), out);
    }
    for (int i = 0; i < to; i++) {
      PolicyItem<Conf> item = PolicyItem.orEmpty(spec.to().get(i));
      FieldPath path = SPEC.field("to").index(i);
      TargetRefValidation.validate(path.field("targetRef"), item.targetRef(), TO, out);
      validateDefault(path.field("default"), item.defaultConf(), out);
    }
    if (from > 0) {
      out.warn(PolicyRules.FROM_DEPRECATED);
    }
    PolicyRules.topLevelDeprecations(spec.targetRef(), out);
  }

  private static void validateDefault(FieldPath path, Conf confOrNull, Violations out) {
    Conf conf = confOrNull == null ? Conf.EMPTY : confOrNull;
    if (conf.connectionLimits() == null && conf.outlierDetection() == null) {
      out.add(path, "at least one of: 'connectionLimits' or 'outlierDetection' should be configured");
      return;
    }
    ConnectionLimits limits = conf.connectionLimits();
    if (limits != null) {
      FieldPath p = path.field("connectionLimits");
      PolicyChecks.uintGreaterThanZeroOrNull(p.field("maxConnections"), limits.maxConnections(), out);
      PolicyChecks.uintGreaterThanZeroOrNull(p.field("maxConnectionPools"),
          limits.maxConnectionPools(), out);
      PolicyChecks.uintGreaterThanZeroOrNull(p.field("maxPendingRequests"),
          limits.maxPendingRequests(), out);
      PolicyChecks.uintGreaterThanZeroOrNull(p.field("maxRetries"), limits.maxRetries(), out);
      PolicyChecks.uintGreaterThanZeroOrNull(p.field("maxRequests"), limits.maxRequests(), out);
    }
    OutlierDetection od = conf.outlierDetection();
    if (od != null) {
      FieldPath p = path.field("outlierDetection");
      Checks.durationGreaterThanZeroOrNull(p.field("interval"), od.interval(), out);
      Checks.durationGreaterThanZeroOrNull(p.field("baseEjectionTime"), od.baseEjectionTime(), out);
      PolicyChecks.uintPercentageOrNull(p.field("maxEjectionPercent"), od.maxEjectionPercent(), out);
      PolicyChecks.percentageOrNull(p.field("healthyPanicThreshold"), od.healthyPanicThreshold(),
          out);
      validateDetectors(p.field("detectors"), od.detectors(), out);
    }
  }

  private static void validateDetectors(FieldPath path, Detectors detectors, Violations out) {
    if (detectors == null) {
      out.add(path, Messages.MUST_BE_DEFINED);
      return;
    }
    if (detectors.failurePercentage() == null && detectors.gatewayFailures() == null
        && detectors.localOriginFailures() == null && detectors.totalFailures() == null
        && detectors.successRate() == null) {
      out.add(path, Messages.mustHaveAtLeastOne("totalFailures", "gatewayFailures",
          "localOriginFailures", "successRate", "failurePercentage"));
      return;
    }
    consecutive(path.field("totalFailures"), detectors.totalFailures(), out);
    consecutive(path.field("gatewayFailures"), detectors.gatewayFailures(), out);
    consecutive(path.field("localOriginFailures"), detectors.localOriginFailures(), out);
    if (detectors.successRate() != null) {
      FieldPath p = path.field("successRate");
      PolicyChecks.uintGreaterThanZeroOrNull(p.field("minimumHosts"),
          detectors.successRate().minimumHosts(), out);
      PolicyChecks.uintGreaterThanZeroOrNull(p.field("requestVolume"),
          detectors.successRate().requestVolume(), out);
      if (detectors.successRate().standardDeviationFactor() != null) {
        Optional<BigDecimal> factor = detectors.successRate().standardDeviationFactor().toDecimal();
        if (factor.isEmpty()) {
          out.add(p.field("standardDeviationFactor"), "invalid number");
        } else if (factor.get().signum() <= 0) {
          out.add(p.field("standardDeviationFactor"), Messages.HAS_TO_BE_GREATER_THAN_ZERO);
        }
      }
    }
    if (detectors.failurePercentage() != null) {
      FieldPath p = path.field("failurePercentage");
      PolicyChecks.uintGreaterThanZeroOrNull(p.field("minimumHosts"),
          detectors.failurePercentage().minimumHosts(), out);
      PolicyChecks.uintGreaterThanZeroOrNull(p.field("requestVolume"),
          detectors.failurePercentage().requestVolume(), out);
      PolicyChecks.uintPercentageOrNull(p.field("threshold"),
          detectors.failurePercentage().threshold(), out);
    }
  }

  private static void consecutive(FieldPath path, ConsecutiveFailures detector, Violations out) {
    if (detector != null) {
      PolicyChecks.uintGreaterThanZeroOrNull(path.field("consecutive"), detector.consecutive(), out);
    }
  }
}
