package org.kumaj.model.policies.meshmetric;

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
import org.kumaj.model.codec.Json;

class MeshMetricTest {
  private static final String FULL = """
      targetRef:
        kind: MeshGateway
        name: edge
        tags: {listener: a}
      default:
        sidecar:
          profiles:
            appendProfiles:
              - name: Basic
            exclude:
              - type: Regex
                match: "envoy_cluster_.*_bytes"
            include:
              - type: Prefix
                match: envoy_http_
              - type: Contains
                match: rq_
          includeUnused: false
        applications:
          - name: app
            path: /metrics
            address: 127.0.0.1
            port: 8080
        backends:
          - type: Prometheus
            prometheus:
              clientId: main
              port: 5670
              path: /metrics
              tls:
                mode: ProvidedTLS
          - type: OpenTelemetry
            openTelemetry:
              backendRef:
                kind: MeshOpenTelemetryBackend
                labels: {kuma.io/display-name: otel}
              refreshInterval: 1m0s
      """;

  @Test
  void bindsEveryField() throws Exception {
    MeshMetric spec = assertRoundTrip(MeshMetric.TYPE, FULL);
    assertThat(spec.defaultConf().backends().get(1).openTelemetry().refreshInterval())
        .hasToString("1m0s");
    assertThat(MeshMetric.TYPE.hasStatus()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {FULL, """
      default:
        backends:
          - type: OpenTelemetry
            openTelemetry: {endpoint: "otel-collector:4317"}
          - type: OpenTelemetry
            openTelemetry: {endpoint: "[::1]:4317"}
      """})
  void acceptsValidSpecs(String yaml) {
    assertThat(violations(MeshMetric.TYPE, META, yaml)).isEmpty();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("""
            default:
              sidecar:
                profiles:
                  appendProfiles: [{name: not_supported}]
                  exclude:
                    - {type: Regex, match: "([a-z]+"}
                    - {type: Regex, match: "(?=lookahead)"}
                    - {type: Regex, match: "(?P<name>ok)"}
                  include:
                    - {type: not_supported, match: x}
              applications:
                - {path: /metrics, port: 0}
                - {path: /metrics, port: 65536}
              backends:
                - type: Prometheus
                - type: Prometheus
                  prometheus: {port: 0, path: /metrics}
                - type: Zipkin
                - type: OpenTelemetry
                - type: OpenTelemetry
                  openTelemetry: {endpoint: otel-collector}
                - type: OpenTelemetry
                  openTelemetry: {endpoint: "http://otel:4317"}
                - type: OpenTelemetry
                  openTelemetry: {}
                - type: OpenTelemetry
                  openTelemetry:
                    endpoint: "otel:4317"
                    backendRef: {kind: MeshOpenTelemetryBackend, labels: {a: b}}
                - type: OpenTelemetry
                  openTelemetry:
                    backendRef: {kind: MeshOpenTelemetryBackend}
            """, """
            spec.default.sidecar.profiles.exclude[0].match: invalid regex
            spec.default.sidecar.profiles.exclude[1].match: invalid regex
            spec.default.sidecar.profiles.include[0].type: unrecognized type 'not_supported' - 'Regex', 'Prefix', 'Exact' are supported
            spec.default.sidecar.profiles.appendProfiles[0].name: unrecognized profile name 'not_supported' - 'All', 'None', 'Basic' are supported
            spec.default.applications.application[0]: port must be a valid (1-65535)
            spec.default.applications.application[1]: port must be a valid (1-65535)
            spec.default.backends.backend[0].prometheus: must be defined
            spec.default.backends.backend[1].port: port must be a valid (1-65535)
            spec.default.backends.backend[2]: unrecognized type
            spec.default.backends.backend[3].openTelemetry: must be defined
            spec.default.backends.backend[4].openTelemetry.endpoint: must be in host:port format
            spec.default.backends.backend[5].openTelemetry.endpoint: must be in host:port format, not a URL
            spec.default.backends.backend[6].openTelemetry: openTelemetry must have exactly one defined: endpoint, backendRef
            spec.default.backends.backend[7].openTelemetry: openTelemetry must have only one type defined: endpoint, backendRef
            spec.default.backends.backend[8].openTelemetry.backendRef: backendRef must have exactly one defined: labels
            """));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void reportsEveryViolation(String yaml, String violations) {
    assertThat(violations(MeshMetric.TYPE, META, yaml)).isEqualTo(expected(violations));
  }

  @Test
  void gatewayTargetsNeedTheSystemRole() {
    assertThat(violations(MeshMetric.TYPE, PRODUCER_META, FULL))
        .isEqualTo(expected("spec.targetRef.kind: value 'MeshGateway' is not supported"));
  }

  @Test
  void warnsAboutInlineEndpoints() {
    assertThat(warnings(MeshMetric.TYPE, """
        default:
          backends:
            - type: OpenTelemetry
              openTelemetry: {endpoint: "a:1"}
            - type: OpenTelemetry
              openTelemetry: {endpoint: "b:1"}
        """)).containsExactly("openTelemetry.endpoint is deprecated, use openTelemetry.backendRef"
        + " with a MeshOpenTelemetryBackend resource instead");
  }

  @Test
  void rejectsWrongJsonTypes() {
    assertThatThrownBy(() -> Json.mapper().readValue(
        "{\"default\":{\"applications\":[{\"port\":\"80\"}]}}", MeshMetric.class))
        .isInstanceOf(MismatchedInputException.class);
  }
}
