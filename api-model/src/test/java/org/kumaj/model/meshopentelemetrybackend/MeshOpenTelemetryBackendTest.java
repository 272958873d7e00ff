package org.kumaj.model.meshopentelemetrybackend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kumaj.model.hostnamegenerator.SpecFixtures.bind;
import static org.kumaj.model.hostnamegenerator.SpecFixtures.roundTrip;
import static org.kumaj.model.hostnamegenerator.SpecFixtures.validate;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.codec.Json;
import org.kumaj.model.hostnamegenerator.Condition;
import org.kumaj.model.hostnamegenerator.SpecFixtures;
import org.kumaj.model.validation.Violation;

class MeshOpenTelemetryBackendTest {
  private static final ResourceMeta META = SpecFixtures.meta("default", "otel");

  @Test
  void bindsEveryField() throws Exception {
    MeshOpenTelemetryBackend spec = roundTrip("""
        endpoint:
          address: otel-collector.observability
          port: 4318
          path: /v1/custom
        protocol: http
        env:
          mode: Required
          precedence: ExplicitFirst
          allowSignalOverrides: false
        """, MeshOpenTelemetryBackend.class);
    assertThat(spec.endpoint()).isEqualTo(new OtelEndpoint("otel-collector.observability", 4318,
        "/v1/custom"));
    assertThat(EnvPolicy.effectiveMode(spec.env())).isEqualTo(EnvPolicy.MODE_REQUIRED);
    assertThat(EnvPolicy.effectiveAllowSignalOverrides(spec.env())).isFalse();
  }

  @Test
  void defaultsFollowKuma() {
    MeshOpenTelemetryBackend empty = new MeshOpenTelemetryBackend(null, null, null);
    assertThat(empty.effectiveProtocol()).isEqualTo("grpc");
    assertThat(EnvPolicy.effectiveMode(null)).isEqualTo("Optional");
    assertThat(EnvPolicy.effectivePrecedence(new EnvPolicy(null, "", null))).isEqualTo("EnvFirst");
    assertThat(EnvPolicy.effectiveAllowSignalOverrides(new EnvPolicy(null, null, null))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"endpoint\": {\"port\": \"4317\"}}",
      "{\"protocol\": [\"grpc\"]}",
      "{\"env\": {\"allowSignalOverrides\": \"false\"}}",
  })
  void rejectsWrongJsonTypes(String json) {
    assertThatThrownBy(() -> Json.mapper().readValue(json, MeshOpenTelemetryBackend.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void bindsStatus() throws Exception {
    MeshOpenTelemetryBackendStatus status = Json.mapper().readValue("""
        {"conditions": [{"type": "ReferencedByPolicies", "status": "False",
                         "reason": "NotReferenced", "message": "no policy references it"}]}
        """, MeshOpenTelemetryBackendStatus.class);
    assertThat(status.conditions()).containsExactly(new Condition(
        MeshOpenTelemetryBackendStatus.REFERENCED_BY_POLICIES, "False",
        MeshOpenTelemetryBackendStatus.NOT_REFERENCED, "no policy references it"));
    assertThat(Json.mapper().writeValueAsString(MeshOpenTelemetryBackendStatus.EMPTY))
        .isEqualTo("{}");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "endpoint:\n  port: 4317\n",
      "{}",
      "protocol: grpc\n",
      "endpoint:\n  port: 4318\n",
      "endpoint:\n  address: otel-collector.observability\n  port: 4317\nprotocol: grpc\nenv: {}\n",
      "endpoint:\n  address: otel-collector.observability\n  port: 4317\nprotocol: grpc\n"
          + "env:\n  mode: Required\n  precedence: ExplicitFirst\n  allowSignalOverrides: false\n",
      "endpoint:\n  address: otel-collector.observability\n  port: 4318\n  path: /v1/custom\n"
          + "protocol: http\n",
      "endpoint:\n  address: 10.0.0.5\n",
  })
  void acceptsKumaValidCases(String yaml) throws Exception {
    MeshOpenTelemetryBackend spec = bind(yaml, MeshOpenTelemetryBackend.class);
    assertThat(validate(MeshOpenTelemetryBackend.TYPE, META, spec).list()).isEmpty();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("endpoint:\n  address: \"\"\n  port: 4317\n",
            List.of(new Violation("spec.endpoint.address", "must not be empty"))),
        Arguments.of("endpoint:\n  address: otel-collector.observability\n  port: 4317\n"
                + "protocol: grpc\nenv:\n  mode: Sometimes\n",
            List.of(new Violation("spec.env.mode",
                "\"mode\" must be one of [\"Disabled\", \"Optional\", \"Required\"]"))),
        Arguments.of("env:\n  precedence: Maybe\n",
            List.of(new Violation("spec.env.precedence",
                "\"precedence\" must be one of [\"ExplicitFirst\", \"EnvFirst\"]"))),
        Arguments.of("endpoint:\n  address: otel-collector.observability\n  port: 4317\n"
                + "  path: /some/path\nprotocol: grpc\n",
            List.of(new Violation("spec.endpoint.path", "must not be set when protocol is grpc"))),
        Arguments.of("endpoint:\n  address: \"not a valid address!@#\"\n  port: 4317\n",
            List.of(new Violation("spec.endpoint.address",
                "address has to be a valid IP or hostname"))),
        Arguments.of("endpoint:\n  address: otel-collector.observability\n  port: 4317\n"
                + "protocol: tcp\n",
            List.of(new Violation("spec.protocol", "\"protocol\" must be one of [\"grpc\", \"http\"]"))),
        Arguments.of("endpoint:\n  address: otel-collector.observability\n  port: 4318\n"
                + "  path: v1/traces\nprotocol: http\n",
            List.of(new Violation("spec.endpoint.path", "must start with /"))),
        Arguments.of("endpoint:\n  address: otel-collector.observability\n  port: 4318\n"
                + "  path: /v1/traces?format=json\nprotocol: http\n",
            List.of(new Violation("spec.endpoint.path", "must not contain query or fragment"))),
        Arguments.of("endpoint:\n  address: otel-collector.observability\n  port: 70000\n",
            List.of(new Violation("spec.endpoint.port", "port must be a valid (1-65535)"))),
        Arguments.of("endpoint:\n  address: \"\"\n  port: 0\n  path: \"x#y\"\nprotocol: http\n"
                + "env:\n  mode: x\n  precedence: y\n",
            List.of(
                new Violation("spec.endpoint.address", "must not be empty"),
                new Violation("spec.endpoint.port", "port must be a valid (1-65535)"),
                new Violation("spec.endpoint.path", "must start with /"),
                new Violation("spec.endpoint.path", "must not contain query or fragment"),
                new Violation("spec.env.mode",
                    "\"mode\" must be one of [\"Disabled\", \"Optional\", \"Required\"]"),
                new Violation("spec.env.precedence",
                    "\"precedence\" must be one of [\"ExplicitFirst\", \"EnvFirst\"]"))));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void reportsKumaViolations(String yaml, List<Violation> expected) throws Exception {
    MeshOpenTelemetryBackend spec = bind(yaml, MeshOpenTelemetryBackend.class);
    assertThat(validate(MeshOpenTelemetryBackend.TYPE, META, spec).list())
        .containsExactlyElementsOf(expected);
  }
}
