package org.kumaj.model.policies.meshtrace;

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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kumaj.model.codec.Json;

class MeshTraceTest {
  private static final String ZIPKIN = """
      targetRef:
        kind: Mesh
      default:
        backends:
          - type: Zipkin
            zipkin:
              url: http://jaeger-collector:9411/api/v2/spans
              traceId128bit: true
              apiVersion: httpProto
              sharedSpanContext: false
        sampling:
          overall: 80
          client: "99.5"
          random: 10
        tags:
          - name: team
            literal: core
          - name: env
            header:
              name: x-env
              default: prod
      """;

  private static final String DATADOG = """
      default:
        backends:
          - type: Datadog
            datadog:
              url: http://127.0.0.1:8126
              splitService: true
      """;

  private static final String OTEL = """
      default:
        backends:
          - type: OpenTelemetry
            openTelemetry:
              backendRef:
                kind: MeshOpenTelemetryBackend
                labels: {kuma.io/display-name: otel}
      """;

  @Test
  void bindsEveryField() throws Exception {
    MeshTrace spec = assertRoundTrip(MeshTrace.TYPE, ZIPKIN);
    assertThat(spec.defaultConf().tags().get(1).header().defaultValue()).isEqualTo("prod");
    assertThat(spec.defaultConf().backends().get(0).zipkin().traceId128bit()).isTrue();
    assertRoundTrip(MeshTrace.TYPE, DATADOG);
    assertRoundTrip(MeshTrace.TYPE, OTEL);
  }

  @ParameterizedTest
  @ValueSource(strings = {ZIPKIN, DATADOG, OTEL, "default: {backends: []}"})
  void acceptsValidSpecs(String yaml) {
    assertThat(violations(MeshTrace.TYPE, META, yaml)).isEmpty();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("default: {}", "spec.default.backends: must be defined"),
        Arguments.of("""
            targetRef:
              kind: MeshGateway
              name: edge
              tags: {listener: a}
            default:
              backends:
                - type: Zipkin
                  zipkin: {url: a}
                - type: Zipkin
                  zipkin: {url: b}
              tags:
                - literal: a
                - name: both
                  literal: a
                  header: {name: x}
                - name: neither
              sampling:
                overall: 101
                client: x
                random: "-1"
            """, """
            spec.targetRef.tags: must not be set with kind MeshGateway
            spec.default.backends: must have zero or one backend defined
            spec.default.tags[0].name: must not be empty
            spec.default.tags[1]: tag must have only one type defined: header, literal
            spec.default.tags[2]: tag must have only one type defined: header, literal
            spec.default.sampling.client: string is not a number
            spec.default.sampling.random: must be between 0 and 100
            spec.default.sampling.overall: must be between 0 and 100
            """),
        Arguments.of("default: {backends: [{type: Zipkin, zipkin: {url: \"\"}}]}",
            "spec.default.backends[0].zipkin.url: must not be empty"),
        Arguments.of("default: {backends: [{type: Zipkin, zipkin: {url: not_valid_url}}]}",
            "spec.default.backends[0].zipkin.url: must be a valid url"),
        Arguments.of("default: {backends: [{type: Zipkin}]}",
            "spec.default.backends[0].zipkin: must be defined"),
        Arguments.of("default: {backends: [{type: Datadog}]}",
            "spec.default.backends[0].datadog: must be defined"),
        Arguments.of("default: {backends: [{type: OpenTelemetry}]}",
            "spec.default.backends[0].openTelemetry: must be defined"),
        Arguments.of("default: {backends: [{type: OpenTelemetry, openTelemetry: {}}]}",
            "spec.default.backends[0].openTelemetry: openTelemetry must have exactly one defined:"
                + " endpoint, backendRef"),
        Arguments.of("""
            default:
              backends:
                - type: OpenTelemetry
                  openTelemetry: {endpoint: "grpc://collector:4317"}
            """, "spec.default.backends[0].openTelemetry.endpoint: must be in host:port format,"
            + " not a URL"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void reportsEveryViolation(String yaml, String violations) {
    assertThat(violations(MeshTrace.TYPE, META, yaml)).isEqualTo(expected(violations));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "not_valid_url|must be a valid url",
      "http://intake.datadoghq.eu|port must be defined",
      "http://intake.datadoghq.eu:999999|port must be a valid (1-65535)",
      "http://intake.datadoghq.eu:0|port must be a valid (1-65535)",
      "sql://intake.datadoghq.eu:8126|scheme must be http",
      "http://intake.datadoghq.eu:8126/some/path|path must not be defined",
      "http://user@intake:8126?x=1|user must not be defined;query must not be defined",
      "http:opaque|port must be defined;opaque must not be defined"})
  void checksTheDatadogAgentUrl(String url, String messages) {
    String yaml = "default: {backends: [{type: Datadog, datadog: {url: \"" + url + "\"}}]}";
    StringBuilder expected = new StringBuilder();
    for (String message : messages.split(";")) {
      expected.append("spec.default.backends[0].datadog.url: ").append(message).append('\n');
    }
    assertThat(violations(MeshTrace.TYPE, META, yaml)).isEqualTo(expected(expected.toString()));
  }

  @Test
  void warnsAboutInlineEndpoints() {
    assertThat(warnings(MeshTrace.TYPE, """
        default:
          backends:
            - type: OpenTelemetry
              openTelemetry: {endpoint: "collector:4317"}
        """)).containsExactly("openTelemetry.endpoint is deprecated, use openTelemetry.backendRef"
        + " with a MeshOpenTelemetryBackend resource instead");
  }

  @Test
  void rejectsWrongJsonTypes() {
    assertThatThrownBy(() -> Json.mapper().readValue(
        "{\"default\":{\"sampling\":{\"overall\":true}}}", MeshTrace.class))
        .isInstanceOf(MismatchedInputException.class);
  }
}
