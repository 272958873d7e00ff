package org.kumaj.model.policies.meshcircuitbreaker;

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

class MeshCircuitBreakerTest {
  private static final String FULL = """
      targetRef:
        kind: Mesh
      to:
        - targetRef:
            kind: MeshMultiZoneService
            name: backend
          default:
            connectionLimits:
              maxConnections: 1024
              maxConnectionPools: 10
              maxPendingRequests: 128
              maxRetries: 3
              maxRequests: 1024
            outlierDetection:
              disabled: false
              interval: 5s
              baseEjectionTime: 30s
              maxEjectionPercent: 20
              splitExternalAndLocalErrors: true
              healthyPanicThreshold: "50.5"
              detectors:
                totalFailures:
                  consecutive: 10
                gatewayFailures:
                  consecutive: 5
                localOriginFailures:
                  consecutive: 7
                successRate:
                  minimumHosts: 5
                  requestVolume: 10
                  standardDeviationFactor: "1.9"
                failurePercentage:
                  minimumHosts: 5
                  requestVolume: 10
                  threshold: 85
      """;

  private static final String RULES = """
      targetRef:
        kind: Dataplane
        labels: {app: backend}
        sectionName: http
      rules:
        - default:
            connectionLimits:
              maxConnections: 2
      """;

  @Test
  void bindsEveryField() throws Exception {
    MeshCircuitBreaker spec = assertRoundTrip(MeshCircuitBreaker.TYPE, FULL);
    assertThat(spec.to().get(0).defaultConf().outlierDetection().healthyPanicThreshold())
        .isEqualTo(IntOrString.of("50.5"));
    assertRoundTrip(MeshCircuitBreaker.TYPE, RULES);
  }

  @ParameterizedTest
  @ValueSource(strings = {FULL, RULES})
  void acceptsValidSpecs(String yaml) {
    assertThat(violations(MeshCircuitBreaker.TYPE, META, yaml)).isEmpty();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("targetRef: {kind: Mesh}",
            "spec: at least one of 'from', 'to' or 'rules' has to be defined"),
        Arguments.of("""
            targetRef:
              kind: Dataplane
              sectionName: http
            to:
              - targetRef:
                  kind: MeshServiceSubset
                  name: a
                default:
                  connectionLimits: {maxConnections: 1}
              - targetRef:
                  kind: Mesh
            """, """
            spec.targetRef.sectionName: can only be used with inbound policies
            spec.to[0].targetRef.kind: value 'MeshServiceSubset' is not supported
            spec.to[1].default: at least one of: 'connectionLimits' or 'outlierDetection' should be configured
            """),
        Arguments.of("""
            rules:
              - default: {}
              - default:
                  outlierDetection: {}
            from:
              - targetRef:
                  kind: MeshService
                  name: web
                default:
                  connectionLimits: {maxRetries: 1}
            """, """
            spec: fields 'to' and 'from' must be empty when 'rules' is defined
            spec.from[0].default: at least one of: 'connectionLimits' or 'outlierDetection' should be configured
            spec.from[1].default.outlierDetection.detectors: must be defined
            spec.from[0].targetRef.kind: value 'MeshService' is not supported
            """),
        Arguments.of("""
            to:
              - targetRef:
                  kind: Mesh
                default:
                  connectionLimits:
                    maxConnections: 0
                    maxConnectionPools: 0
                    maxPendingRequests: 0
                    maxRetries: 0
                    maxRequests: 0
                  outlierDetection:
                    interval: 0s
                    baseEjectionTime: -1s
                    maxEjectionPercent: 101
                    healthyPanicThreshold: 101
                    detectors:
                      totalFailures: {consecutive: 0}
                      gatewayFailures: {consecutive: 0}
                      localOriginFailures: {consecutive: 0}
                      successRate:
                        minimumHosts: 0
                        requestVolume: 0
                        standardDeviationFactor: "-1.5"
                      failurePercentage:
                        minimumHosts: 0
                        requestVolume: 0
                        threshold: 101
              - targetRef:
                  kind: Mesh
                default:
                  outlierDetection:
                    healthyPanicThreshold: "x"
                    detectors: {}
              - targetRef:
                  kind: Mesh
                default:
                  outlierDetection:
                    detectors:
                      successRate:
                        standardDeviationFactor: "1.2.3"
            """, """
            spec.to[0].default.connectionLimits.maxConnections: must be greater than 0
            spec.to[0].default.connectionLimits.maxConnectionPools: must be greater than 0
            spec.to[0].default.connectionLimits.maxPendingRequests: must be greater than 0
            spec.to[0].default.connectionLimits.maxRetries: must be greater than 0
            spec.to[0].default.connectionLimits.maxRequests: must be greater than 0
            spec.to[0].default.outlierDetection.interval: must be greater than zero when defined
            spec.to[0].default.outlierDetection.baseEjectionTime: must be greater than zero when defined
            spec.to[0].default.outlierDetection.maxEjectionPercent: must be in inclusive range [0, 100]
            spec.to[0].default.outlierDetection.healthyPanicThreshold: must be in inclusive range [0.0, 100.0]
            spec.to[0].default.outlierDetection.detectors.totalFailures.consecutive: must be greater than 0
            spec.to[0].default.outlierDetection.detectors.gatewayFailures.consecutive: must be greater than 0
            spec.to[0].default.outlierDetection.detectors.localOriginFailures.consecutive: must be greater than 0
            spec.to[0].default.outlierDetection.detectors.successRate.minimumHosts: must be greater than 0
            spec.to[0].default.outlierDetection.detectors.successRate.requestVolume: must be greater than 0
            spec.to[0].default.outlierDetection.detectors.successRate.standardDeviationFactor: must be greater than 0
            spec.to[0].default.outlierDetection.detectors.failurePercentage.minimumHosts: must be greater than 0
            spec.to[0].default.outlierDetection.detectors.failurePercentage.requestVolume: must be greater than 0
            spec.to[0].default.outlierDetection.detectors.failurePercentage.threshold: must be in inclusive range [0, 100]
            spec.to[1].default.outlierDetection.healthyPanicThreshold: string must be a valid number
            spec.to[1].default.outlierDetection.detectors: must have at least one defined: totalFailures, gatewayFailures, localOriginFailures, successRate, failurePercentage
            spec.to[2].default.outlierDetection.detectors.successRate.standardDeviationFactor: invalid number
            """));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void reportsEveryViolation(String yaml, String violations) {
    assertThat(violations(MeshCircuitBreaker.TYPE, META, yaml)).isEqualTo(expected(violations));
  }

  @Test
  void warnsAboutFrom() {
    assertThat(warnings(MeshCircuitBreaker.TYPE, """
        from:
          - targetRef: {kind: Mesh}
            default:
              connectionLimits: {maxConnections: 1}
        """)).containsExactly("'from' field is deprecated, use 'rules' instead");
  }

  @Test
  void rejectsWrongJsonTypes() {
    assertThatThrownBy(() -> Json.mapper().readValue(
        "{\"to\":[{\"default\":{\"outlierDetection\":{\"disabled\":\"yes\"}}}]}",
        MeshCircuitBreaker.class)).isInstanceOf(MismatchedInputException.class);
  }
}
