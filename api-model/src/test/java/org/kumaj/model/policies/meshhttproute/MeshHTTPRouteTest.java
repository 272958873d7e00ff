package org.kumaj.model.policies.meshhttproute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kumaj.model.policies.core.PolicyTesting.META;
import static org.kumaj.model.policies.core.PolicyTesting.PRODUCER_META;
import static org.kumaj.model.policies.core.PolicyTesting.assertRoundTrip;
import static org.kumaj.model.policies.core.PolicyTesting.expected;
import static org.kumaj.model.policies.core.PolicyTesting.violations;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kumaj.model.codec.Json;
import org.kumaj.model.policies.core.IntOrString;

class MeshHTTPRouteTest {
  private static final String FULL = """
      targetRef:
        kind: Dataplane
        labels:
          app: frontend
      to:
        - targetRef:
            kind: MeshService
            name: backend
            namespace: kuma-demo
            sectionName: http
          rules:
            - matches:
                - path:
                    value: /api
                    type: PathPrefix
                  method: GET
                  queryParams:
                    - type: Exact
                      name: version
                      value: v2
                  headers:
                    - type: Exact
                      name: x-user
                      value: admin
              default:
                filters:
                  - type: RequestHeaderModifier
                    requestHeaderModifier:
                      set:
                        - name: x-set
                          value: a
                      add:
                        - name: x-add
                          value: b
                      remove: [x-remove]
                  - type: ResponseHeaderModifier
                    responseHeaderModifier:
                      add:
                        - name: x-resp
                          value: c
                  - type: URLRewrite
                    urlRewrite:
                      hostname: internal.backend
                      path:
                        type: ReplacePrefixMatch
                        replacePrefixMatch: /v2
                  - type: RequestMirror
                    requestMirror:
                      percentage: "12.5"
                      backendRef:
                        kind: MeshService
                        name: shadow
                        port: 8080
                backendRefs:
                  - kind: MeshService
                    name: backend
                    namespace: kuma-demo
                    port: 8080
                    weight: 90
                  - kind: MeshMultiZoneService
                    labels:
                      app: backend
                    port: 8080
                    weight: 10
      """;

  private static final String GATEWAY = """
      targetRef:
        kind: MeshGateway
        name: edge
        tags:
          port: http-80
      to:
        - targetRef:
            kind: Mesh
          hostnames: [example.com, "*.example.com"]
          rules:
            - matches:
                - path:
                    value: /old
                    type: Exact
              default:
                filters:
                  - type: RequestRedirect
                    requestRedirect:
                      scheme: https
                      hostname: new.example.com
                      path:
                        type: ReplaceFullPath
                        replaceFullPath: /new
                      port: 443
                      statusCode: 301
            - matches:
                - path:
                    value: /
                    type: PathPrefix
              default:
                filters:
                  - type: URLRewrite
                    urlRewrite:
                      hostToBackendHostname: true
                backendRefs:
                  - kind: MeshServiceSubset
                    name: backend
                    tags:
                      version: v1
                    weight: 1
      """;

  @Test
  void bindsEveryField() throws Exception {
    MeshHTTPRoute spec = assertRoundTrip(MeshHTTPRoute.TYPE, FULL);
    var rule = spec.to().get(0).rules().get(0);
    assertThat(rule.defaultConf().filters().get(3).requestMirror().percentage())
        .isEqualTo(IntOrString.of("12.5"));
    assertThat(rule.defaultConf().backendRefs().get(0).targetRef().namespace())
        .isEqualTo("kuma-demo");
    MeshHTTPRoute gateway = assertRoundTrip(MeshHTTPRoute.TYPE, GATEWAY);
    assertThat(gateway.to().get(0).rules().get(0).defaultConf().filters().get(0)
        .requestRedirect().statusCode()).isEqualTo(301);
  }

  @ParameterizedTest
  @ValueSource(strings = {FULL, GATEWAY})
  void acceptsValidSpecs(String yaml) {
    assertThat(violations(MeshHTTPRoute.TYPE, META, yaml)).isEmpty();
  }

  private static String route(String rules) {
    return """
        targetRef:
          kind: MeshService
          name: frontend
        to:
          - targetRef:
              kind: MeshService
              name: backend
            rules:
        """ + rules.indent(6);
  }

  static Stream<Arguments> invalid() {
    String rfc1123 = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric"
        + " characters, '-' or '.', and must start and end with an alphanumeric character (e.g."
        + " 'example.com', regex used for validation is"
        + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    return Stream.of(
        Arguments.of("""
            targetRef:
              kind: BlahBlah
            to:
              - targetRef:
                  kind: Mesh
                hostnames: [a.com]
                rules: []
            """, """
            spec.targetRef.kind: value 'BlahBlah' is not supported
            spec.to[0].targetRef.kind: value 'Mesh' is not supported
            spec.to[0].hostnames: must not be defined
            """),
        Arguments.of(route("""
            - matches:
                - path: {value: relative, type: Exact}
                - path: {value: /trailing/slash/, type: PathPrefix}
                - path: {value: relative, type: PathPrefix}
                - path: {value: "[a-z", type: RegularExpression}
                  queryParams:
                    - {type: Exact, name: foo, value: a}
                    - {type: Exact, name: foo, value: b}
                  headers:
                    - {type: Present, name: x-a, value: a}
                    - {type: Absent, name: x-b, value: b}
                    - {name: x-c, value: c}
              default:
                backendRefs:
                  - kind: MeshServiceSubset
                    tags: {version: v1}
                  - kind: MeshMultiZoneService
                    name: backend
                  - kind: MeshService
                    name: kuma.io/unresolved-backend
                  - kind: MeshService
                    name: Bad/Name
            """), """
            spec.to[0].rules[0].matches[0].path.value: must be an absolute path
            spec.to[0].rules[0].matches[1].path.value: does not need a trailing slash because only a `/`-separated prefix or an entire path is matched
            spec.to[0].rules[0].matches[2].path.value: must be an absolute path
            spec.to[0].rules[0].matches[3].queryParams[1].name: multiple entries for name foo
            spec.to[0].rules[0].matches[3].headers[0].value: must not be defined
            spec.to[0].rules[0].matches[3].headers[1].value: must not be defined
            spec.to[0].rules[0].default.backendRefs[0].name: must be set when kind is MeshServiceSubset
            spec.to[0].rules[0].default.backendRefs[1].port: must be defined with kind MeshMultiZoneService
            spec.to[0].rules[0].default.backendRefs[3].name: invalid characters: must consist of lower case alphanumeric characters, '-', '.' and '_'.
            """),
        Arguments.of(route("""
            - matches:
                - path: {value: /a, type: Exact}
              default:
                filters:
                  - type: RequestHeaderModifier
                  - type: ResponseHeaderModifier
                  - type: RequestRedirect
                  - type: RequestMirror
                  - type: URLRewrite
                  - type: RequestHeaderModifier
                    requestHeaderModifier:
                      set: [{name: x-a, value: a}, {name: x-a, value: b}]
                  - type: ResponseHeaderModifier
                    responseHeaderModifier: {}
                  - type: ResponseHeaderModifier
                    responseHeaderModifier:
                      set: [{name: x-a, value: a}]
                      add: [{name: x-a, value: b}]
                      remove: [x-a]
                  - type: URLRewrite
                    urlRewrite:
                      hostname: 127.0.0.1
                      hostToBackendHostname: true
                      path: {type: ReplacePrefixMatch, replacePrefixMatch: /b}
                  - type: RequestRedirect
                    requestRedirect:
                      hostname: a..bc
                      path: {type: ReplacePrefixMatch, replacePrefixMatch: /b}
                  - type: RequestRedirect
                    requestRedirect:
                      hostname: 010.001.002.003
                  - type: RequestRedirect
                    requestRedirect:
                      hostname: 2001:db8::1
                  - type: RequestMirror
                    requestMirror:
                      backendRef:
                        kind: MeshServiceSubset
            """), """
            spec.to[0].rules[0].default.filters[0].requestHeaderModifier: must be defined
            spec.to[0].rules[0].default.filters[1].responseHeaderModifier: must be defined
            spec.to[0].rules[0].default.filters[2].requestRedirect: must be defined
            spec.to[0].rules[0].default.filters[3].requestMirror: must be defined
            spec.to[0].rules[0].default.filters[4].urlRewrite: must be defined
            spec.to[0].rules[0].default.filters[5].requestHeaderModifier.set[1].name: duplicate header name
            spec.to[0].rules[0].default.filters[6].responseHeaderModifier: must have at least one defined: set, add, remove
            spec.to[0].rules[0].default.filters[7].responseHeaderModifier.add[0].name: duplicate header name
            spec.to[0].rules[0].default.filters[7].responseHeaderModifier.remove[0].name: duplicate header name
            spec.to[0].rules[0].default.filters[8].urlRewrite.path.replacePrefixMatch: can only appear if all matches match a path prefix
            spec.to[0].rules[0].default.filters[8].urlRewrite.hostname: cannot be an IP address
            spec.to[0].rules[0].default.filters[8].urlRewrite.hostToBackendHostname: can only be set with MeshGateway
            spec.to[0].rules[0].default.filters[8].urlRewrite.hostToBackendHostname: cannot be set together with hostname
            spec.to[0].rules[0].default.filters[9].requestRedirect.path.replacePrefixMatch: can only appear if all matches match a path prefix
            spec.to[0].rules[0].default.filters[9].requestRedirect.hostname: %1$s
            spec.to[0].rules[0].default.filters[10].requestRedirect.hostname: cannot be an IP address
            spec.to[0].rules[0].default.filters[11].requestRedirect.hostname: cannot be an IP address
            spec.to[0].rules[0].default.filters[12].requestMirror.backendRef.name: must be set when kind is MeshServiceSubset
            """.formatted(rfc1123)),
        Arguments.of("""
            targetRef:
              kind: MeshGateway
              name: edge
            to:
              - targetRef:
                  kind: MeshService
                  name: backend
                rules:
                  - matches:
                      - path: {value: /, type: PathPrefix}
                    default: {}
            """, """
            spec.to[0].targetRef.kind: value 'MeshService' is not supported
            spec.to[0].rules[0].default.backendRefs: must not be empty
            """));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void reportsEveryViolation(String yaml, String violations) {
    assertThat(violations(MeshHTTPRoute.TYPE, META, yaml)).isEqualTo(expected(violations));
  }

  @Test
  void gatewayTargetsNeedTheSystemRole() {
    assertThat(violations(MeshHTTPRoute.TYPE, PRODUCER_META, GATEWAY))
        .isEqualTo(expected("spec.targetRef.kind: value 'MeshGateway' is not supported"));
  }

  @Test
  void rejectsWrongJsonTypes() {
    assertThatThrownBy(() -> Json.mapper().readValue(
        "{\"to\":[{\"rules\":[{\"default\":{\"backendRefs\":[{\"kind\":\"MeshService\",\"port\":-1}]}}]}]}",
        MeshHTTPRoute.class)).isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> Json.mapper().readValue(
        "{\"to\":[{\"hostnames\":\"a.com\"}]}", MeshHTTPRoute.class))
        .isInstanceOf(MismatchedInputException.class);
  }
}
