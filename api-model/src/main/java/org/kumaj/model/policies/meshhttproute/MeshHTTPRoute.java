package org.kumaj.model.policies.meshhttproute;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.PolicyTraits;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;
import org.kumaj.model.policies.core.BackendRef;
import org.kumaj.model.policies.core.Copies;
import org.kumaj.model.policies.core.GoStruct;
import org.kumaj.model.policies.core.HeaderKeyValue;
import org.kumaj.model.policies.core.HeaderMatch;
import org.kumaj.model.policies.core.IntOrString;
import org.kumaj.model.policies.core.TargetRef;

/**
 * MeshHTTPRoute: HTTP routing to a destination: matching on path, method, query and headers,
 * request/response filters, and weighted backends.
 *
 * @param targetRef the proxies the routes apply to (the whole mesh when absent)
 * @param to routes per destination
 */
public record MeshHTTPRoute(TargetRef targetRef, List<MeshHTTPRoute.To> to)
    implements ResourceSpec {

  public static final ResourceType TYPE = ResourceType.builder("MeshHTTPRoute")
      .scope(Scope.MESH)
      .spec(SpecStyle.NESTED, MeshHTTPRoute.class)
      .wsPath("meshhttproutes")
      .kumactl("meshhttproute", "meshhttproutes")
      .shortName("mhttpr")
      .displayNames("Mesh HTTP Route", "Mesh HTTP Routes")
      .kdsFlags(KdsFlags.GLOBAL_TO_ZONES | KdsFlags.ZONE_TO_GLOBAL | KdsFlags.SYNCED_ACROSS_ZONES)
      .policy(new PolicyTraits(true, true, false, false, false, false, true, false))
      .validator(new MeshHTTPRouteValidator())
      .specDefaults("{\"to\":[{\"rules\":[{\"default\":{\"backendRefs\":[{\"weight\":1}],\"filters\":[{\"requestMirror\":{\"backendRef\":{\"weight\":1}},\"requestRedirect\":{\"statusCode\":302}}]},\"matches\":[{\"headers\":[{\"type\":\"Exact\"}]}]}]}]}")
      .build();

  public MeshHTTPRoute {
    to = Copies.list(to);
  }

  /**
   * The routes to one destination.
   *
   * @param hostnames hostnames the routes apply to (only with a MeshGateway top-level target)
   * @param targetRef the destination
   * @param rules the routes, matched in order of specificity
   */
  public record To(List<String> hostnames, TargetRef targetRef, List<Rule> rules) {
    public To {
      hostnames = Copies.list(hostnames);
      rules = Copies.list(rules);
    }
  }

  /**
   * One route.
   *
   * @param matches requests the route applies to (any match)
   * @param defaultConf filters and backends of matched requests, Kuma's {@code default}
   */
  public record Rule(
      List<Match> matches,
      @JsonProperty("default") @GoStruct RuleConf defaultConf) {
    public Rule {
      matches = Copies.list(matches);
    }
  }

  /**
   * A request match; all present conditions must hold.
   *
   * @param path the request path
   * @param method the HTTP method ({@code GET}, {@code POST}, ...)
   * @param queryParams query parameters
   * @param headers request headers
   */
  public record Match(
      PathMatch path, String method, List<QueryParamsMatch> queryParams, List<HeaderMatch> headers) {
    public Match {
      queryParams = Copies.list(queryParams);
      headers = Copies.list(headers);
    }
  }

  /**
   * A path match.
   *
   * @param value the path, prefix or regular expression
   * @param type {@code Exact}, {@code PathPrefix} or {@code RegularExpression}
   */
  public record PathMatch(String value, String type) {
    public static final String EXACT = "Exact";
    public static final String PATH_PREFIX = "PathPrefix";
    public static final String REGULAR_EXPRESSION = "RegularExpression";
  }

  /**
   * A query parameter match.
   *
   * @param type {@code Exact} or {@code RegularExpression}
   * @param name the parameter name
   * @param value the value or expression
   */
  public record QueryParamsMatch(String type, String name, String value) {}

  /**
   * What happens to matched requests.
   *
   * @param filters request and response transformations
   * @param backendRefs weighted destinations of the traffic
   */
  public record RuleConf(List<Filter> filters, List<BackendRef> backendRefs) {
    public RuleConf {
      filters = Copies.list(filters);
      backendRefs = Copies.list(backendRefs);
    }
  }

  /**
   * A filter; the field named by {@code type} holds its settings.
   *
   * @param type {@code RequestHeaderModifier}, {@code ResponseHeaderModifier}, {@code
   *     RequestRedirect}, {@code URLRewrite} or {@code RequestMirror}
   * @param requestHeaderModifier changes to request headers
   * @param responseHeaderModifier changes to response headers
   * @param requestRedirect a redirect response
   * @param urlRewrite a rewrite of the request URL
   * @param requestMirror a copy of the request sent to another backend
   */
  public record Filter(
      String type,
      HeaderModifier requestHeaderModifier,
      HeaderModifier responseHeaderModifier,
      RequestRedirect requestRedirect,
      UrlRewrite urlRewrite,
      RequestMirror requestMirror) {
    public static final String REQUEST_HEADER_MODIFIER = "RequestHeaderModifier";
    public static final String RESPONSE_HEADER_MODIFIER = "ResponseHeaderModifier";
    public static final String REQUEST_REDIRECT = "RequestRedirect";
    public static final String URL_REWRITE = "URLRewrite";
    public static final String REQUEST_MIRROR = "RequestMirror";
  }

  /**
   * Header changes.
   *
   * @param set headers that overwrite existing values
   * @param add headers appended to existing values
   * @param remove names of headers to remove
   */
  public record HeaderModifier(List<HeaderKeyValue> set, List<HeaderKeyValue> add,
      List<String> remove) {
    public HeaderModifier {
      set = Copies.list(set);
      add = Copies.list(add);
      remove = Copies.list(remove);
    }
  }

  /**
   * A redirect response.
   *
   * @param scheme {@code http} or {@code https}
   * @param hostname the hostname of the redirect target
   * @param path how the path is rewritten
   * @param port the port of the redirect target
   * @param statusCode the redirect status (Kuma's default 302)
   */
  public record RequestRedirect(
      String scheme, String hostname, PathRewrite path, Integer port, Integer statusCode) {}

  /**
   * A path rewrite.
   *
   * @param type {@code ReplaceFullPath} or {@code ReplacePrefixMatch}
   * @param replaceFullPath the new path
   * @param replacePrefixMatch the replacement of the matched prefix
   */
  public record PathRewrite(String type, String replaceFullPath, String replacePrefixMatch) {}

  /**
   * A URL rewrite.
   *
   * @param hostname the new Host header
   * @param path how the path is rewritten
   * @param hostToBackendHostname use the backend's hostname as Host (MeshGateway only)
   */
  public record UrlRewrite(String hostname, PathRewrite path, Boolean hostToBackendHostname) {}

  /**
   * Request mirroring.
   *
   * @param percentage share of requests mirrored (all when absent)
   * @param backendRef where copies are sent
   */
  public record RequestMirror(IntOrString percentage, BackendRef backendRef) {}
}
