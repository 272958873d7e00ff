package org.kumaj.model.legacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kumaj.model.ProtoDuration;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.GoStrings;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/** Kuma's Retry rules; Timeout shares its duration checks and messages. */
final class RetryValidator implements SpecValidator<Retry> {
  static final String EMPTY_FIELD = "field cannot be empty";
  static final String HAS_TO_BE_DEFINED = "has to be defined";
  static final String GREATER_THAN_0 = "has to be greater than 0";
  static final String GREATER_THAN_0_WHEN_DEFINED = "has to be greater than 0 when defined";

  @Override
  public void validate(ResourceMeta meta, Retry spec, Violations out) {
    TagSelectors.validateSelectors(
        FieldPath.of("sources"), spec.sources(), TagSelectors.SERVICE_SELECTORS, out);
    TagSelectors.validateSelectors(
        FieldPath.of("destinations"), spec.destinations(), TagSelectors.ONLY_SERVICE, out);
    validateConf(spec.conf(), out);
  }

  private static void validateConf(Retry.Conf conf, Violations out) {
    FieldPath path = FieldPath.of("conf");
    if (conf == null) {
      out.add(path, HAS_TO_BE_DEFINED);
      return;
    }
    if (conf.http() == null && conf.grpc() == null && conf.tcp() == null) {
      out.add(path, "missing protocol [grpc|http|tcp] configuration");
      return;
    }
    if (conf.http() != null) {
      validateHttp(path.field("http"), conf.http(), out);
    }
    if (conf.grpc() != null) {
      validateGrpc(path.field("grpc"), conf.grpc(), out);
    }
    if (conf.tcp() != null) {
      Integer attempts = conf.tcp().maxConnectAttempts();
      if (attempts == null || attempts == 0) {
        out.add(path.field("tcp").field("maxConnectAttempts"), GREATER_THAN_0);
      }
    }
  }

  private static void validateHttp(FieldPath path, Retry.Http http, Violations out) {
    if (http.numRetries() == null && http.perTryTimeout() == null && http.backOff() == null
        && isUnset(http.retriableStatusCodes()) && isUnset(http.retriableMethods())
        && isUnset(http.retryOn())) {
      out.add(path, EMPTY_FIELD);
    }
    greaterThanZeroWhenDefined(path.field("numRetries"), http.numRetries(), out);
    greaterThanZeroWhenDefined(path.field("perTryTimeout"), http.perTryTimeout(), out);
    validateBackOff(path.field("backOff"), http.backOff(), out);
    List<String> methods = http.retriableMethods();
    for (int i = 0; methods != null && i < methods.size(); i++) {
      FieldPath at = path.field("retriableMethods").index(i);
      if ("NONE".equals(ProtoEnum.HTTP_METHOD.check(at, methods.get(i), out))) {
        out.add(at, EMPTY_FIELD);
      }
    }
    List<String> retryOn = http.retryOn();
    for (int i = 0; retryOn != null && i < retryOn.size(); i++) {
      FieldPath at = path.field("retryOn").index(i);
      String value = ProtoEnum.HTTP_RETRY_ON.check(at, retryOn.get(i), out);
      if ("retriable_status_codes".equals(value) && isUnset(http.retriableStatusCodes())) {
        out.add(at, "retriableStatusCodes cannot be empty when this option is specified");
      }
    }
  }

  private static void validateGrpc(FieldPath path, Retry.Grpc grpc, Violations out) {
    if (grpc.numRetries() == null && grpc.perTryTimeout() == null && grpc.backOff() == null
        && isUnset(grpc.retryOn())) {
      out.add(path, EMPTY_FIELD);
    }
    FieldPath retryOnPath = path.field("retryOn");
    List<String> values = new ArrayList<>();
    List<String> retryOn = grpc.retryOn() == null ? List.of() : grpc.retryOn();
    for (int i = 0; i < retryOn.size(); i++) {
      values.add(ProtoEnum.GRPC_RETRY_ON.check(retryOnPath.index(i), retryOn.get(i), out));
    }
    for (String violation : repeatedValues(values)) {
      out.add(retryOnPath, violation);
    }
    greaterThanZeroWhenDefined(path.field("numRetries"), grpc.numRetries(), out);
    greaterThanZeroWhenDefined(path.field("perTryTimeout"), grpc.perTryTimeout(), out);
    validateBackOff(path.field("backOff"), grpc.backOff(), out);
  }

  /** {@code repeated value "x" at indexes [0, 2]} for every value given more than once, sorted. */
  private static List<String> repeatedValues(List<String> values) {
    Map<String, List<Integer>> indexes = new LinkedHashMap<>();
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) != null) {
        indexes.computeIfAbsent(values.get(i), k -> new ArrayList<>()).add(i);
      }
    }
    return indexes.entrySet().stream()
        .filter(e -> e.getValue().size() > 1)
        .map(e -> "repeated value " + GoStrings.quote(e.getKey()) + " at indexes ["
            + e.getValue().stream().map(String::valueOf).collect(Collectors.joining(", ")) + "]")
        .sorted(GoStrings.GO_ORDER)
        .toList();
  }

  private static void validateBackOff(FieldPath path, Retry.BackOff backOff, Violations out) {
    if (backOff == null) {
      return;
    }
    if (backOff.baseInterval() == null) {
      out.add(path.field("baseInterval"), HAS_TO_BE_DEFINED);
    } else if (backOff.baseInterval().toNanos() == 0) {
      out.add(path.field("baseInterval"), GREATER_THAN_0);
    } else {
      greaterThanZeroWhenDefined(path.field("maxInterval"), backOff.maxInterval(), out);
    }
  }

  /** Kuma's {@code validateDuration_GreaterThan0}: only a zero duration fails. */
  static void greaterThanZero(FieldPath path, ProtoDuration d, Violations out) {
    if (d.toNanos() == 0) {
      out.add(path, GREATER_THAN_0);
    }
  }

  /** Kuma's {@code validateDuration_GreaterThan0OrNil}. */
  static void greaterThanZeroWhenDefined(FieldPath path, ProtoDuration d, Violations out) {
    if (d != null && d.toNanos() == 0) {
      out.add(path, GREATER_THAN_0_WHEN_DEFINED);
    }
  }

  private static void greaterThanZeroWhenDefined(FieldPath path, Integer value, Violations out) {
    if (value != null && value == 0) {
      out.add(path, GREATER_THAN_0_WHEN_DEFINED);
    }
  }

  /** A repeated field decoded from an absent or empty JSON list is nil in Kuma. */
  private static boolean isUnset(List<?> list) {
    return list == null || list.isEmpty();
  }
}
