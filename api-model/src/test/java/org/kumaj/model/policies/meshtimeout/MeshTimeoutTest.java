package org.kumaj.model.policies.meshtimeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kumaj.model.policies.core.PolicyTesting.META;
import static org.kumaj.model.policies.core.PolicyTesting.PRODUCER_META;
import static org.kumaj.model.policies.core.PolicyTesting.assertRoundTrip;
import static org.kumaj.model.policies.core.PolicyTesting.expected;
import static org.kumaj.model.policies.core.PolicyTesting.violations;
import static org.kumaj.model.policies.core.PolicyTesting.warnings;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kumaj.model.GoDuration;
import org.kumaj.model.codec.Json;

class MeshTimeoutTest {
  private static final String FULL = """
      targetRef:
        kind: Dataplane
        labels:
          app: web
      to:
        - targetRef:
            kind: MeshService
            name: backend
            namespace: kuma-demo
            sectionName: http
          default:
            connectionTimeout: 2s
            idleTimeout: 1h0m0s
            http:
              requestTimeout: 15s
              streamIdleTimeout: 30m0s
              maxStreamDuration: 0s
              maxConnectionDuration: 1h0m0s
              requestHeadersTimeout: 500ms
      """;

  private static final String RULES = """
      targetRef:
        kind: Mesh
        proxyTypes: [Sidecar]
      rules:
        - matches:
            - spiffeID:
                type: Prefix
                value: spiffe://default/ns/kuma-demo
            - sni:
                type: Exact
                value: backend.mesh
          default:
            http:
              requestTimeout: 2s
              streamIdleTimeout: 10s
      """;

  @Test
  void bindsEveryField() throws Exception {
    MeshTimeout spec = assertRoundTrip(MeshTimeout.TYPE, FULL);
    assertThat(spec.to().get(0).defaultConf().http().requestHeadersTimeout())
        .isEqualTo(GoDuration.parse("500ms"));
    MeshTimeout rules = assertRoundTrip(MeshTimeout.TYPE, RULES);
    assertThat(rules.rules().get(0).matches().get(1).sni().value()).isEqualTo("backend.mesh");
  }

  @ParameterizedTest
  @ValueSource(strings = {FULL, RULES, """
      from:
        - targetRef:
            kind: Mesh
          default:
            idleTimeout: 0s
      """})
  void acceptsValidSpecs(String yaml) {
    assertThat(violations(MeshTimeout.TYPE, META, yaml)).isEmpty();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("""
            targetRef:
              kind: Mesh
            """, "spec: at least one of 'from', 'to' or 'rules' has to be defined"),
        Arguments.of("""
            targetRef:
              kind: Dataplane
              sectionName: test
            to:
              - targetRef:
                  kind: MeshServiceSubset
                default:
                  http:
                    requestTimeout: 1s
            """, """
            spec.targetRef.sectionName: can only be used with inbound policies
            spec.to[0].targetRef.kind: value 'MeshServiceSubset' is not supported
            """),
        Arguments.of("""
            to:
              - targetRef:
                  kind: MeshService
                  name: web-backend
            """, "spec.to[0].default: at least one timeout should be configured"),
        Arguments.of("""
            to:
              - targetRef:
                  kind: MeshService
                  name: web-backend
                default:
                  connectionTimeout: -1s
                  idleTimeout: -1s
                  http:
                    requestTimeout: -10s
                    requestHeadersTimeout: -1s
            """, """
            spec.to[0].default.connectionTimeout: must be greater than zero when defined
            spec.to[0].default.idleTimeout: must not be negative when defined
            spec.to[0].default.http.requestTimeout: must not be negative when defined
            spec.to[0].default.http.requestHeadersTimeout: must not be negative when defined
            """),
        Arguments.of("""
            to:
              - targetRef:
                  kind: MeshService
                  name: web-backend
                default:
                  http:
                    requestHeadersTimeout: 1s
            """,
            "spec.to[0].default.http: at least one timeout in this section should be configured"),
        Arguments.of("""
            targetRef:
              kind: MeshHTTPRoute
              name: route-1
            to:
              - targetRef:
                  kind: MeshService
                  name: web-backend
                default:
                  connectionTimeout: 10s
                  idleTimeout: 1h
                  http:
                    requestTimeout: 1s
                    maxStreamDuration: 1h
                    maxConnectionDuration: 1h
            from:
              - targetRef:
                  kind: Mesh
                default:
                  connectionTimeout: 11s
            """, """
            spec.from: must not be defined
            spec.to[0].targetRef.kind: value 'MeshService' is not supported
            spec.to[0].default.connectionTimeout: can't be specified when top-level TargetRef is referencing MeshHTTPRoute
            spec.to[0].default.idleTimeout: can't be specified when top-level TargetRef is referencing MeshHTTPRoute
            spec.to[0].default.http.maxStreamDuration: can't be specified when top-level TargetRef is referencing MeshHTTPRoute
            spec.to[0].default.http.maxConnectionDuration: can't be specified when top-level TargetRef is referencing MeshHTTPRoute
            """),
        Arguments.of("""
            to:
              - targetRef:
                  kind: MeshExternalService
                  name: web-backend
                  labels:
                    kuma.io/display-name: web-backend
                default:
                  idleTimeout: 1h
              - targetRef:
                  kind: MeshHTTPRoute
                  name: route
                  sectionName: x
                default:
                  idleTimeout: 1h
              - default:
                  idleTimeout: 1h
            """, """
            spec.to[0].targetRef.labels: either labels or name must be specified
            spec.to[1].targetRef.sectionName: must not be set with kind MeshHTTPRoute
            spec.to[2].targetRef.kind: must be defined
            """),
        Arguments.of("""
            rules:
              - default:
                  connectionTimeout: 10s
            from:
              - targetRef:
                  kind: MeshSubset
                  tags:
                    version: v1
                default:
                  connectionTimeout: 10s
            """, """
            spec: fields 'to' and 'from' must be empty when 'rules' is defined
            spec.from[0].targetRef.kind: value 'MeshSubset' is not supported
            """),
        Arguments.of("""
            rules:
              - matches:
                  - {}
                  - spiffeID:
                      value: spiffe://default/client
                  - spiffeID:
                      type: Regex
                      value: default/client
                  - sni:
                      value: Not_A_Host
                default: {}
            """, """
            spec.rules[0].matches[0]: must specify at least one of 'spiffeID' or 'sni'
            spec.rules[0].matches[1].spiffeID.type: must be set
            spec.rules[0].matches[2].spiffeID: must be a valid Spiffe ID: scheme is missing or invalid
            spec.rules[0].matches[2].spiffeID.type: unrecognized type "Regex", supported values are: Exact, Prefix
            spec.rules[0].matches[3].sni.type: must be set
            spec.rules[0].matches[3].sni.value: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')
            spec.rules[0].default: at least one timeout should be configured
            """),
        Arguments.of("""
            rules:
              - matches:
                  - spiffeID:
                      type: Exact
                      value: spiffe://default/client
                default:
                  connectionTimeout: 10s
                  idleTimeout: 1s
                  http:
                    requestTimeout: 1s
                    requestHeadersTimeout: 2s
                    maxStreamDuration: 3s
                    maxConnectionDuration: 3s
            """, """
            spec.rules[0].default.connectionTimeout: can't be specified when matches contain spiffeID because this field cannot be conditioned on source identity
            spec.rules[0].default.idleTimeout: can't be specified when matches contain spiffeID because this field cannot be conditioned on source identity
            spec.rules[0].default.http.requestHeadersTimeout: can't be specified when matches contain spiffeID because this field cannot be conditioned on source identity
            spec.rules[0].default.http.maxStreamDuration: can't be specified when matches contain spiffeID because this field cannot be conditioned on source identity
            spec.rules[0].default.http.maxConnectionDuration: can't be specified when matches contain spiffeID because this field cannot be conditioned on source identity
            """));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void reportsEveryViolation(String yaml, String violations) {
    assertThat(violations(MeshTimeout.TYPE, META, yaml)).isEqualTo(expected(violations));
  }

  @Test
  void narrowsTopLevelKindsForNonSystemRoles() {
    String yaml = """
        targetRef:
          kind: MeshGateway
          name: edge
        to:
          - targetRef:
              kind: Mesh
            default:
              idleTimeout: 1h
        """;
    assertThat(violations(MeshTimeout.TYPE, META, yaml)).isEmpty();
    assertThat(violations(MeshTimeout.TYPE, PRODUCER_META, yaml))
        .isEqualTo(expected("spec.targetRef.kind: value 'MeshGateway' is not supported"));
  }

  @Test
  void warnsAboutDeprecatedFields() {
    assertThat(warnings(MeshTimeout.TYPE, """
        targetRef:
          kind: MeshService
          name: web
        from:
          - targetRef:
              kind: Mesh
            default:
              idleTimeout: 1h
        """)).containsExactly("'from' field is deprecated, use 'rules' instead",
        "MeshService value for 'targetRef.kind' is deprecated, use Dataplane with labels instead");
  }

  @Test
  void rejectsWrongJsonTypes() {
    assertThatThrownBy(() -> Json.mapper().readValue(
        "{\"to\":[{\"targetRef\":{\"kind\":\"Mesh\",\"name\":2}}]}", MeshTimeout.class))
        .isInstanceOf(MismatchedInputException.class);
  }
}
