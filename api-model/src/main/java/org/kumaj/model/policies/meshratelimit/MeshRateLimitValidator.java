package org.kumaj.model.policies.meshratelimit;

import static org.kumaj.model.policies.core.TargetRefKind.DATAPLANE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_GATEWAY;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_HTTP_ROUTE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SERVICE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SERVICE_SUBSET;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SUBSET;

import java.util.List;
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
import org.kumaj.model.policies.meshratelimit.MeshRateLimit.Conf;
import org.kumaj.model.policies.meshratelimit.MeshRateLimit.Local;
import org.kumaj.model.policies.meshratelimit.MeshRateLimit.LocalHttp;
import org.kumaj.model.policies.meshratelimit.MeshRateLimit.LocalTcp;
import org.kumaj.model.policies.meshratelimit.MeshRateLimit.Rate;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.Messages;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/**
 * Kuma's MeshRateLimit validation ({@code meshratelimit/api/v1alpha1/validator.go}) and
 * deprecation warnings.
 */
final class MeshRateLimitValidator implements SpecValidator<MeshRateLimit> {
  private static final FieldPath SPEC = FieldPath.of("spec");
  private static final TargetRefRules TOP_SYSTEM = TargetRefRules.kinds(MESH, MESH_SUBSET,
      MESH_GATEWAY, MESH_SERVICE, MESH_SERVICE_SUBSET, MESH_HTTP_ROUTE, DATAPLANE)
      .withGatewayListenerTags();
  private static final TargetRefRules TOP = TargetRefRules.kinds(MESH, MESH_SUBSET, MESH_SERVICE,
      MESH_SERVICE_SUBSET, DATAPLANE);
  private static final TargetRefRules MESH_ONLY = TargetRefRules.kinds(MESH);
  private static final GoDuration MIN_INTERVAL = GoDuration.parse("50ms");

  @Override
  public void validate(ResourceMeta meta, MeshRateLimit spec, Violations out) {
    int from = Copies.size(spec.from());
    int to = Copies.size(spec.to());
    int rules = Copies.size(spec.rules());
    if (rules > 0 && (to > 0 || from > 0)) {
      out.add(SPEC, PolicyRules.TO_FROM_EMPTY_WITH_RULES);
    }
    if (spec.targetRef() != null) {
      TargetRefRules top = PolicyRules.isSystemRole(meta) ? TOP_SYSTEM : TOP;
      TargetRefValidation.validate(SPEC.field("targetRef"), spec.targetRef(),
          top.withInbound(rules > 0 || from > 0), out);
    }
    TargetRef top = TargetRef.orMesh(spec.targetRef());
    boolean route = MESH_HTTP_ROUTE.equals(top.kind());
    if ((top.includesGateways() || route) && rules > 0) {
      out.add(SPEC.field("rules"), Messages.MUST_NOT_BE_DEFINED);
    } else {
      for (int i = 0; i < rules; i++) {
        MatchRule<Conf> rule = MatchRule.orEmpty(spec.rules().get(i));
        FieldPath path = SPEC.field("rules").index(i);
        if (PolicyChecks.ruleMatches(path.field("matches"), rule.matches(), out)
            && rule.defaultConf() != null && rule.defaultConf().local() != null
            && rule.defaultConf().local().tcp() != null) {
          out.add(path.field("default").field("local").field("tcp"),
              PolicyRules.NOT_CONDITIONED_ON_SPIFFE_ID);
        }
        validateDefault(path.field("default"), rule.defaultConf(), out);
      }
    }
    if (top.includesGateways() && from > 0) {
      out.add(SPEC.field("from"), PolicyRules.FROM_WITH_GATEWAYS);
    } else if (route && from > 0) {
      out.add(SPEC.field("from"), Messages.MUST_NOT_BE_DEFINED + " when spec.kind is MeshHTTPRoute");
    } else {
      items(SPEC.field("from"), spec.from(), out);
    }
    if (!top.includesGateways() && to > 0) {
      out.add(SPEC.field("to"), Messages.MUST_NOT_BE_DEFINED);
    } else {
      items(SPEC.field("to"), spec.to(), out);
    }
    deprecations(spec, out);
  }

  private static void items(FieldPath path, List<PolicyItem<Conf>> items, Violations out) {
    for (int i = 0; i < Copies.size(items); i++) {
      PolicyItem<Conf> item = PolicyItem.orEmpty(items.get(i));
      TargetRefValidation.validate(path.index(i).field("targetRef"), item.targetRef(), MESH_ONLY,
          out);
      validateDefault(path.index(i).field("default"), item.defaultConf(), out);
    }
  }

  private static void validateDefault(FieldPath parent, Conf conf, Violations out) {
    FieldPath path = parent.field("local");
    Local local = conf == null ? null : conf.local();
    if (local == null) {
      out.add(path, Messages.MUST_BE_DEFINED);
      return;
    }
    if (local.tcp() == null && local.http() == null) {
      out.add(path, Messages.mustHaveAtLeastOne("tcp", "http"));
    }
    LocalHttp http = local.http();
    if (http != null) {
      FieldPath p = path.field("http");
      if (http.disabled() == null && http.requestRate() == null && http.onRateLimit() == null) {
        out.add(p, Messages.mustHaveAtLeastOne("disabled", "requestRate", "onRateLimit"));
      } else {
        if (http.requestRate() != null) {
          rate(p.field("requestRate"), http.requestRate(), out);
        }
        if (http.onRateLimit() != null) {
          PolicyChecks.uintGreaterThanZeroOrNull(p.field("onRateLimit").field("status"),
              http.onRateLimit().status(), out);
        }
      }
    }
    LocalTcp tcp = local.tcp();
    if (tcp != null) {
      FieldPath p = path.field("tcp");
      if (tcp.disabled() == null && tcp.connectionRate() == null) {
        out.add(p, Messages.mustHaveAtLeastOne("disabled", "connectionRate"));
      } else if (tcp.connectionRate() != null) {
        rate(p.field("connectionRate"), tcp.connectionRate(), out);
      }
    }
  }

  private static void rate(FieldPath path, Rate rate, Violations out) {
    PolicyChecks.uintGreaterThan(path.field("num"), rate.num() == null ? 0 : rate.num(), 0, out);
    PolicyChecks.durationGreaterThan(path.field("interval"),
        rate.interval() == null ? GoDuration.ofNanos(0) : rate.interval(), MIN_INTERVAL, out);
  }

  private static void deprecations(MeshRateLimit spec, Violations out) {
    if (Copies.size(spec.from()) > 0) {
      out.warn(PolicyRules.FROM_DEPRECATED);
      statusWarnings("from", spec.from().stream().map(i -> PolicyItem.orEmpty(i).defaultConf())
          .toList(), out);
    }
    statusWarnings("rules", Copies.orEmpty(spec.rules()).stream()
        .map(r -> MatchRule.orEmpty(r).defaultConf()).toList(), out);
    statusWarnings("to", Copies.orEmpty(spec.to()).stream()
        .map(i -> PolicyItem.orEmpty(i).defaultConf()).toList(), out);
    PolicyRules.topLevelDeprecations(spec.targetRef(), out);
  }

  /** Kuma warns about rate limit responses with a status below 400. */
  private static void statusWarnings(String field, List<Conf> confs, Violations out) {
    for (int i = 0; i < confs.size(); i++) {
      Conf conf = confs.get(i);
      Local local = conf == null ? null : conf.local();
      if (local != null && local.http() != null && local.http().onRateLimit() != null
          && local.http().onRateLimit().status() != null
          && local.http().onRateLimit().status() < 400) {
        out.warn("'spec." + field + "[" + i + "].default.local.http.requestRate.status' must be 400"
            + " or higher. Please update your configuration.");
      }
    }
  }
}
