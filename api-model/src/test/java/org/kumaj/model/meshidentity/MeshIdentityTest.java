package org.kumaj.model.meshidentity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kumaj.model.hostnamegenerator.SpecFixtures.bind;
import static org.kumaj.model.hostnamegenerator.SpecFixtures.roundTrip;
import static org.kumaj.model.hostnamegenerator.SpecFixtures.validate;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kumaj.model.GoDuration;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.codec.Json;
import org.kumaj.model.hostnamegenerator.Condition;
import org.kumaj.model.hostnamegenerator.SpecFixtures;
import org.kumaj.model.validation.Violation;

class MeshIdentityTest {
  private static final ResourceMeta META = SpecFixtures.meta("default", "identity");
  private static final String STAGE_2 =
      "couldn't parse template: template: :1: non executable command in pipeline stage 2";

  @Test
  void bindsEveryField() throws Exception {
    MeshIdentity spec = roundTrip("""
        selector:
          dataplane:
            matchLabels:
              app: test
        spiffeID:
          trustDomain: "{{ .Mesh }}.{{ .Zone }}.mesh.local"
          path: "/ns/{{ .Namespace }}/sa/{{ .ServiceAccount }}"
        provider:
          type: Bundled
          bundled:
            meshTrustCreation: Disabled
            insecureAllowSelfSigned: true
            autogenerate:
              enabled: false
            ca:
              certificate:
                type: InsecureInline
                insecureInline:
                  value: "123"
              privateKey:
                type: File
                file:
                  path: /tmp/key
            certificateParameters:
              expiry: 24h0m0s
          spire:
            agent:
              timeout: 1s
          extension:
            name: my-custom-provider
            config:
              key: value
        """, MeshIdentity.class);
    assertThat(spec.provider().bundled().certificateParameters().expiry().toMillis())
        .isEqualTo(86_400_000L);
    assertThat(spec.provider().spire().agent().timeout()).isEqualTo(GoDuration.parse("1s"));
    assertThat(spec.provider().bundled().ca().privateKey().file())
        .isEqualTo(new SecureDataSource.File("/tmp/key"));
    assertThat(spec.provider().extension().config().get("key").asText()).isEqualTo("value");
  }

  @Test
  void bindsOtherDataSources() throws Exception {
    CertificateAuthority ca = roundTrip("""
        provider:
          type: Bundled
          bundled:
            ca:
              certificate:
                type: Secret
                secretRef:
                  kind: Secret
                  name: ca-cert
              privateKey:
                type: EnvVar
                envVar:
                  name: CA_KEY
        """, MeshIdentity.class).provider().bundled().ca();
    assertThat(ca.certificate().secretRef()).isEqualTo(new SecureDataSource.SecretRef("Secret", "ca-cert"));
    assertThat(ca.privateKey().envVar()).isEqualTo(new SecureDataSource.EnvVar("CA_KEY"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"spiffeID\": {\"path\": 1}}",
      "{\"provider\": {\"bundled\": {\"insecureAllowSelfSigned\": \"true\"}}}",
      "{\"selector\": {\"dataplane\": []}}",
  })
  void rejectsWrongJsonTypes(String json) {
    assertThatThrownBy(() -> Json.mapper().readValue(json, MeshIdentity.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void rejectsMalformedDuration() {
    assertThatThrownBy(() -> Json.mapper().readValue(
        "{\"provider\": {\"spire\": {\"agent\": {\"timeout\": \"soon\"}}}}", MeshIdentity.class))
        .isInstanceOf(ValueInstantiationException.class);
  }

  @Test
  void statusTellsReadiness() throws Exception {
    MeshIdentityStatus status = Json.mapper().readValue("""
        {"conditions": [{"type": "Ready", "status": "False", "reason": "PartiallyReady", "message": ""}]}
        """, MeshIdentityStatus.class);
    assertThat(status.isPartiallyReady()).isTrue();
    assertThat(status.isInitialized()).isFalse();
    assertThat(new MeshIdentityStatus(List.of(new Condition("Ready", "True", "Ready", "")))
        .isInitialized()).isTrue();
    assertThat(Json.mapper().writeValueAsString(MeshIdentityStatus.EMPTY)).isEqualTo("{}");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // Kuma's full-valid-bundled, full-valid-no-provider, full-valid-spire, minimal-valid-bundled,
      // valid-extension and valid-extension-with-config
      """
      selector: {dataplane: {matchLabels: {app: test}}}
      spiffeID:
        trustDomain: "{{ .Mesh }}.{{ .Zone }}.mesh.local"
        path: "/ns/{{ .Namespace }}/sa/{{ .ServiceAccount }}"
      provider:
        type: Bundled
        bundled:
          meshTrustCreation: Disabled
          insecureAllowSelfSigned: true
          certificateParameters: {expiry: 24h}
          autogenerate: {enabled: false}
          ca:
            certificate: {type: InsecureInline, insecureInline: {value: "123"}}
            privateKey: {type: File, file: {path: /tmp/key}}
      """,
      """
      selector: {dataplane: {matchLabels: {app: test}}}
      spiffeID:
        trustDomain: "{{ .Mesh }}.{{ .Zone }}.mesh.local"
        path: "/ns/{{ .Namespace }}/sa/{{ .ServiceAccount }}"
      """,
      """
      spiffeID: {trustDomain: "{{ .Mesh }}.{{ .Zone }}.mesh.local"}
      provider: {type: Spire, spire: {agent: {timeout: 1s}}}
      """,
      """
      selector: {dataplane: {matchLabels: {}}}
      provider:
        type: Bundled
        bundled: {meshTrustCreation: Disabled, insecureAllowSelfSigned: true, autogenerate: {enabled: true}}
      """,
      "provider: {type: Extension, extension: {name: my-custom-provider}}",
      "provider: {type: Extension, extension: {name: p, config: {key: value, nested: {setting: true}}}}",
      "spiffeID: {path: \"/workload/{{ label \\\"kuma.io/workload\\\" }}\"}",
  })
  void acceptsKumaValidCases(String yaml) throws Exception {
    assertThat(validate(MeshIdentity.TYPE, META, bind(yaml, MeshIdentity.class)).list()).isEmpty();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("full-invalid", """
            spiffeID:
              trustDomain: "{{ .Mesh|1 }}.{ .Zone|2 }.mesh.local"
              path: "/ns/.Namespace/sa/{ .ServiceAccount|2 }"
            provider:
              type: Bundled
              bundled:
                meshTrustCreation: Test
                autogenerate:
                  enabled: true
                ca:
                  certificate:
                    type: File
                    file: null
                  privateKey:
                    type: EnvVar
                    envVar:
                      name: "MY_PRIVATE_KEY"
            """, List.of(
            new Violation("spec.spiffeID.trustDomain", STAGE_2),
            new Violation("spec.provider.bundled.meshTrustCreation",
                "\"Test\" must be one of [\"Enabled\", \"Disabled\"]"),
            new Violation("spec.provider.bundled.ca",
                "shouldn't be defined once using autogenerated"))),
        Arguments.of("invalid-extension", """
            spiffeID:
              trustDomain: "{{ .Mesh }}.{{ .Zone }}.mesh.local"
              path: "/ns/.Namespace/sa/{{ .ServiceAccount }}"
            provider:
              type: Extension
              extension:
                name: ""
            """, List.of(new Violation("spec.provider.extension.name",
            "extension name needs to be defined"))),
        Arguments.of("invalid-path", """
            spiffeID:
              trustDomain: "{{ .Mesh }}.mesh.local"
              path: "/ns/{{ .Namespace|invalid }}/sa/{{ .ServiceAccount }}"
            provider:
              type: Bundled
              bundled:
                autogenerate:
                  enabled: true
            """, List.of(new Violation("spec.spiffeID.path",
            "couldn't parse template: template: :1: function \"invalid\" not defined"))),
        Arguments.of("invalid-source", """
            spiffeID:
              trustDomain: "{{ .Mesh|1 }}.{ .Zone|2 }.mesh.local"
              path: "/ns/.Namespace/sa/{ .ServiceAccount|2 }"
            provider:
              type: Bundled
              bundled:
                meshTrustCreation: Test
                autogenerate:
                  enabled: false
                ca:
                  certificate:
                    type: File
                    file: null
                  privateKey:
                    type: EnvVar
            """, List.of(
            new Violation("spec.spiffeID.trustDomain", STAGE_2),
            new Violation("spec.provider.bundled.meshTrustCreation",
                "\"Test\" must be one of [\"Enabled\", \"Disabled\"]"),
            new Violation("spec.provider.bundled.ca.certificate.file", "must be defined"),
            new Violation("spec.provider.bundled.ca.privateKey.envVar", "must be defined"))),
        Arguments.of("unknown provider type", "provider: {type: Vault}", List.of(
            new Violation("spec.provider.type",
                "\"Vault\" must be one of [\"Bundled\", \"Spire\", \"Extension\"]"))),
        Arguments.of("provider blocks missing", "provider: {type: Spire}", List.of(
            new Violation("spec.provider.spire", "configuration needs to be defined"))),
        Arguments.of("bundled without CA", """
            provider:
              type: Bundled
              bundled:
                certificateParameters: {expiry: -1h}
            """, List.of(
            new Violation("spec.provider.bundled.ca", "must be defined"),
            new Violation("spec.provider.bundled.certificateParameters.expiry",
                "must not be negative when defined"))),
        Arguments.of("spire agent path as Kuma reports it", """
            provider: {type: Spire, spire: {agent: {timeout: -1s}}}
            """, List.of(new Violation("spec.provider.spire.agent.spire.agent.timeout",
            "must not be negative when defined"))),
        Arguments.of("data source details", """
            provider:
              type: Bundled
              bundled:
                ca:
                  certificate: {type: Secret, secretRef: {kind: ConfigMap}}
                  privateKey: {type: File, file: {path: ../key}}
            """, List.of(
            new Violation("spec.provider.bundled.ca.certificate.secretRef.kind",
                "ConfigMap must be one of: Secret"),
            new Violation("spec.provider.bundled.ca.certificate.secretRef.name", "must be defined"),
            new Violation("spec.provider.bundled.ca.privateKey.file.path",
                "file path contains directory traversal sequence: ../key"))),
        Arguments.of("more data source details", """
            provider:
              type: Bundled
              bundled:
                ca:
                  certificate: {type: InsecureInline, insecureInline: {value: ""}}
                  privateKey: {type: Vault}
            """, List.of(
            new Violation("spec.provider.bundled.ca.certificate.insecureInline.value",
                "must be defined"),
            new Violation("spec.provider.bundled.ca.privateKey.type",
                "Vault must be one of: EnvVar, InsecureInline, File, Secret"))),
        Arguments.of("relative file and missing sources", """
            provider:
              type: Bundled
              bundled:
                ca:
                  privateKey: {type: File, file: {path: key.pem}}
            """, List.of(
            new Violation("spec.provider.bundled.ca.certificate", "must be defined"),
            new Violation("spec.provider.bundled.ca.privateKey.file.path",
                "file path must be absolute: key.pem"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void reportsKumaViolations(String name, String yaml, List<Violation> expected) throws Exception {
    assertThat(validate(MeshIdentity.TYPE, META, bind(yaml, MeshIdentity.class)).list())
        .containsExactlyElementsOf(expected);
  }
}
