package org.kumaj.model.mesh;

import static org.kumaj.model.mesh.MeshValidator.orEmpty;

import java.util.ArrayList;
import java.util.List;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/**
 * Kuma's {@code MeshGatewayRouteResource.Validate}. Kuma's paths are kept, including
 * {@code query_parameters}, {@code request_header} and {@code status_code}.
 */
final class MeshGatewayRouteValidator implements SpecValidator<MeshGatewayRoute> {
  private static final TagChecks.Options BACKEND_TAGS =
      TagChecks.Options.NONE.withRequireAtLeastOneTag().withRequireService(true);

  @Override
  public void validate(ResourceMeta meta, MeshGatewayRoute spec, Violations out) {
    TagChecks.validateSelectors(FieldPath.of("selectors"), spec.selectors(), BACKEND_TAGS, true, false, out);
    FieldPath path = FieldPath.of("conf");
    MeshGatewayRoute.Conf conf = spec.conf();
    if (conf == null || (conf.tcp() == null && conf.http() == null)) {
      out.add(path, "cannot be empty");
    }
    if (conf != null && conf.http() != null) {
      validateHttp(path.field("http"), conf.http(), out);
    }
  }

  private static void validateHttp(FieldPath path, MeshGatewayRoute.HttpRoute http, Violations out) {
    List<MeshGatewayRoute.HttpRule> rules = orEmpty(http.rules());
    if (rules.isEmpty()) {
      out.add(path.field("rules"), "cannot be empty");
      return;
    }
    for (int i = 0; i < rules.size(); i++) {
      validateRule(path.field("rules").index(i), rules.get(i), out);
    }
  }

  private static void validateRule(FieldPath path, MeshGatewayRoute.HttpRule rule, Violations out) {
    List<MeshGatewayRoute.Match> matches = orEmpty(rule.matches());
    if (matches.isEmpty()) {
      out.add(path.field("matches"), "cannot be empty");
      return;
    }
    boolean hasPrefixMatch = false;
    for (int i = 0; i < matches.size(); i++) {
      MeshGatewayRoute.Match match = matches.get(i);
      validateMatch(path.field("matches").index(i), match, out);
      if (match.path() != null && ProtoEnum.PATH_MATCH.is(match.path().match(), "PREFIX")) {
        hasPrefixMatch = true;
      }
    }
    boolean rewriteHost = false;
    List<MeshGatewayRoute.Filter> filters = new ArrayList<>();
    for (MeshGatewayRoute.Filter f : orEmpty(rule.filters())) {
      if (f.rewrite() != null && Boolean.TRUE.equals(f.rewrite().hostToBackendHostname())) {
        rewriteHost = true;
        continue;
      }
      filters.add(f);
    }
    boolean hasRedirect = false;
    for (int i = 0; i < filters.size(); i++) {
      if (filters.get(i).redirect() != null) {
        hasRedirect = true;
      }
      validateFilter(path.field("filters").index(i), filters.get(i), hasPrefixMatch, rewriteHost, out);
    }
    if (hasRedirect && orEmpty(rule.filters()).size() != 1) {
      out.add(path.field("filters"), "redirects cannot be used with other filters");
      return;
    }
    List<MeshGatewayRoute.Backend> backends = orEmpty(rule.backends());
    if (backends.isEmpty() && !hasRedirect) {
      out.add(path.field("backends"), "cannot be empty");
    } else if (!backends.isEmpty() && hasRedirect) {
      out.add(path.field("backends"), "must be empty when using redirect filters");
    }
    for (int i = 0; i < backends.size(); i++) {
      validateBackend(path.field("backends").index(i), backends.get(i), out);
    }
  }

  private static void validateMatch(FieldPath path, MeshGatewayRoute.Match match, Violations out) {
    ProtoEnum.HTTP_METHOD.check(path.field("method"), match.method(), out);
    if (match.path() == null && ProtoEnum.HTTP_METHOD.is(match.method(), "NONE")
        && orEmpty(match.headers()).isEmpty() && orEmpty(match.queryParameters()).isEmpty()) {
      out.add(path, "cannot be empty");
    }
    MeshGatewayRoute.PathMatch p = match.path();
    if (p != null) {
      ProtoEnum.PATH_MATCH.check(path.field("path").field("match"), p.match(), out);
      String value = orEmpty(p.value());
      switch (ProtoEnum.PATH_MATCH.orZero(p.match())) {
        case "REGEX" -> {
          if (value.isEmpty()) {
            out.add(path.field("value"), "cannot be empty");
          }
        }
        case "PREFIX" -> {
          if (!value.equals("/") && !value.startsWith("/")) {
            out.add(path.field("value"), "must be an absolute path");
          }
        }
        default -> {
          if (!value.startsWith("/")) {
            out.add(path.field("value"), "must be an absolute path");
          }
        }
      }
    }
    List<MeshGatewayRoute.NameValueMatch> headers = orEmpty(match.headers());
    for (int i = 0; i < headers.size(); i++) {
      FieldPath at = path.field("headers").index(i);
      MeshGatewayRoute.NameValueMatch h = headers.get(i);
      ProtoEnum.HEADER_MATCH.check(at.field("match"), h.match(), out);
      if (orEmpty(h.name()).isEmpty()) {
        out.add(at.field("name"), "cannot be empty");
      }
      String type = ProtoEnum.HEADER_MATCH.orZero(h.match());
      if (type.equals("ABSENT") || type.equals("PRESENT")) {
        if (!orEmpty(h.value()).isEmpty()) {
          out.add(at.field("value"), "cannot be set");
        }
      } else if (orEmpty(h.value()).isEmpty()) {
        out.add(at.field("value"), "cannot be empty");
      }
    }
    List<MeshGatewayRoute.NameValueMatch> query = orEmpty(match.queryParameters());
    for (int i = 0; i < query.size(); i++) {
      FieldPath at = path.field("query_parameters").index(i);
      MeshGatewayRoute.NameValueMatch q = query.get(i);
      ProtoEnum.QUERY_MATCH.check(at.field("match"), q.match(), out);
      if (orEmpty(q.name()).isEmpty()) {
        out.add(at.field("name"), "cannot be empty");
      }
      if (orEmpty(q.value()).isEmpty()) {
        out.add(at.field("value"), "cannot be empty");
      }
    }
  }

  private static void validateFilter(FieldPath path, MeshGatewayRoute.Filter filter,
      boolean hasPrefixMatch, boolean rewriteHost, Violations out) {
    MeshGatewayRoute.HeaderFilter request = filter.requestHeader();
    if (request != null) {
      FieldPath at = path.field("request_header");
      if (orEmpty(request.set()).isEmpty() && orEmpty(request.add()).isEmpty()
          && orEmpty(request.remove()).isEmpty()) {
        out.add(at, "cannot be empty");
      }
      validateHeaders(at.field("set"), orEmpty(request.set()), rewriteHost, out);
      validateHeaders(at.field("add"), orEmpty(request.add()), rewriteHost, out);
      List<String> remove = orEmpty(request.remove());
      for (int i = 0; i < remove.size(); i++) {
        if (orEmpty(remove.get(i)).isEmpty()) {
          out.add(at.field("remove").index(i), "cannot be empty");
        }
      }
    }
    MeshGatewayRoute.Redirect redirect = filter.redirect();
    if (redirect != null) {
      FieldPath at = path.field("redirect");
      int port = redirect.port() == null ? 0 : redirect.port();
      if (port > 0) {
        MeshValidator.validatePort(at.field("port"), port, out);
      }
      int status = redirect.statusCode() == null ? 0 : redirect.statusCode();
      if (status < 300 || status > 308) {
        out.add(at.field("status_code"), "must be in the range [300, 308]");
      }
    }
    MeshGatewayRoute.Mirror mirror = filter.mirror();
    if (mirror != null) {
      FieldPath at = path.field("mirror");
      if (mirror.percentage() == null) {
        out.add(at.field("percentage"), "cannot be empty");
      } else if (mirror.percentage() < 0.0 || mirror.percentage() > 100.0) {
        out.add(at.field("percentage"), "has to be in [0.0 - 100.0] range");
      }
      validateBackend(at.field("backend"), mirror.backend(), out);
    }
    MeshGatewayRoute.Rewrite rewrite = filter.rewrite();
    if (rewrite != null && rewrite.replacePrefixMatch() != null && rewrite.replaceFull() == null
        && !hasPrefixMatch) {
      out.add(path.field("rewrite").field("replacePrefixMatch"),
          "cannot be used without a match on path prefix");
    }
  }

  private static void validateHeaders(FieldPath path, List<MeshGatewayRoute.Header> headers,
      boolean rewriteHost, Violations out) {
    for (int i = 0; i < headers.size(); i++) {
      String name = orEmpty(headers.get(i).name());
      switch (name) {
        case ":authority", "Host", "host" -> {
          if (rewriteHost) {
            out.add(path.index(i), "cannot modify '" + name
                + "' header, when route has set 'rewrite.host_to_backend_hostname' option");
          }
        }
        case "" -> out.add(path.index(i).field("name"), "cannot be empty");
        default -> {
          // any other header may be changed
        }
      }
      if (orEmpty(headers.get(i).value()).isEmpty()) {
        out.add(path.index(i).field("value"), "cannot be empty");
      }
    }
  }

  private static void validateBackend(FieldPath path, MeshGatewayRoute.Backend backend, Violations out) {
    if (backend == null) {
      out.add(path, "cannot be empty");
      return;
    }
    TagChecks.validateSelector(path, backend.destination(), BACKEND_TAGS, out);
  }
}
