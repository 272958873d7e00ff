package org.kumaj.model.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kumaj.model.system.SpecAssertions.assertRoundTrip;
import static org.kumaj.model.system.SpecAssertions.lines;
import static org.kumaj.model.system.SpecAssertions.rewrite;
import static org.kumaj.model.system.SpecAssertions.tree;
import static org.kumaj.model.system.SpecAssertions.validate;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kumaj.model.codec.Json;

class MeshGatewayRouteTest {
  static final String HTTP = """
      selectors:
        - match:
            kuma.io/service: edge-gateway
      conf:
        http:
          hostnames:
            - example.com
          rules:
            - matches:
                - path:
                    match: PREFIX
                    value: /api
                  method: GET
                  headers:
                    - match: REGEX
                      name: x-version
                      value: v[12]
                  queryParameters:
                    - name: debug
                      value: 'true'
              filters:
                - requestHeader:
                    set:
                      - name: x-env
                        value: prod
                    add:
                      - name: x-trace
                        value: '1'
                    remove:
                      - x-internal
                - mirror:
                    backend:
                      weight: 1
                      destination:
                        kuma.io/service: shadow
                    percentage: 12.5
                - rewrite:
                    replacePrefixMatch: /v2
                    hostToBackendHostname: true
                - responseHeader:
                    set:
                      - name: x-served-by
                        value: kuma
              backends:
                - weight: 100
                  destination:
                    kuma.io/service: api
            - matches:
                - path:
                    value: /old
              filters:
                - redirect:
                    scheme: https
                    hostname: example.com
                    port: 8443
                    statusCode: 301
                    path:
                      replaceFull: /new
      """;

  @Test
  void bindsEveryFieldAndWritesItBack() throws Exception {
    MeshGatewayRoute route = assertRoundTrip(HTTP, MeshGatewayRoute.class);
    assertThat(route.conf().http().rules().get(0).filters().get(1).mirror().percentage()).isEqualTo(12.5);
    assertThat(validate(MeshGatewayRoute.TYPE, "route", HTTP).list()).isEmpty();
    String tcp = """
        selectors:
          - match:
              kuma.io/service: edge-gateway
        conf:
          tcp:
            rules:
              - backends:
                  - weight: 1
                    destination:
                      kuma.io/service: db
        """;
    assertThat(assertRoundTrip(tcp, MeshGatewayRoute.class).conf().tcp().rules()).hasSize(1);
    assertThat(validate(MeshGatewayRoute.TYPE, "route", tcp).list()).isEmpty();
  }

  @Test
  void readsProtoNamesAndOmitsZeroEnums() throws Exception {
    assertThat(rewrite("""
        conf:
          http:
            rules:
              - matches:
                  - method: NONE
                    path:
                      match: EXACT
                      value: /
                    query_parameters:
                      - match: EXACT
                        name: a
                        value: b
                filters:
                  - request_header:
                      remove: [x]
                  - redirect:
                      status_code: 302
                      path:
                        replace_prefix_match: ''
        """, MeshGatewayRoute.class)).isEqualTo(tree("""
        conf:
          http:
            rules:
              - matches:
                  - path:
                      value: /
                    queryParameters:
                      - name: a
                        value: b
                filters:
                  - requestHeader:
                      remove: [x]
                  - redirect:
                      statusCode: 302
                      path:
                        replacePrefixMatch: ''
        """));
  }

  @Test
  void wrongJsonTypeFailsBinding() {
    assertThatThrownBy(() -> Json.mapper().readValue(
        "{\"conf\":{\"http\":{\"hostnames\":\"example.com\"}}}", MeshGatewayRoute.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  static Stream<Arguments> invalidRoutes() {
    return Stream.of(
        Arguments.of("empty", "{}", List.of(
            "selectors: must have at least one element",
            "conf: cannot be empty")),
        Arguments.of("http without rules", """
            selectors:
              - match:
                  kuma.io/service: gw
            conf:
              http: {}
            """, List.of("conf.http.rules: cannot be empty")),
        Arguments.of("bad matches and filters", """
            selectors:
              - match:
                  kuma.io/service: gw
            conf:
              http:
                rules:
                  - matches:
                      - {}
                      - path:
                          match: REGEX
                        headers:
                          - match: PRESENT
                            value: x
                          - name: h
                        queryParameters:
                          - match: LIKE
                        method: FETCH
                      - path:
                          value: relative
                    filters:
                      - requestHeader: {}
                      - requestHeader:
                          set:
                            - name: Host
                              value: h
                          add:
                            - value: ''
                          remove: ['']
                      - rewrite:
                          hostToBackendHostname: true
                      - rewrite:
                          replacePrefixMatch: /x
                      - mirror:
                          percentage: 101
                    backends:
                      - destination:
                          version: v1
            """, List.of(
            "conf.http.rules[0].matches[0]: cannot be empty",
            "conf.http.rules[0].matches[1].method: unknown value \"\\\"FETCH\\\"\" for enum"
                + " kuma.mesh.v1alpha1.HttpMethod",
            "conf.http.rules[0].matches[1].value: cannot be empty",
            "conf.http.rules[0].matches[1].headers[0].name: cannot be empty",
            "conf.http.rules[0].matches[1].headers[0].value: cannot be set",
            "conf.http.rules[0].matches[1].headers[1].value: cannot be empty",
            "conf.http.rules[0].matches[1].query_parameters[0].match: unknown value \"\\\"LIKE\\\"\" for"
                + " enum kuma.mesh.v1alpha1.MeshGatewayRoute.HttpRoute.Match.Query.MatchType",
            "conf.http.rules[0].matches[1].query_parameters[0].name: cannot be empty",
            "conf.http.rules[0].matches[1].query_parameters[0].value: cannot be empty",
            "conf.http.rules[0].matches[2].value: must be an absolute path",
            "conf.http.rules[0].filters[0].request_header: cannot be empty",
            "conf.http.rules[0].filters[1].request_header.set[0]: cannot modify 'Host' header, when"
                + " route has set 'rewrite.host_to_backend_hostname' option",
            "conf.http.rules[0].filters[1].request_header.add[0].name: cannot be empty",
            "conf.http.rules[0].filters[1].request_header.add[0].value: cannot be empty",
            "conf.http.rules[0].filters[1].request_header.remove[0]: cannot be empty",
            "conf.http.rules[0].filters[2].rewrite.replacePrefixMatch: cannot be used without a match on"
                + " path prefix",
            "conf.http.rules[0].filters[3].mirror.percentage: has to be in [0.0 - 100.0] range",
            "conf.http.rules[0].filters[3].mirror.backend: cannot be empty",
            "conf.http.rules[0].backends[0]: mandatory tag \"kuma.io/service\" is missing")),
        Arguments.of("redirects", """
            selectors:
              - match:
                  kuma.io/service: gw
            conf:
              http:
                rules:
                  - matches:
                      - path:
                          match: PREFIX
                          value: /
                    filters:
                      - redirect:
                          port: 70000
                          statusCode: 200
                      - mirror:
                          backend:
                            destination:
                              kuma.io/service: m
                  - matches:
                      - path:
                          value: /a
                    filters:
                      - redirect:
                          statusCode: 301
                    backends:
                      - destination:
                          kuma.io/service: x
                  - matches: []
            """, List.of(
            "conf.http.rules[0].filters[0].redirect.port: port must be in the range [1, 65535]",
            "conf.http.rules[0].filters[0].redirect.status_code: must be in the range [300, 308]",
            "conf.http.rules[0].filters[1].mirror.percentage: cannot be empty",
            "conf.http.rules[0].filters: redirects cannot be used with other filters",
            "conf.http.rules[1].backends: must be empty when using redirect filters",
            "conf.http.rules[2].matches: cannot be empty")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidRoutes")
  void reportsKumasViolations(String name, String yaml, List<String> expected) throws Exception {
    assertThat(lines(validate(MeshGatewayRoute.TYPE, "route", yaml))).containsExactlyElementsOf(expected);
  }
}
