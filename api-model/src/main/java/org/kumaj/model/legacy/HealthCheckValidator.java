package org.kumaj.model.legacy;

import java.util.List;
import org.kumaj.model.ProtoDuration;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/** Kuma's HealthCheck rules. */
final class HealthCheckValidator implements SpecValidator<HealthCheck> {
  private static final String POSITIVE = "must have a positive value";

  @Override
  public void validate(ResourceMeta meta, HealthCheck spec, Violations out) {
    TagSelectors.validateSelectors(
        FieldPath.of("sources"), spec.sources(), TagSelectors.SERVICE_SELECTORS, out);
    TagSelectors.validateSelectors(
        FieldPath.of("destinations"), spec.destinations(), TagSelectors.ONLY_SERVICE, out);
    validateConf(spec.conf(), out);
  }

  private static void validateConf(HealthCheck.Conf conf, Violations out) {
    FieldPath path = FieldPath.of("conf");
    if (conf == null) {
      out.add(path, "has to be defined");
      return;
    }
    positiveDuration(path.field("interval"), conf.interval(), out);
    positiveDuration(path.field("timeout"), conf.timeout(), out);
    positiveThreshold(path.field("unhealthyThreshold"), conf.unhealthyThreshold(), out);
    positiveThreshold(path.field("healthyThreshold"), conf.healthyThreshold(), out);
    if (conf.initialJitter() != null) {
      positiveDuration(path.field("initialJitter"), conf.initialJitter(), out);
    }
    if (conf.intervalJitter() != null) {
      positiveDuration(path.field("intervalJitter"), conf.intervalJitter(), out);
    }
    if (conf.noTrafficInterval() != null) {
      positiveDuration(path.field("noTrafficInterval"), conf.noTrafficInterval(), out);
    }
    Float panic = conf.healthyPanicThreshold();
    if (panic != null && (panic < 0.0f || panic > 100.0f)) {
      out.add(path.field("healthyPanicThreshold"), "must be in range [0.0 - 100.0]");
    }
    if (conf.http() != null) {
      validateHttp(path.field("http"), conf.http(), out);
    }
    if (conf.tcp() != null && conf.http() != null) {
      out.add(path, "http and tcp cannot be defined at the same time");
    }
  }

  private static void validateHttp(FieldPath path, HealthCheck.Http http, Violations out) {
    if (http.path() == null || http.path().isEmpty()) {
      out.add(path.field("path"), "has to be defined and cannot be empty");
    }
    List<Integer> statuses = http.expectedStatuses();
    for (int i = 0; statuses != null && i < statuses.size(); i++) {
      int status = statuses.get(i) == null ? 0 : statuses.get(i);
      if (status < 100 || status >= 600) {
        out.add(path.field("expectedStatuses").index(i), "must be in range [100, 600)");
      }
    }
    List<HealthCheck.HeaderValueOption> headers = http.requestHeadersToAdd();
    for (int i = 0; headers != null && i < headers.size(); i++) {
      FieldPath headerPath = path.field("requestHeadersToAdd").index(i).field("header");
      HealthCheck.HeaderValue header = headers.get(i) == null ? null : headers.get(i).header();
      if (header == null) {
        out.add(headerPath, "has to be defined");
      } else if (header.key() == null || header.key().isEmpty()) {
        out.add(headerPath.field("key"), "cannot be empty");
      }
    }
  }

  /** Kuma's {@code ValidateDuration}: present and not zero (negative values pass, as in Kuma). */
  private static void positiveDuration(FieldPath path, ProtoDuration d, Violations out) {
    if (d == null || d.toNanos() == 0) {
      out.add(path, POSITIVE);
    }
  }

  private static void positiveThreshold(FieldPath path, Integer threshold, Violations out) {
    if (threshold == null || threshold == 0) {
      out.add(path, POSITIVE);
    }
  }
}
