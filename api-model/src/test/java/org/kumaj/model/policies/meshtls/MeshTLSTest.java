package org.kumaj.model.policies.meshtls;

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

class MeshTLSTest {
  private static final String RULES = """
      targetRef:
        kind: Mesh
      rules:
        - default:
            tlsVersion:
              min: TLS12
              max: TLS13
            tlsCiphers:
              - ECDHE-ECDSA-AES128-GCM-SHA256
              - ECDHE-RSA-CHACHA20-POLY1305
            mode: Strict
      """;

  private static final String FROM = """
      targetRef:
        kind: MeshSubset
        tags: {kuma.io/zone: east}
      from:
        - targetRef: {kind: Mesh}
          default:
            mode: Permissive
      """;

  @Test
  void bindsEveryField() throws Exception {
    MeshTLS spec = assertRoundTrip(MeshTLS.TYPE, RULES);
    assertThat(spec.rules().get(0).defaultConf().tlsVersion().max()).isEqualTo("TLS13");
    assertRoundTrip(MeshTLS.TYPE, FROM);
  }

  @ParameterizedTest
  @ValueSource(strings = {RULES, FROM, "rules: [{default: {tlsVersion: {min: TLSAuto, max: TLS10}}}]"})
  void acceptsValidSpecs(String yaml) {
    assertThat(violations(MeshTLS.TYPE, META, yaml)).isEmpty();
  }

  static Stream<Arguments> invalid() {
    String ciphers = "\"tlsCiphers\" must be one of [\"ECDHE-ECDSA-AES128-GCM-SHA256\","
        + " \"ECDHE-ECDSA-AES256-GCM-SHA384\", \"ECDHE-ECDSA-CHACHA20-POLY1305\","
        + " \"ECDHE-RSA-AES128-GCM-SHA256\", \"ECDHE-RSA-AES256-GCM-SHA384\","
        + " \"ECDHE-RSA-CHACHA20-POLY1305\"]";
    return Stream.of(
        Arguments.of("""
            targetRef: {kind: Mesh}
            from:
              - targetRef: {kind: MeshHTTPRoute}
                default: {}
              - targetRef: {kind: Mesh}
                default:
                  tlsVersion: {min: TLS15, max: TLS16}
                  tlsCiphers: [NotExistingCipher]
                  mode: NotExistingMode
              - targetRef: {kind: Mesh}
                default:
                  tlsVersion: {min: TLS13, max: TLS12}
            """, """
            spec.from[0].targetRef.kind: value 'MeshHTTPRoute' is not supported
            spec.from[1].default.mode: "mode" must be one of ["Strict", "Permissive"]
            spec.from[1].default.tlsCiphers: %s
            spec.from[1].default.tlsVersion.min: "min" must be one of ["TLSAuto", "TLS10", "TLS11", "TLS12", "TLS13"]
            spec.from[1].default.tlsVersion.max: "max" must be one of ["TLSAuto", "TLS10", "TLS11", "TLS12", "TLS13"]
            spec.from[2].default.tlsVersion.min: min version must be lower than max
            """.formatted(ciphers)),
        Arguments.of("""
            targetRef:
              kind: Dataplane
              labels: {app: demo}
            from:
              - targetRef: {kind: Mesh}
                default:
                  tlsVersion: {min: TLS15}
                  tlsCiphers: [NotExistingCipher]
            rules:
              - default:
                  tlsCiphers: [NotExistingCipher]
                  tlsVersion: {max: TLS16}
            """, """
            spec: field 'from' must be empty when 'rules' is defined
            spec.rules[0].default.tlsCiphers: tlsCiphers can only be defined with top level targetRef kind: Mesh
            spec.rules[0].default.tlsVersion: tlsVersion can only be defined with top level targetRef kind: Mesh
            spec.from[0].default.tlsCiphers: tlsCiphers can only be defined with top level targetRef kind: Mesh
            spec.from[0].default.tlsVersion: tlsVersion can only be defined with top level targetRef kind: Mesh
            """),
        Arguments.of("""
            targetRef: {kind: MeshService, name: backend}
            rules: [{default: {mode: Strict}}]
            """, "spec.targetRef.kind: value 'MeshService' is not supported"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void reportsEveryViolation(String yaml, String violations) {
    assertThat(violations(MeshTLS.TYPE, META, yaml)).isEqualTo(expected(violations));
  }

  @Test
  void warnsAboutFrom() {
    assertThat(warnings(MeshTLS.TYPE, FROM)).containsExactly(
        "'from' field is deprecated, use 'rules' instead",
        "MeshSubset value for 'targetRef.kind' is deprecated, use Dataplane with labels instead");
  }

  @Test
  void rejectsWrongJsonTypes() {
    assertThatThrownBy(() -> Json.mapper().readValue(
        "{\"rules\":[{\"default\":{\"tlsCiphers\":\"ECDHE-RSA-AES128-GCM-SHA256\"}}]}",
        MeshTLS.class)).isInstanceOf(MismatchedInputException.class);
  }
}
