package org.kumaj.model.policies.meshhealthcheck;

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

class MeshHealthCheckTest {
  private static final String FULL = """
      targetRef:
        kind: Mesh
      to:
        - targetRef:
            kind: MeshService
            name: backend
          default:
            interval: 10s
            timeout: 2s
            unhealthyThreshold: 3
            healthyThreshold: 1
            initialJitter: 5s
            intervalJitter: 6s
            intervalJitterPercent: 10
            failTrafficOnPanic: true
            eventLogPath: /tmp/health-check.log
            alwaysLogHealthCheckFailures: false
            noTrafficInterval: 1m0s
            tcp:
              disabled: false
              send: Zm9v
              receive: [YmFy, YmF6]
            http:
              disabled: false
              path: /health
              requestHeadersToAdd:
                set:
                  - name: x-check
                    value: "1"
                add:
                  - name: x-source
                    value: kuma
              expectedStatuses: [200, 201]
            grpc:
              disabled: true
              serviceName: grpc.health.v1.Health
              authority: backend.mesh
            reuseConnection: true
      """;

  @Test
  void bindsEveryField() throws Exception {
    MeshHealthCheck spec = assertRoundTrip(MeshHealthCheck.TYPE, FULL);
    assertThat(spec.to().get(0).defaultConf().http().requestHeadersToAdd().add().get(0).value())
        .isEqualTo("kuma");
  }

  @ParameterizedTest
  @ValueSource(strings = {FULL, """
      targetRef: {kind: MeshGateway, name: edge, tags: {listener: a}}
      to:
        - targetRef: {kind: Mesh}
          default:
            grpc: {}
      """})
  void acceptsValidSpecs(String yaml) {
    assertThat(violations(MeshHealthCheck.TYPE, META, yaml)).isEmpty();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("""
            targetRef: {kind: MeshGatewayRoute}
            to:
              - targetRef: {kind: MeshServiceSubset, name: a}
            """, """
            spec.targetRef.kind: value 'MeshGatewayRoute' is not supported
            spec.to[0].targetRef.kind: value 'MeshServiceSubset' is not supported
            spec.to[0].default: must have at least one defined: http, tcp, grpc
            """),
        Arguments.of("""
            to:
              - targetRef: {kind: Mesh}
                default:
                  interval: 0s
                  timeout: -1s
                  unhealthyThreshold: 0
                  healthyThreshold: -1
                  initialJitter: 0s
                  intervalJitter: -2s
                  intervalJitterPercent: 101
                  healthyPanicThreshold: 101
                  noTrafficInterval: 0s
                  eventLogPath: relative/path
                  http:
                    path: ""
                    expectedStatuses: [99, 600, 200]
            """, """
            spec.to[0].default.interval: must be greater than zero when defined
            spec.to[0].default.timeout: must be greater than zero when defined
            spec.to[0].default.unhealthyThreshold: must be greater than zero when defined
            spec.to[0].default.healthyThreshold: must be greater than zero when defined
            spec.to[0].default.initialJitter: must be greater than zero when defined
            spec.to[0].default.intervalJitter: must be greater than zero when defined
            spec.to[0].default.intervalJitterPercent: must be in inclusive range [0, 100]
            spec.to[0].default.healthyPanicThreshold: must be in inclusive range [0.0, 100.0]
            spec.to[0].default.noTrafficInterval: must be greater than zero when defined
            spec.to[0].default.eventLogPath: must be a valid path when defined
            spec.to[0].default.http.path: must be defined
            spec.to[0].default.http.expectedStatuses[0]: must be in inclusive range [100, 599]
            spec.to[0].default.http.expectedStatuses[1]: must be in inclusive range [100, 599]
            """));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void reportsEveryViolation(String yaml, String violations) {
    assertThat(violations(MeshHealthCheck.TYPE, META, yaml)).isEqualTo(expected(violations));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/var/log/hc.log", "C:\\\\logs\\\\hc.log", "/"})
  void acceptsWindowsAndUnixEventLogPaths(String path) {
    assertThat(violations(MeshHealthCheck.TYPE, META, """
        to:
          - targetRef: {kind: Mesh}
            default:
              eventLogPath: "%s"
              tcp: {}
        """.formatted(path))).isEmpty();
  }

  @Test
  void warnsAboutHealthyPanicThreshold() {
    assertThat(warnings(MeshHealthCheck.TYPE, """
        targetRef: {kind: MeshSubset, tags: {a: b}}
        to:
          - targetRef: {kind: Mesh}
            default:
              healthyPanicThreshold: 50
              tcp: {}
        """)).containsExactly(
        "MeshSubset value for 'targetRef.kind' is deprecated, use Dataplane with labels instead",
        "healthyPanicThreshold for 'to[].default' is deprecated. The setting has been moved to"
            + " MeshCircuitBreaker policy, please use MeshCircuitBreaker policy instead.");
  }

  @Test
  void rejectsWrongJsonTypes() {
    assertThatThrownBy(() -> Json.mapper().readValue(
        "{\"to\":[{\"default\":{\"http\":{\"expectedStatuses\":[\"200\"]}}}]}",
        MeshHealthCheck.class)).isInstanceOf(MismatchedInputException.class);
  }
}
