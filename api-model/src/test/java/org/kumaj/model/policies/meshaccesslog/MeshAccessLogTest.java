package org.kumaj.model.policies.meshaccesslog;

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
import org.kumaj.model.policies.core.PolicyTesting;

class MeshAccessLogTest {
  private static final String FULL = """
      targetRef:
        kind: MeshGateway
        name: edge
        tags:
          listener: http
      to:
        - targetRef:
            kind: Mesh
          default:
            backends:
              - type: File
                file:
                  format:
                    type: Plain
                    plain: "[%START_TIME%] %KUMA_SOURCE_SERVICE% -> %KUMA_DESTINATION_SERVICE%"
                    omitEmptyValues: false
                  path: /var/log/mesh_access.log
              - type: Tcp
                tcp:
                  format:
                    type: Json
                    json:
                      - key: start_time
                        value: "%START_TIME%"
                      - key: bytes_received
                        value: "%BYTES_RECEIVED%"
                    omitEmptyValues: true
                  address: 127.0.0.1:5000
              - type: OpenTelemetry
                openTelemetry:
                  attributes:
                    - key: mesh
                      value: "%KUMA_MESH%"
                  body:
                    kvlistValue:
                      values:
                        - key: mesh
                          value:
                            stringValue: "%KUMA_MESH%"
                  backendRef:
                    kind: MeshOpenTelemetryBackend
                    labels:
                      kuma.io/display-name: otel
      """;

  private static final String RULES = """
      rules:
        - matches:
            - spiffeID:
                type: Exact
                value: spiffe://default/ns/demo/sa/web
          default:
            backends:
              - type: OpenTelemetry
                openTelemetry:
                  endpoint: otel-collector:4317
                  body: "%START_TIME% %KUMA_MESH%"
      """;

  /** The body of Kuma's put_meshaccesslog_00 fixture. */
  private static final String FIXTURE = """
      {"to": [{"default": {"backends": [{"file": {"format": {"plain":
        "[%START_TIME%] %KUMA_SOURCE_SERVICE% -> %KUMA_DESTINATION_SERVICE%", "type": "Plain"},
        "path": "/var/log/mesh_access.log"}, "type": "File"}]}, "targetRef": {"kind": "Mesh"}}]}
      """;

  @Test
  void bindsEveryField() throws Exception {
    MeshAccessLog spec = assertRoundTrip(MeshAccessLog.TYPE, FULL);
    var otel = spec.to().get(0).defaultConf().backends().get(2).openTelemetry();
    assertThat(otel.body().at("/kvlistValue/values/0/key").asText()).isEqualTo("mesh");
    MeshAccessLog rules = assertRoundTrip(MeshAccessLog.TYPE, RULES);
    assertThat(rules.rules().get(0).defaultConf().backends().get(0).openTelemetry().body().asText())
        .isEqualTo("%START_TIME% %KUMA_MESH%");
  }

  @ParameterizedTest
  @ValueSource(strings = {FULL, RULES, FIXTURE})
  void acceptsValidSpecs(String yaml) {
    assertThat(violations(MeshAccessLog.TYPE, META, yaml)).isEmpty();
  }

  private static String fromBackends(String backends) {
    return """
        from:
          - targetRef:
              kind: Mesh
            default:
              backends:
        """ + backends.indent(8);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("targetRef: {kind: MeshService, name: web}",
            "spec: at least one of 'from', 'to' or 'rules' has to be defined"),
        Arguments.of("""
            targetRef:
              kind: Dataplane
              sectionName: http
            to:
              - targetRef:
                  kind: Mesh
            rules:
              - default: {}
            """, """
            spec: fields 'to' and 'from' must be empty when 'rules' is defined
            spec.to[0].default.backends: must be defined
            spec.rules[0].default.backends: must be defined
            """),
        Arguments.of("""
            targetRef:
              kind: Dataplane
              sectionName: http
            to:
              - targetRef:
                  kind: MeshServiceSubset
                  name: a
                default:
                  backends: []
            """, """
            spec.targetRef.sectionName: can only be used with inbound policies
            spec.to[0].targetRef.kind: value 'MeshServiceSubset' is not supported
            """),
        Arguments.of("""
            targetRef:
              kind: MeshGateway
              name: edge
            to:
              - targetRef:
                  kind: MeshService
                  name: backend
                default:
                  backends: []
            """, "spec.to[0].targetRef.kind: value 'MeshService' is not supported"),
        Arguments.of(fromBackends("""
            - type: File
              file:
                format: {type: Plain, plain: x}
            - type: File
              file:
                path: '#not_valid'
                format: {type: Json, json: []}
            - type: File
              file:
                path: /tmp/logs.txt
                format:
                  type: Json
                  json:
                    - value: "%START_TIME%"
                    - key: start_time
                    - key: '"'
                      value: "%START_TIME%"
            - type: Tcp
              tcp:
                address: not_valid_url
                format: {type: Plain, plain: ""}
            - type: Tcp
              tcp:
                address: 127.0.0.1:5000
                format: {type: Json}
            - type: File
              file:
                path: /tmp/a
                format: {type: Plain}
            - type: File
            - type: Tcp
            - type: OpenTelemetry
            """), """
            spec.from[0].default.backends[0].file.path: file backend requires a valid path
            spec.from[0].default.backends[1].file.format.json: must not be empty
            spec.from[0].default.backends[1].file.path: file backend requires a valid path
            spec.from[0].default.backends[2].file.format.json[0].key: key cannot be empty
            spec.from[0].default.backends[2].file.format.json[1].value: value cannot be empty
            spec.from[0].default.backends[2].file.format.json[2]: is not a valid JSON object
            spec.from[0].default.backends[3].tcp.format.plain: must not be empty
            spec.from[0].default.backends[3].tcp.address: tcp backend requires valid address
            spec.from[0].default.backends[4].tcp.format.json: must be defined
            spec.from[0].default.backends[5].file.format.plain: must be defined
            spec.from[0].default.backends[6].file: must be defined
            spec.from[0].default.backends[7].tcp: must be defined
            spec.from[0].default.backends[8].openTelemetry: must be defined
            """),
        Arguments.of(fromBackends("""
            - type: OpenTelemetry
              openTelemetry: {}
            - type: OpenTelemetry
              openTelemetry:
                endpoint: collector:4317
                backendRef: {kind: MeshOpenTelemetryBackend, labels: {a: b}}
            - type: OpenTelemetry
              openTelemetry:
                backendRef: {kind: Other}
            - type: OpenTelemetry
              openTelemetry:
                endpoint: http://collector:4317/v1
                attributes:
                  - {key: Mesh, value: x}
                  - {key: "%KUMA_MESH%", value: x}
                  - {key: otel.scope, value: x}
                  - {key: "", value: x}
                  - {key: a..b, value: x}
            """), """
            spec.from[0].default.backends[0].openTelemetry: openTelemetry must have exactly one defined: endpoint, backendRef
            spec.from[0].default.backends[1].openTelemetry: openTelemetry must have only one type defined: endpoint, backendRef
            spec.from[0].default.backends[2].openTelemetry.backendRef.kind: "kind" must be one of ["MeshOpenTelemetryBackend"]
            spec.from[0].default.backends[2].openTelemetry.backendRef: backendRef must have exactly one defined: labels
            spec.from[0].default.backends[3].openTelemetry.endpoint: must be in host:port format, not a URL
            spec.from[0].default.backends[3].openTelemetry.attributes[0].key: must start with a lowercase letter, use only lowercase letters, digits, '.' or '_', avoid consecutive delimiters, and end with a letter or digit
            spec.from[0].default.backends[3].openTelemetry.attributes[1].key: must be a static OpenTelemetry attribute name; placeholders are only supported in values
            spec.from[0].default.backends[3].openTelemetry.attributes[2].key: must not use the reserved OpenTelemetry prefix 'otel.'
            spec.from[0].default.backends[3].openTelemetry.attributes[3].key: must be defined
            spec.from[0].default.backends[3].openTelemetry.attributes[4].key: must start with a lowercase letter, use only lowercase letters, digits, '.' or '_', avoid consecutive delimiters, and end with a letter or digit
            """),
        Arguments.of("""
            rules:
              - matches:
                  - spiffeID: {type: Exact, value: "spiffe://default/a/../b"}
                default:
                  backends: []
            """, "spec.rules[0].matches[0].spiffeID: must be a valid Spiffe ID: path cannot contain"
            + " dot segments"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void reportsEveryViolation(String yaml, String violations) {
    assertThat(violations(MeshAccessLog.TYPE, META, yaml)).isEqualTo(expected(violations));
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1:5000", "logstash:5000", "tcp://logs.example.com:514",
      "[::1]:5000", "logs.example.com"})
  void acceptsTcpAddressesKumaAccepts(String address) {
    assertThat(violations(MeshAccessLog.TYPE, META, tcpAddress(address))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"not_valid_url", "abc", ".logs:5000", "logs:port", "http://a b:1"})
  void rejectsTcpAddressesKumaRejects(String address) {
    assertThat(violations(MeshAccessLog.TYPE, META, tcpAddress(address))).isEqualTo(
        expected("spec.to[0].default.backends[0].tcp.address: tcp backend requires valid address"));
  }

  @Test
  void pathologicalAddressesFailFast() {
    // Go's regexp is linear; Java's backtracks, so the port bounds the work of one match.
    for (String address : new String[] {"a".repeat(2000) + ".b!", "ab-".repeat(600) + ".com:99999999"}) {
      long start = System.nanoTime();
      assertThat(violations(MeshAccessLog.TYPE, META, tcpAddress(address))).hasSize(1);
      assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    }
  }

  private static String tcpAddress(String address) {
    return """
        to:
          - targetRef: {kind: Mesh}
            default:
              backends:
                - type: Tcp
                  tcp:
                    address: "%s"
        """.formatted(address);
  }

  @Test
  void warnsAboutDeprecatedFields() {
    assertThat(warnings(MeshAccessLog.TYPE, """
        targetRef: {kind: MeshService, name: web}
        from:
          - targetRef: {kind: Mesh}
            default:
              backends:
                - type: OpenTelemetry
                  openTelemetry: {endpoint: "collector:4317"}
        """)).containsExactly("'from' field is deprecated, use 'rules' instead",
        "openTelemetry.endpoint is deprecated, use openTelemetry.backendRef with a"
            + " MeshOpenTelemetryBackend resource instead",
        "MeshService value for 'targetRef.kind' is deprecated, use Dataplane with labels instead");
    assertThat(PolicyTesting.warnings(MeshAccessLog.TYPE, FULL)).isEmpty();
  }

  @Test
  void rejectsWrongJsonTypes() {
    assertThatThrownBy(() -> Json.mapper().readValue(
        "{\"to\":[{\"default\":{\"backends\":[{\"file\":{\"format\":{\"omitEmptyValues\":\"no\"}}}]}}]}",
        MeshAccessLog.class)).isInstanceOf(MismatchedInputException.class);
  }
}
