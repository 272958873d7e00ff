package org.kumaj.model.policies.meshfaultinjection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kumaj.model.policies.core.PolicyTesting.META;
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
import org.kumaj.model.codec.Json;
import org.kumaj.model.policies.core.IntOrString;

class MeshFaultInjectionTest {
  private static final String RULES = """
      targetRef:
        kind: Dataplane
        labels: {app: backend}
        sectionName: http
      rules:
        - matches:
            - sni: {type: Exact, value: backend.mesh}
          default:
            http:
              - abort:
                  httpStatus: 503
                  percentage: 50
              - delay:
                  value: 5s
                  percentage: "12.5"
              - responseBandwidth:
                  limit: 10 Mbps
                  percentage: 100
      """;

  private static final String GATEWAY = """
      targetRef:
        kind: MeshGateway
        name: edge
      to:
        - targetRef: {kind: Mesh}
          default:
            http:
              - abort: {httpStatus: 500, percentage: 1}
                delay: {value: 100ms, percentage: 1}
      """;

  @Test
  void bindsEveryField() throws Exception {
    MeshFaultInjection spec = assertRoundTrip(MeshFaultInjection.TYPE, RULES);
    assertThat(spec.rules().get(0).defaultConf().http().get(1).delay().percentage())
        .isEqualTo(IntOrString.of("12.5"));
    assertRoundTrip(MeshFaultInjection.TYPE, GATEWAY);
  }

  @ParameterizedTest
  @ValueSource(strings = {RULES, GATEWAY, """
      targetRef:
        kind: Mesh
        proxyTypes: [Sidecar]
      from:
        - targetRef:
            kind: MeshSubset
            tags: {app: web}
          default:
            http:
              - abort: {httpStatus: 500, percentage: 0}
      """})
  void acceptsValidSpecs(String yaml) {
    assertThat(violations(MeshFaultInjection.TYPE, META, yaml)).isEmpty();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("""
            targetRef:
              kind: MeshService
              name: backend
            from:
              - targetRef: {kind: Mesh}
                default:
                  http:
                    - abort:
                        httpStatus: 1
                        percentage: 101
                    - delay:
                        value: -5s
                        percentage: "-0.1"
                    - responseBandwidth:
                        limit: 10 mb
                        percentage: abc
                    - abort: {}
                      delay: {}
                      responseBandwidth: {}
            """, """
            spec.from[0].default.http.abort[0].httpStatus: must be in inclusive range [100, 599]
            spec.from[0].default.http.abort[0].percentage: must be in inclusive range [0.0, 100.0]
            spec.from[0].default.http.delay[1].value: must not be negative when defined
            spec.from[0].default.http.delay[1].percentage: must be in inclusive range [0.0, 100.0]
            spec.from[0].default.http.responseBandwidth[2].limit: must be in kbps/Mbps/Gbps units
            spec.from[0].default.http.responseBandwidth[2].percentage: string must be a valid number
            spec.from[0].default.http.abort[3].httpStatus: must be in inclusive range [100, 599]
            spec.from[0].default.http.responseBandwidth[3].limit: must be defined
            """),
        Arguments.of("""
            targetRef:
              kind: Dataplane
              sectionName: http
            to:
              - targetRef: {kind: Mesh}
            """, """
            spec.targetRef.sectionName: can only be used with inbound policies
            spec.to: must not be defined
            """),
        Arguments.of("""
            targetRef:
              kind: Mesh
            from:
              - targetRef: {kind: Mesh}
            to:
              - targetRef: {kind: Mesh}
              - targetRef: {kind: MeshService, name: backend}
            rules:
              - matches:
                  - sni: {type: Prefix, value: backend}
                  - spiffeID: {type: Exact, value: backend}
            """, """
            spec: field 'from' must be empty when 'rules' is defined
            spec.rules[0].matches[0].sni.type: unrecognized type "Prefix", supported values are: Exact
            spec.rules[0].matches[1].spiffeID: must be a valid Spiffe ID: scheme is missing or invalid
            spec.from: must not be defined when the scope includes a Gateway, select only proxyType Sidecar or select only gateways and use spec.to
            spec.to[1].targetRef.kind: value 'MeshService' is not supported
            """));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void reportsEveryViolation(String yaml, String violations) {
    assertThat(violations(MeshFaultInjection.TYPE, META, yaml)).isEqualTo(expected(violations));
  }

  @Test
  void warnsAboutFrom() {
    assertThat(warnings(MeshFaultInjection.TYPE, """
        targetRef: {kind: Mesh, proxyTypes: [Sidecar]}
        from:
          - targetRef: {kind: Mesh}
        """)).containsExactly(
        "'from' field is deprecated, use 'rules' with SPIFFE-based 'matches' instead");
  }

  @Test
  void rejectsWrongJsonTypes() {
    assertThatThrownBy(() -> Json.mapper().readValue(
        "{\"rules\":[{\"default\":{\"http\":[{\"abort\":{\"httpStatus\":\"500\"}}]}}]}",
        MeshFaultInjection.class)).isInstanceOf(MismatchedInputException.class);
  }
}
