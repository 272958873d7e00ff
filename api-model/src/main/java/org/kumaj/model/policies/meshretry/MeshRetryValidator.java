package org.kumaj.model.policies.meshretry;

import static org.kumaj.model.policies.core.TargetRefKind.DATAPLANE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_EXTERNAL_SERVICE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_GATEWAY;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_HTTP_ROUTE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_MULTI_ZONE_SERVICE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SERVICE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SERVICE_SUBSET;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SUBSET;

import java.util.List;
import java.util.Set;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.policies.core.Copies;
import org.kumaj.model.policies.core.PolicyItem;
import org.kumaj.model.policies.core.PolicyRules;
import org.kumaj.model.policies.core.TargetRef;
import org.kumaj.model.policies.core.TargetRefRules;
import org.kumaj.model.policies.core.TargetRefValidation;
import org.kumaj.model.policies.meshretry.MeshRetry.BackOff;
import org.kumaj.model.policies.meshretry.MeshRetry.Conf;
import org.kumaj.model.policies.meshretry.MeshRetry.Grpc;
import org.kumaj.model.policies.meshretry.MeshRetry.Http;
import org.kumaj.model.policies.meshretry.MeshRetry.Predicate;
import org.kumaj.model.policies.meshretry.MeshRetry.RateLimitedBackOff;
import org.kumaj.model.validation.Checks;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.Messages;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/** Kuma's MeshRetry validation ({@code meshretry/api/v1alpha1/validator.go}). */
final class MeshRetryValidator implements SpecValidator<MeshRetry> {
  private static final FieldPath SPEC = FieldPath.of("spec");
  private static final TargetRefRules TOP_SYSTEM = TargetRefRules.kinds(MESH, MESH_SUBSET,
      MESH_GATEWAY, MESH_SERVICE, MESH_SERVICE_SUBSET, MESH_HTTP_ROUTE, DATAPLANE)
      .withGatewayListenerTags();
  private static final TargetRefRules TOP = TargetRefRules.kinds(MESH, MESH_SUBSET, MESH_SERVICE,
      MESH_SERVICE_SUBSET, DATAPLANE);
  private static final TargetRefRules TO_GATEWAY = TargetRefRules.kinds(MESH, MESH_EXTERNAL_SERVICE);
  private static final TargetRefRules TO = TargetRefRules.kinds(MESH, MESH_SERVICE,
      MESH_EXTERNAL_SERVICE, MESH_MULTI_ZONE_SERVICE, MESH_HTTP_ROUTE);
  private static final Set<String> HTTP_RETRY_ON = Set.of("5xx", "GatewayError", "Reset",
      "Retriable4xx", "ConnectFailure", "EnvoyRatelimited", "RefusedStream",
      "Http3PostConnectFailure", "HttpMethodConnect", "HttpMethodDelete", "HttpMethodGet",
      "HttpMethodHead", "HttpMethodOptions", "HttpMethodPatch", "HttpMethodPost", "HttpMethodPut",
      "HttpMethodTrace");
  private static final Set<String> GRPC_RETRY_ON = Set.of("Canceled", "DeadlineExceeded",
      "Internal", "ResourceExhausted", "Unavailable");
  /** The status codes Go's {@code http.StatusText} knows. */
  private static final Set<Integer> HTTP_STATUS_CODES = Set.of(100, 101, 102, 103, 200, 201, 202,
      203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 307, 308, 400, 401, 402, 403,
      404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 421, 422, 423, 424,
      425, 426, 428, 429, 431, 451, 500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511);

  @Override
  public void validate(ResourceMeta meta, MeshRetry spec, Violations out) {
    if (spec.targetRef() != null) {
      TargetRefValidation.validate(SPEC.field("targetRef"), spec.targetRef(),
          PolicyRules.isSystemRole(meta) ? TOP_SYSTEM : TOP, out);
    }
    String topKind = TargetRef.orMesh(spec.targetRef()).kindOrEmpty();
    boolean gatewayOrRoute = topKind.equals(MESH_GATEWAY) || topKind.equals(MESH_HTTP_ROUTE);
    for (int i = 0; i < Copies.size(spec.to()); i++) {
      PolicyItem<Conf> item = PolicyItem.orEmpty(spec.to().get(i));
      FieldPath path = SPEC.field("to").index(i);
      TargetRefValidation.validate(path.field("targetRef"), item.targetRef(),
          gatewayOrRoute ? TO_GATEWAY : TO, out);
      validateConf(path.field("default").field("conf"), item.defaultConf(), out);
    }
    PolicyRules.topLevelDeprecations(spec.targetRef(), out);
  }

  private static void validateConf(FieldPath path, Conf confOrNull, Violations out) {
    Conf conf = confOrNull == null ? Conf.EMPTY : confOrNull;
    if (conf.tcp() == null && conf.http() == null && conf.grpc() == null) {
      out.add(path, "at least one of the 'tcp', 'http', 'grpc' must be specified");
    }
    if (conf.tcp() != null) {
      FieldPath tcp = path.field("tcp");
      if (conf.tcp().maxConnectAttempt() == null) {
        out.add(tcp, Messages.MUST_NOT_BE_EMPTY);
      } else if (conf.tcp().maxConnectAttempt() == 0) {
        out.add(tcp.field("maxConnectAttempt"), Messages.HAS_TO_BE_GREATER_THAN_ZERO);
      }
    }
    if (conf.http() != null) {
      validateHttp(path.field("http"), conf.http(), out);
    }
    if (conf.grpc() != null) {
      validateGrpc(path.field("grpc"), conf.grpc(), out);
    }
  }

  private static void validateHttp(FieldPath path, Http http, Violations out) {
    if (http.numRetries() == null && http.perTryTimeout() == null && http.backOff() == null
        && http.retryOn() == null && http.retriableRequestHeaders() == null
        && http.retriableResponseHeaders() == null && http.rateLimitedBackOff() == null
        && http.hostSelection() == null) {
      out.add(path, Messages.MUST_NOT_BE_EMPTY);
    }
    backOff(path, http.backOff(), out);
    rateLimitedBackOff(path, http.rateLimitedBackOff(), out);
    if (http.retryOn() != null) {
      retryOn(path, http.retryOn(), true, out);
    }
    if (http.hostSelection() != null) {
      hostSelection(path.field("hostSelection"), http.hostSelection(), out);
    }
  }

  private static void validateGrpc(FieldPath path, Grpc grpc, Violations out) {
    if (grpc.numRetries() == null && grpc.perTryTimeout() == null && grpc.backOff() == null
        && grpc.retryOn() == null && grpc.rateLimitedBackOff() == null) {
      out.add(path, Messages.MUST_NOT_BE_EMPTY);
    }
    backOff(path, grpc.backOff(), out);
    rateLimitedBackOff(path, grpc.rateLimitedBackOff(), out);
    if (grpc.retryOn() != null) {
      retryOn(path, grpc.retryOn(), false, out);
    }
  }

  private static void backOff(FieldPath path, BackOff backOff, Violations out) {
    if (backOff != null && backOff.baseInterval() == null && backOff.maxInterval() == null) {
      out.add(path.field("backOff"), Messages.MUST_NOT_BE_EMPTY);
    }
  }

  private static void rateLimitedBackOff(FieldPath parent, RateLimitedBackOff backOff,
      Violations out) {
    if (backOff == null) {
      return;
    }
    FieldPath path = parent.field("rateLimitedBackOff");
    if (backOff.maxInterval() != null) {
      Checks.durationGreaterThanZero(path.field("maxInterval"), backOff.maxInterval(), out);
    }
    if (backOff.resetHeaders() == null) {
      out.add(path.field("resetHeaders"), Messages.MUST_BE_DEFINED);
      return;
    }
    for (int i = 0; i < backOff.resetHeaders().size(); i++) {
      MeshRetry.ResetHeader header = backOff.resetHeaders().get(i);
      Checks.defined(path.field("resetHeaders").index(i).field("name"),
          header == null ? null : header.name(), out);
    }
  }

  private static void retryOn(FieldPath parent, List<String> retryOn, boolean http,
      Violations out) {
    for (int i = 0; i < retryOn.size(); i++) {
      String item = retryOn.get(i) == null ? "" : retryOn.get(i);
      boolean known = http
          ? HTTP_RETRY_ON.contains(item) || HTTP_STATUS_CODES.contains(statusCode(item))
          : GRPC_RETRY_ON.contains(item);
      if (!known) {
        out.add(parent.field("retryOn").index(i), "unknown item '" + item + "'");
      }
    }
  }

  /** Go's {@code strconv.Atoi}, or -1 when it fails. */
  private static int statusCode(String s) {
    if (!s.matches("[+-]?[0-9]+")) {
      return -1;
    }
    try {
      return Integer.parseInt(s.startsWith("+") ? s.substring(1) : s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void hostSelection(FieldPath path, List<Predicate> predicates, Violations out) {
    boolean prioritySet = false;
    for (int i = 0; i < predicates.size(); i++) {
      Predicate p = predicates.get(i) == null ? new Predicate(null, null, null) : predicates.get(i);
      String type = p.predicate() == null ? "" : p.predicate();
      switch (type) {
        case "OmitHostsWithTags" -> {
          if (p.tags() == null) {
            out.add(path.index(i).field("tags"), Messages.MUST_BE_DEFINED);
          }
        }
        case "OmitPreviousPriorities" -> {
          if (prioritySet) {
            out.add(path.index(i).field("predicate"), type + " must only be specified once");
          }
          if (p.updateFrequency() == null || p.updateFrequency() <= 0) {
            out.add(path.index(i).field("updateFrequency"),
                Messages.MUST_BE_DEFINED_AND_GREATER_THAN_ZERO);
          }
          prioritySet = true;
        }
        case "OmitPreviousHosts" -> {
          // nothing to check
        }
        default -> out.add(path.index(i).field("predicate"), "unknown predicate type '" + type + "'");
      }
    }
  }
}
