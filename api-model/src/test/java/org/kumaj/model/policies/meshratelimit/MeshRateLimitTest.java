package org.kumaj.model.policies.meshratelimit;

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

class MeshRateLimitTest {
  private static final String RULES = """
      targetRef:
        kind: Dataplane
        labels: {app: backend}
      rules:
        - matches:
            - spiffeID: {type: Prefix, value: spiffe://default/ns/demo}
          default:
            local:
              http:
                disabled: false
                requestRate:
                  num: 100
                  interval: 1s
                onRateLimit:
                  status: 429
                  headers:
                    set:
                      - name: x-limited
                        value: "true"
                    add:
                      - name: x-retry
                        value: "1"
        - default:
            local:
              tcp:
                disabled: false
                connectionRate:
                  num: 10
                  interval: 100ms
      """;

  private static final String GATEWAY = """
      targetRef:
        kind: MeshGateway
        name: edge
      to:
        - targetRef: {kind: Mesh}
          default:
            local:
              http:
                requestRate: {num: 5, interval: 1m0s}
      """;

  @Test
  void bindsEveryField() throws Exception {
    MeshRateLimit spec = assertRoundTrip(MeshRateLimit.TYPE, RULES);
    assertThat(spec.rules().get(0).defaultConf().local().http().onRateLimit().headers().add())
        .hasSize(1);
    assertRoundTrip(MeshRateLimit.TYPE, GATEWAY);
  }

  @ParameterizedTest
  @ValueSource(strings = {RULES, GATEWAY})
  void acceptsValidSpecs(String yaml) {
    assertThat(violations(MeshRateLimit.TYPE, META, yaml)).isEmpty();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("""
            targetRef: {kind: MeshService, name: backend}
            from:
              - targetRef: {kind: MeshGatewayRoute}
              - targetRef: {kind: Mesh}
                default:
                  local:
                    http:
                      requestRate: {num: 0, interval: 10ms}
                      onRateLimit: {status: 0}
                    tcp:
                      connectionRate: {num: 0, interval: 50ms}
              - targetRef: {kind: Mesh}
                default:
                  local: {}
              - targetRef: {kind: Mesh}
                default:
                  local: {http: {}, tcp: {}}
              - targetRef: {kind: Mesh}
                default:
                  local:
                    http:
                      requestRate: {}
            """, """
            spec.from[0].targetRef.kind: value 'MeshGatewayRoute' is not supported
            spec.from[0].default.local: must be defined
            spec.from[1].default.local.http.requestRate.num: must be greater than 0
            spec.from[1].default.local.http.requestRate.interval: must be greater than: 50ms
            spec.from[1].default.local.http.onRateLimit.status: must be greater than 0
            spec.from[1].default.local.tcp.connectionRate.num: must be greater than 0
            spec.from[1].default.local.tcp.connectionRate.interval: must be greater than: 50ms
            spec.from[2].default.local: must have at least one defined: tcp, http
            spec.from[3].default.local.http: must have at least one defined: disabled, requestRate, onRateLimit
            spec.from[3].default.local.tcp: must have at least one defined: disabled, connectionRate
            spec.from[4].default.local.http.requestRate.num: must be greater than 0
            spec.from[4].default.local.http.requestRate.interval: must be greater than: 50ms
            """),
        Arguments.of("""
            targetRef: {kind: Dataplane, sectionName: http}
            to:
              - targetRef: {kind: Mesh}
            """, """
            spec.targetRef.sectionName: can only be used with inbound policies
            spec.to: must not be defined
            """),
        Arguments.of("""
            targetRef: {kind: Mesh}
            rules:
              - default: {local: {tcp: {disabled: true}}}
            from:
              - targetRef: {kind: Mesh}
            to:
              - targetRef: {kind: MeshService, name: x}
            """, """
            spec: fields 'to' and 'from' must be empty when 'rules' is defined
            spec.rules: must not be defined
            spec.from: must not be defined when the scope includes a Gateway, select only proxyType Sidecar or select only gateways and use spec.to
            spec.to[0].targetRef.kind: value 'MeshService' is not supported
            spec.to[0].default.local: must be defined
            """),
        Arguments.of("""
            targetRef: {kind: Mesh, proxyTypes: [Sidecar]}
            rules:
              - matches:
                  - spiffeID: {type: Exact, value: spiffe://default/a}
                  - spiffeID: {type: Unknown, value: spiffe://default/b}
                default:
                  local:
                    tcp: {disabled: true}
            """, """
            spec.rules[0].matches[1].spiffeID.type: unrecognized type "Unknown", supported values are: Exact, Prefix
            spec.rules[0].default.local.tcp: can't be specified when matches contain spiffeID because this field cannot be conditioned on source identity
            """));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void reportsEveryViolation(String yaml, String violations) {
    assertThat(violations(MeshRateLimit.TYPE, META, yaml)).isEqualTo(expected(violations));
  }

  @Test
  void warnsAboutFromAndLowStatuses() {
    assertThat(warnings(MeshRateLimit.TYPE, """
        targetRef: {kind: MeshService, name: backend}
        from:
          - targetRef: {kind: Mesh}
            default:
              local:
                http: {onRateLimit: {status: 200}}
        """)).containsExactly("'from' field is deprecated, use 'rules' instead",
        "'spec.from[0].default.local.http.requestRate.status' must be 400 or higher. Please update"
            + " your configuration.",
        "MeshService value for 'targetRef.kind' is deprecated, use Dataplane with labels instead");
  }

  @Test
  void rejectsWrongJsonTypes() {
    assertThatThrownBy(() -> Json.mapper().readValue(
        "{\"rules\":[{\"default\":{\"local\":{\"http\":{\"requestRate\":{\"num\":-5}}}}}]}",
        MeshRateLimit.class)).isInstanceOf(MismatchedInputException.class);
  }
}
