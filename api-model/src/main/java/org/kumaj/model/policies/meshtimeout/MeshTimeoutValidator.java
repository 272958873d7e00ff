package org.kumaj.model.policies.meshtimeout;

import static org.kumaj.model.policies.core.TargetRefKind.DATAPLANE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_EXTERNAL_SERVICE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_GATEWAY;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_HTTP_ROUTE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_MULTI_ZONE_SERVICE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SERVICE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SERVICE_SUBSET;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SUBSET;

import java.util.Arrays;
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
import org.kumaj.model.policies.meshtimeout.MeshTimeout.Conf;
import org.kumaj.model.policies.meshtimeout.MeshTimeout.Http;
import org.kumaj.model.validation.Checks;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.Messages;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/** Kuma's MeshTimeout validation ({@code meshtimeout/api/v1alpha1/validator.go}). */
final class MeshTimeoutValidator implements SpecValidator<MeshTimeout> {
  private static final FieldPath SPEC = FieldPath.of("spec");
  private static final TargetRefRules TOP_SYSTEM = TargetRefRules.kinds(MESH, MESH_SUBSET,
      DATAPLANE, MESH_GATEWAY, MESH_SERVICE, MESH_SERVICE_SUBSET, MESH_HTTP_ROUTE)
      .withGatewayListenerTags();
  private static final TargetRefRules TOP = TargetRefRules.kinds(MESH, DATAPLANE, MESH_SUBSET,
      MESH_SERVICE, MESH_SERVICE_SUBSET);
  private static final TargetRefRules FROM = TargetRefRules.kinds(MESH);
  private static final TargetRefRules TO_GATEWAY = TargetRefRules.kinds(MESH, MESH_EXTERNAL_SERVICE);
  private static final TargetRefRules TO = TargetRefRules.kinds(MESH, MESH_SERVICE,
      MESH_EXTERNAL_SERVICE, MESH_MULTI_ZONE_SERVICE, MESH_HTTP_ROUTE);
  private static final String ROUTE_MSG =
      "can't be specified when top-level TargetRef is referencing MeshHTTPRoute";

  @Override
  public void validate(ResourceMeta meta, MeshTimeout spec, Violations out) {
    int to = Copies.size(spec.to());
    int from = Copies.size(spec.from());
    int rules = Copies.size(spec.rules());
    if (spec.targetRef() != null) {
      TargetRefRules top = PolicyRules.isSystemRole(meta) ? TOP_SYSTEM : TOP;
      TargetRefValidation.validate(SPEC.field("targetRef"), spec.targetRef(),
          top.withInbound(rules > 0 || from > 0), out);
    }
    if (rules > 0 && (to > 0 || from > 0)) {
      out.add(SPEC, PolicyRules.TO_FROM_EMPTY_WITH_RULES);
    }
    if (rules == 0 && to == 0 && from == 0) {
      out.add(SPEC, PolicyRules.FROM_TO_OR_RULES_REQUIRED);
    }
    String topKind = TargetRef.orMesh(spec.targetRef()).kindOrEmpty();
    boolean routeOrGateway = topKind.equals(MESH_HTTP_ROUTE) || topKind.equals(MESH_GATEWAY);
    if (routeOrGateway && from > 0) {
      out.add(SPEC.field("from"), Messages.MUST_NOT_BE_DEFINED);
    } else {
      for (int i = 0; i < from; i++) {
        PolicyItem<Conf> item = PolicyItem.orEmpty(spec.from().get(i));
        FieldPath path = SPEC.field("from").index(i);
        TargetRefValidation.validate(path.field("targetRef"), item.targetRef(), FROM, out);
        validateDefault(path.field("default"), item.defaultConf(), topKind, out);
      }
    }
    for (int i = 0; i < to; i++) {
      PolicyItem<Conf> item = PolicyItem.orEmpty(spec.to().get(i));
      FieldPath path = SPEC.field("to").index(i);
      TargetRefValidation.validate(path.field("targetRef"), item.targetRef(),
          routeOrGateway ? TO_GATEWAY : TO, out);
      validateDefault(path.field("default"), item.defaultConf(), topKind, out);
    }
    for (int i = 0; i < rules; i++) {
      MatchRule<Conf> rule = MatchRule.orEmpty(spec.rules().get(i));
      FieldPath path = SPEC.field("rules").index(i);
      Conf conf = rule.defaultConf() == null ? Conf.EMPTY : rule.defaultConf();
      if (PolicyChecks.ruleMatches(path.field("matches"), rule.matches(), out)) {
        notConditionedOnIdentity(path.field("default"), conf, out);
      }
      validateDefault(path.field("default"), conf, topKind, out);
    }
    if (from > 0) {
      out.warn(PolicyRules.FROM_DEPRECATED);
    }
    PolicyRules.topLevelDeprecations(spec.targetRef(), out);
  }

  private static void notConditionedOnIdentity(FieldPath path, Conf conf, Violations out) {
    mustBeNull(path.field("connectionTimeout"), conf.connectionTimeout(),
        PolicyRules.NOT_CONDITIONED_ON_SPIFFE_ID, out);
    mustBeNull(path.field("idleTimeout"), conf.idleTimeout(),
        PolicyRules.NOT_CONDITIONED_ON_SPIFFE_ID, out);
    if (conf.http() != null) {
      FieldPath http = path.field("http");
      mustBeNull(http.field("requestHeadersTimeout"), conf.http().requestHeadersTimeout(),
          PolicyRules.NOT_CONDITIONED_ON_SPIFFE_ID, out);
      mustBeNull(http.field("maxStreamDuration"), conf.http().maxStreamDuration(),
          PolicyRules.NOT_CONDITIONED_ON_SPIFFE_ID, out);
      mustBeNull(http.field("maxConnectionDuration"), conf.http().maxConnectionDuration(),
          PolicyRules.NOT_CONDITIONED_ON_SPIFFE_ID, out);
    }
  }

  private static void validateDefault(FieldPath path, Conf confOrNull, String topKind,
      Violations out) {
    Conf conf = confOrNull == null ? Conf.EMPTY : confOrNull;
    if (conf.connectionTimeout() == null && conf.idleTimeout() == null && conf.http() == null) {
      out.add(path, "at least one timeout should be configured");
      return;
    }
    if (topKind.equals(MESH_HTTP_ROUTE)) {
      mustBeNull(path.field("connectionTimeout"), conf.connectionTimeout(), ROUTE_MSG, out);
      mustBeNull(path.field("idleTimeout"), conf.idleTimeout(), ROUTE_MSG, out);
      if (conf.http() != null) {
        FieldPath http = path.field("http");
        mustBeNull(http.field("maxStreamDuration"), conf.http().maxStreamDuration(), ROUTE_MSG, out);
        mustBeNull(http.field("maxConnectionDuration"), conf.http().maxConnectionDuration(),
            ROUTE_MSG, out);
      }
    }
    Checks.durationGreaterThanZeroOrNull(path.field("connectionTimeout"),
        conf.connectionTimeout(), out);
    Checks.durationNotNegativeOrNull(path.field("idleTimeout"), conf.idleTimeout(), out);
    Http http = conf.http();
    if (http == null) {
      return;
    }
    FieldPath httpPath = path.field("http");
    if (http.requestTimeout() == null && http.streamIdleTimeout() == null
        && http.maxStreamDuration() == null && http.maxConnectionDuration() == null) {
      out.add(httpPath, "at least one timeout in this section should be configured");
    }
    List<GoDuration> values = Arrays.asList(http.requestTimeout(),
        http.streamIdleTimeout(), http.maxStreamDuration(), http.maxConnectionDuration(),
        http.requestHeadersTimeout());
    List<String> names = List.of("requestTimeout", "streamIdleTimeout", "maxStreamDuration",
        "maxConnectionDuration", "requestHeadersTimeout");
    for (int i = 0; i < names.size(); i++) {
      Checks.durationNotNegativeOrNull(httpPath.field(names.get(i)), values.get(i), out);
    }
  }

  private static void mustBeNull(FieldPath path, Object value, String message, Violations out) {
    if (value != null) {
      out.add(path, message);
    }
  }
}
