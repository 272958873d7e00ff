package org.kumaj.model.policies.meshhttproute;

import static org.kumaj.model.policies.core.TargetRefKind.DATAPLANE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_EXTERNAL_SERVICE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_GATEWAY;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_MULTI_ZONE_SERVICE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SERVICE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SERVICE_SUBSET;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SUBSET;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.policies.core.BackendRef;
import org.kumaj.model.policies.core.Copies;
import org.kumaj.model.policies.core.GoNet;
import org.kumaj.model.policies.core.HeaderKeyValue;
import org.kumaj.model.policies.core.HeaderMatch;
import org.kumaj.model.policies.core.K8sNames;
import org.kumaj.model.policies.core.PolicyChecks;
import org.kumaj.model.policies.core.PolicyRules;
import org.kumaj.model.policies.core.TargetRef;
import org.kumaj.model.policies.core.TargetRefRules;
import org.kumaj.model.policies.core.TargetRefValidation;
import org.kumaj.model.policies.meshhttproute.MeshHTTPRoute.Filter;
import org.kumaj.model.policies.meshhttproute.MeshHTTPRoute.HeaderModifier;
import org.kumaj.model.policies.meshhttproute.MeshHTTPRoute.Match;
import org.kumaj.model.policies.meshhttproute.MeshHTTPRoute.PathMatch;
import org.kumaj.model.policies.meshhttproute.MeshHTTPRoute.PathRewrite;
import org.kumaj.model.policies.meshhttproute.MeshHTTPRoute.Rule;
import org.kumaj.model.policies.meshhttproute.MeshHTTPRoute.RuleConf;
import org.kumaj.model.policies.meshhttproute.MeshHTTPRoute.To;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.Messages;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/** Kuma's MeshHTTPRoute validation ({@code meshhttproute/api/v1alpha1/validation.go}). */
final class MeshHTTPRouteValidator implements SpecValidator<MeshHTTPRoute> {
  private static final FieldPath SPEC = FieldPath.of("spec");
  private static final TargetRefRules TOP_SYSTEM = TargetRefRules.kinds(MESH, MESH_GATEWAY,
      MESH_SUBSET, MESH_SERVICE, MESH_SERVICE_SUBSET, DATAPLANE).withGatewayListenerTags();
  private static final TargetRefRules TOP = TargetRefRules.kinds(MESH, MESH_SUBSET, MESH_SERVICE,
      MESH_SERVICE_SUBSET, DATAPLANE);
  private static final TargetRefRules TO_GATEWAY = TargetRefRules.kinds(MESH);
  private static final TargetRefRules TO = TargetRefRules.kinds(MESH_SERVICE,
      MESH_EXTERNAL_SERVICE, MESH_MULTI_ZONE_SERVICE);
  private static final TargetRefRules MIRROR = TargetRefRules.kinds(MESH_SERVICE,
      MESH_SERVICE_SUBSET);
  /** Kuma's name for a backend a Gateway API route could not resolve. */
  static final String UNRESOLVED_BACKEND = "kuma.io/unresolved-backend";
  private static final TargetRefRules BACKEND = TargetRefRules.kinds(MESH_SERVICE,
      MESH_SERVICE_SUBSET, MESH_EXTERNAL_SERVICE, MESH_MULTI_ZONE_SERVICE)
      .withAllowedInvalidNames(UNRESOLVED_BACKEND);
  private static final String PREFIX_ONLY = "can only appear if all matches match a path prefix";

  @Override
  public void validate(ResourceMeta meta, MeshHTTPRoute spec, Violations out) {
    if (spec.targetRef() != null) {
      TargetRefValidation.validate(SPEC.field("targetRef"), spec.targetRef(),
          PolicyRules.isSystemRole(meta) ? TOP_SYSTEM : TOP, out);
    }
    TargetRef top = TargetRef.orMesh(spec.targetRef());
    boolean gateway = MESH_GATEWAY.equals(top.kind());
    for (int i = 0; i < Copies.size(spec.to()); i++) {
      To to = spec.to().get(i) == null ? new To(null, null, null) : spec.to().get(i);
      FieldPath path = SPEC.field("to").index(i);
      TargetRefValidation.validate(path.field("targetRef"), to.targetRef(),
          gateway ? TO_GATEWAY : TO, out);
      for (int r = 0; r < Copies.size(to.rules()); r++) {
        Rule rule = to.rules().get(r) == null ? new Rule(null, null) : to.rules().get(r);
        validateRule(path.field("rules").index(r), top, rule, out);
      }
      if (!gateway && Copies.size(to.hostnames()) > 0) {
        out.add(path.field("hostnames"), Messages.MUST_NOT_BE_DEFINED);
      }
    }
    PolicyRules.topLevelDeprecations(spec.targetRef(), out);
  }

  private static void validateRule(FieldPath path, TargetRef top, Rule rule, Violations out) {
    List<Match> matches = Copies.orEmpty(rule.matches());
    for (int i = 0; i < matches.size(); i++) {
      Match match = matches.get(i) == null ? new Match(null, null, null, null) : matches.get(i);
      FieldPath m = path.field("matches").index(i);
      validatePath(m.field("path"), match.path(), out);
      Set<String> names = new HashSet<>();
      for (int q = 0; q < Copies.size(match.queryParams()); q++) {
        var param = match.queryParams().get(q);
        String name = param == null || param.name() == null ? "" : param.name();
        if (!names.add(name)) {
          out.add(m.field("queryParams").index(q).field("name"), "multiple entries for name " + name);
        }
      }
      for (int h = 0; h < Copies.size(match.headers()); h++) {
        HeaderMatch header = match.headers().get(h);
        String type = header == null || header.type() == null ? HeaderMatch.EXACT : header.type();
        String value = header == null || header.value() == null ? "" : header.value();
        if ((type.equals(HeaderMatch.PRESENT) || type.equals(HeaderMatch.ABSENT))
            && !value.isEmpty()) {
          out.add(m.field("headers").index(h).field("value"), Messages.MUST_NOT_BE_DEFINED);
        }
      }
    }
    RuleConf conf = rule.defaultConf() == null ? new RuleConf(null, null) : rule.defaultConf();
    FieldPath def = path.field("default");
    validateFilters(def.field("filters"), top, conf.filters(), matches, out);
    validateBackendRefs(def.field("backendRefs"), top, Copies.orEmpty(conf.backendRefs()),
        Copies.orEmpty(conf.filters()), out);
  }

  private static void validatePath(FieldPath path, PathMatch match, Violations out) {
    if (match == null) {
      return;
    }
    String value = match.value() == null ? "" : match.value();
    String type = match.type() == null ? "" : match.type();
    FieldPath valuePath = path.field("value");
    if (type.equals(PathMatch.PATH_PREFIX) && !value.equals("/")) {
      if (value.endsWith("/")) {
        out.add(valuePath, "does not need a trailing slash because only a `/`-separated prefix or"
            + " an entire path is matched");
      }
      if (!value.startsWith("/")) {
        out.add(valuePath, "must be an absolute path");
      }
    } else if (type.equals(PathMatch.EXACT) && !value.startsWith("/")) {
      out.add(valuePath, "must be an absolute path");
    }
  }

  private static boolean anyMatchWithoutPrefix(List<Match> matches) {
    return matches.stream().anyMatch(m -> m == null || m.path() == null
        || !PathMatch.PATH_PREFIX.equals(m.path().type()));
  }

  private static void validateFilters(FieldPath path, TargetRef top, List<Filter> filters,
      List<Match> matches, Violations out) {
    for (int i = 0; i < Copies.size(filters); i++) {
      Filter filter = filters.get(i);
      if (filter == null || filter.type() == null) {
        continue;
      }
      FieldPath p = path.index(i);
      switch (filter.type()) {
        case Filter.REQUEST_HEADER_MODIFIER ->
            headerModifier(p.field("requestHeaderModifier"), filter.requestHeaderModifier(), out);
        case Filter.RESPONSE_HEADER_MODIFIER ->
            headerModifier(p.field("responseHeaderModifier"), filter.responseHeaderModifier(), out);
        case Filter.REQUEST_REDIRECT -> {
          var redirect = filter.requestRedirect();
          FieldPath r = p.field("requestRedirect");
          if (redirect == null) {
            out.add(r, Messages.MUST_BE_DEFINED);
            continue;
          }
          prefixRewrite(r, redirect.path(), matches, out);
          preciseHostname(r.field("hostname"), redirect.hostname(), out);
        }
        case Filter.URL_REWRITE -> {
          var rewrite = filter.urlRewrite();
          FieldPath r = p.field("urlRewrite");
          if (rewrite == null) {
            out.add(r, Messages.MUST_BE_DEFINED);
            continue;
          }
          prefixRewrite(r, rewrite.path(), matches, out);
          preciseHostname(r.field("hostname"), rewrite.hostname(), out);
          if (Boolean.TRUE.equals(rewrite.hostToBackendHostname())) {
            if (!MESH_GATEWAY.equals(top.kind())) {
              out.add(r.field("hostToBackendHostname"), "can only be set with MeshGateway");
            }
            if (rewrite.hostname() != null) {
              out.add(r.field("hostToBackendHostname"), "cannot be set together with hostname");
            }
          }
        }
        case Filter.REQUEST_MIRROR -> {
          var mirror = filter.requestMirror();
          if (mirror == null) {
            out.add(p.field("requestMirror"), Messages.MUST_BE_DEFINED);
            continue;
          }
          TargetRefValidation.validate(p.field("requestMirror").field("backendRef"),
              mirror.backendRef() == null ? null : mirror.backendRef().targetRef(), MIRROR, out);
        }
        default -> {
          // unknown filter types are rejected by Kuma's schema
        }
      }
    }
  }

  private static void prefixRewrite(FieldPath path, PathRewrite rewrite, List<Match> matches,
      Violations out) {
    if (rewrite != null && rewrite.replacePrefixMatch() != null && anyMatchWithoutPrefix(matches)) {
      out.add(path.field("path").field("replacePrefixMatch"), PREFIX_ONLY);
    }
  }

  /** Kuma's {@code validatePreciseHostname}: a DNS name that is not an IP address. */
  private static void preciseHostname(FieldPath path, String hostname, Violations out) {
    if (hostname == null) {
      return;
    }
    if (GoNet.isIPSloppy(hostname)) {
      out.add(path, "cannot be an IP address");
      return;
    }
    for (String error : K8sNames.dns1123SubdomainErrors(hostname)) {
      out.add(path, error);
    }
  }

  private static void headerModifier(FieldPath path, HeaderModifier modifier, Violations out) {
    if (modifier == null) {
      out.add(path, Messages.MUST_BE_DEFINED);
      return;
    }
    if (modifier.set() == null && modifier.add() == null && modifier.remove() == null) {
      out.add(path, Messages.mustHaveAtLeastOne("set", "add", "remove"));
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < Copies.size(modifier.set()); i++) {
      duplicate(path.field("set").index(i), name(modifier.set().get(i)), seen, out);
    }
    for (int i = 0; i < Copies.size(modifier.add()); i++) {
      duplicate(path.field("add").index(i), name(modifier.add().get(i)), seen, out);
    }
    for (int i = 0; i < Copies.size(modifier.remove()); i++) {
      String name = modifier.remove().get(i);
      duplicate(path.field("remove").index(i), name == null ? "" : name, seen, out);
    }
  }

  private static String name(HeaderKeyValue header) {
    return header == null || header.name() == null ? "" : header.name();
  }

  private static void duplicate(FieldPath path, String name, Set<String> seen, Violations out) {
    if (!seen.add(name)) {
      out.add(path.field("name"), "duplicate header name");
    }
  }

  private static void validateBackendRefs(FieldPath path, TargetRef top, List<BackendRef> refs,
      List<Filter> filters, Violations out) {
    if (refs.isEmpty() && MESH_GATEWAY.equals(top.kind()) && filters.stream().noneMatch(
        f -> f != null && Filter.REQUEST_REDIRECT.equals(f.type()))) {
      out.add(path, Messages.MUST_NOT_BE_EMPTY);
    }
    for (int i = 0; i < refs.size(); i++) {
      BackendRef ref = refs.get(i);
      TargetRefValidation.validate(path.index(i), ref == null ? null : ref.targetRef(), BACKEND, out);
      PolicyChecks.backendRef(path.index(i), ref, out);
    }
  }
}
