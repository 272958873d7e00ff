package org.kumaj.model.legacy;

import java.util.Set;
import java.util.regex.Pattern;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/** Kuma's FaultInjection rules. */
final class FaultInjectionValidator implements SpecValidator<FaultInjection> {
  /** Go's {@code \d*\s?[gmk]bps}, searched anywhere in the value as Go's MatchString does. */
  private static final Pattern LIMIT = Pattern.compile("[0-9]*[\\t\\n\\f\\r ]?[gmk]bps");
  /** The codes Go's {@code http.StatusText} knows. */
  private static final Set<Integer> KNOWN_STATUSES = Set.of(
      100, 101, 102, 103,
      200, 201, 202, 203, 204, 205, 206, 207, 208, 226,
      300, 301, 302, 303, 304, 305, 307, 308,
      400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417,
      418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451,
      500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511);

  @Override
  public void validate(ResourceMeta meta, FaultInjection spec, Violations out) {
    TagSelectors.validateSelectors(
        FieldPath.of("sources"), spec.sources(), TagSelectors.ANY_TAGS, out);
    TagSelectors.validateSelectors(
        FieldPath.of("destinations"), spec.destinations(), TagSelectors.HTTP_DESTINATIONS, out);
    validateConf(spec.conf(), out);
  }

  private static void validateConf(FaultInjection.Conf conf, Violations out) {
    FieldPath root = FieldPath.of("conf");
    FaultInjection.Delay delay = conf == null ? null : conf.delay();
    FaultInjection.Abort abort = conf == null ? null : conf.abort();
    FaultInjection.ResponseBandwidth bandwidth = conf == null ? null : conf.responseBandwidth();
    boolean hasDelay = delay != null && (delay.percentage() != null || delay.value() != null);
    boolean hasAbort = abort != null && (abort.percentage() != null || abort.httpStatus() != null);
    boolean hasBandwidth =
        bandwidth != null && (bandwidth.percentage() != null || bandwidth.limit() != null);
    if (!hasDelay && !hasAbort && !hasBandwidth) {
      out.add(root, "must have at least one of the faults configured");
    }
    if (hasDelay) {
      FieldPath path = root.field("delay");
      validatePercentage(path, delay.percentage(), out);
      if (delay.value() == null) {
        out.add(path.field("value"), "cannot be empty");
      }
    }
    if (hasAbort) {
      FieldPath path = root.field("abort");
      validatePercentage(path, abort.percentage(), out);
      if (abort.httpStatus() == null) {
        out.add(path.field("httpStatus"), "cannot be empty");
      } else if (!KNOWN_STATUSES.contains(abort.httpStatus())) {
        out.add(path.field("httpStatus"), "http status code is incorrect");
      }
    }
    if (hasBandwidth) {
      FieldPath path = root.field("responseBandwidth");
      validatePercentage(path, bandwidth.percentage(), out);
      if (bandwidth.limit() == null) {
        out.add(path.field("limit"), "cannot be empty");
      } else if (!LIMIT.matcher(bandwidth.limit()).find()) {
        out.add(path.field("limit"), "has to be in kbps/mbps/gbps units");
      }
    }
  }

  private static void validatePercentage(FieldPath path, Double percentage, Violations out) {
    if (percentage == null) {
      out.add(path.field("percentage"), "cannot be empty");
    } else if (percentage < 0.0 || percentage > 100.0) {
      out.add(path.field("percentage"), "has to be in [0.0 - 100.0] range");
    }
  }
}
