package org.kumaj.model.mesh;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.PolicyTraits;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;
import org.kumaj.model.system.ProtoJson;

/**
 * Routes of builtin gateways (legacy): where TCP or HTTP traffic arriving at selected gateway
 * listeners goes.
 *
 * @param selectors the gateway listeners the routes attach to
 * @param conf the TCP or HTTP routes
 */
public record MeshGatewayRoute(
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Selector> selectors,
    Conf conf) implements ResourceSpec {

  public static final ResourceType TYPE = ResourceType.builder("MeshGatewayRoute")
      .scope(Scope.MESH)
      .spec(SpecStyle.INLINE, MeshGatewayRoute.class)
      .wsPath("meshgatewayroutes")
      .kumactl("meshgatewayroute", "meshgatewayroutes")
      .displayNames("Mesh Gateway Route", "Mesh Gateway Routes")
      .kdsFlags(KdsFlags.GLOBAL_TO_ZONES)
      .policy(PolicyTraits.LEGACY)
      .notInspectable()
      .validator(new MeshGatewayRouteValidator())
      .build();

  /**
   * The routes: TCP or HTTP (a proto {@code oneof}).
   *
   * @param tcp TCP routes
   * @param http HTTP routes
   */
  public record Conf(TcpRoute tcp, HttpRoute http) {}

  /**
   * A destination of routed traffic.
   *
   * @param weight share of traffic
   * @param destination tags of the destination service ({@code kuma.io/service} required)
   */
  public record Backend(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer weight,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> destination) {}

  /**
   * TCP routes.
   *
   * @param rules the rules
   */
  public record TcpRoute(@JsonInclude(JsonInclude.Include.NON_EMPTY) List<TcpRule> rules) {}

  /**
   * A TCP rule.
   *
   * @param backends where the traffic goes
   */
  public record TcpRule(@JsonInclude(JsonInclude.Include.NON_EMPTY) List<Backend> backends) {}

  /**
   * HTTP routes.
   *
   * @param hostnames host names the routes apply to
   * @param rules the rules
   */
  public record HttpRoute(
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> hostnames,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<HttpRule> rules) {}

  /**
   * An HTTP rule: requests matching any match are filtered and sent to the backends.
   *
   * @param matches request matches
   * @param filters request and response filters
   * @param backends where the traffic goes
   */
  public record HttpRule(
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Match> matches,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Filter> filters,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Backend> backends) {}

  /**
   * An HTTP request match; all given conditions must hold.
   *
   * @param path path match
   * @param method HTTP method
   * @param headers header matches
   * @param queryParameters query parameter matches
   */
  public record Match(
      PathMatch path,
      @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = NoneIsZero.class) String method,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<NameValueMatch> headers,
      @JsonAlias("query_parameters") @JsonInclude(JsonInclude.Include.NON_EMPTY)
      List<NameValueMatch> queryParameters) {}

  /**
   * A path match.
   *
   * @param match {@code EXACT} (default), {@code PREFIX} or {@code REGEX}
   * @param value the path or expression
   */
  public record PathMatch(
      @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = ExactIsZero.class) String match,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String value) {}

  /**
   * A header or query parameter match.
   *
   * @param match {@code EXACT} (default) or {@code REGEX}; headers also {@code ABSENT} and
   *     {@code PRESENT}
   * @param name header or parameter name
   * @param value the value or expression
   */
  public record NameValueMatch(
      @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = ExactIsZero.class) String match,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String name,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String value) {}

  /**
   * One filter (a proto {@code oneof}).
   *
   * @param requestHeader change request headers
   * @param mirror mirror requests to another backend
   * @param redirect answer with a redirect
   * @param rewrite rewrite the path or host
   * @param responseHeader change response headers
   */
  public record Filter(
      @JsonAlias("request_header") HeaderFilter requestHeader,
      Mirror mirror,
      Redirect redirect,
      Rewrite rewrite,
      @JsonAlias("response_header") HeaderFilter responseHeader) {}

  /**
   * Header changes.
   *
   * @param set headers to set
   * @param add headers to add
   * @param remove names of headers to remove
   */
  public record HeaderFilter(
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Header> set,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Header> add,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> remove) {}

  /**
   * A header name and value.
   *
   * @param name header name
   * @param value header value
   */
  public record Header(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String name,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String value) {}

  /**
   * Request mirroring.
   *
   * @param backend the mirror destination
   * @param percentage share of mirrored requests, 0-100
   */
  public record Mirror(Backend backend, @ProtoJson.Double Double percentage) {}

  /**
   * A path or host rewrite; the path parts are a proto {@code oneof}.
   *
   * @param replaceFull replace the whole path
   * @param replacePrefixMatch replace the matched prefix
   * @param hostToBackendHostname set the Host header to the backend's host name
   */
  public record Rewrite(
      @JsonAlias("replace_full") String replaceFull,
      @JsonAlias("replace_prefix_match") String replacePrefixMatch,
      @JsonAlias("host_to_backend_hostname") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
      Boolean hostToBackendHostname) {}

  /**
   * A redirect answer.
   *
   * @param scheme scheme of the location
   * @param hostname host of the location
   * @param port port of the location
   * @param statusCode 3xx status code
   * @param path path rewrite of the location
   */
  public record Redirect(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String scheme,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String hostname,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer port,
      @JsonAlias("status_code") @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer statusCode,
      Rewrite path) {}

  /** Omits {@code method: NONE}, the zero value. */
  static final class NoneIsZero extends ProtoJson.EnumZero {
    NoneIsZero() {
      super("NONE");
    }
  }

  /** Omits {@code match: EXACT}, the zero value of every match type. */
  static final class ExactIsZero extends ProtoJson.EnumZero {
    ExactIsZero() {
      super("EXACT");
    }
  }
}
