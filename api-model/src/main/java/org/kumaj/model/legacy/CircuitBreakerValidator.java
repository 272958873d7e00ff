package org.kumaj.model.legacy;

import org.kumaj.model.ResourceMeta;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/** Kuma's CircuitBreaker rules. */
final class CircuitBreakerValidator implements SpecValidator<CircuitBreaker> {

  @Override
  public void validate(ResourceMeta meta, CircuitBreaker spec, Violations out) {
    TagSelectors.validateSelectors(
        FieldPath.of("sources"), spec.sources(), TagSelectors.SERVICE_SELECTORS, out);
    TagSelectors.validateSelectors(
        FieldPath.of("destinations"), spec.destinations(), TagSelectors.ONLY_SERVICE, out);
    validateConf(spec.conf(), out);
  }

  private static void validateConf(CircuitBreaker.Conf conf, Violations out) {
    FieldPath root = FieldPath.of("conf");
    CircuitBreaker.Detectors detectors = conf == null ? null : conf.detectors();
    CircuitBreaker.Thresholds thresholds = conf == null ? null : conf.thresholds();
    if (!hasDetectors(detectors) && !hasThresholds(thresholds)) {
      out.add(root, "must have at least one of the detector or threshold configured");
      return;
    }
    if (detectors != null && !hasDetectors(detectors)) {
      out.add(root.field("detectors"), "can't be empty");
    }
    validatePercentage(root.field("maxEjectionPercent"), conf.maxEjectionPercent(), out);
    if (detectors != null && detectors.failure() != null) {
      validatePercentage(root.field("detectors").field("failure").field("threshold"),
          detectors.failure().threshold(), out);
    }
    if (thresholds != null && !hasThresholds(thresholds)) {
      out.add(root.field("thresholds"), "can't be empty");
    }
  }

  private static boolean hasDetectors(CircuitBreaker.Detectors d) {
    return d != null && (d.totalErrors() != null || d.gatewayErrors() != null
        || d.localErrors() != null || d.standardDeviation() != null || d.failure() != null);
  }

  private static boolean hasThresholds(CircuitBreaker.Thresholds t) {
    return t != null && (t.maxConnections() != null || t.maxPendingRequests() != null
        || t.maxRetries() != null || t.maxRequests() != null);
  }

  private static void validatePercentage(FieldPath path, Integer value, Violations out) {
    if (value != null && (value < 0 || value > 100)) {
      out.add(path, "has to be in [0.0 - 100.0] range");
    }
  }
}
