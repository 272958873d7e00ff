package org.kumaj.model.meshexternalservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kumaj.model.hostnamegenerator.SpecFixtures.bind;
import static org.kumaj.model.hostnamegenerator.SpecFixtures.roundTrip;
import static org.kumaj.model.hostnamegenerator.SpecFixtures.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.codec.Json;
import org.kumaj.model.meshservice.Vip;
import org.kumaj.model.policies.core.TlsVersion;
import org.kumaj.model.validation.Violation;
import org.kumaj.model.validation.Violations;

class MeshExternalServiceTest {
  private static final ResourceMeta META = ResourceMeta.of("default", "external-service",
      Map.of("kuma.io/zone", "default", "kuma.io/origin", "zone"));

  @Test
  void bindsEveryField() throws Exception {
    MeshExternalService spec = roundTrip("""
        match:
          type: HostnameGenerator
          port: 8080
          protocol: http
        extension:
          type: custom-dns
          config:
            resolver: 8.8.8.8
        endpoints:
          - address: 1.1.1.1
            port: 12345
            priority: 0
          - address: example.com
            port: 80
            priority: 1
        tls:
          enabled: true
          version:
            min: TLS12
            max: TLS13
          allowRenegotiation: false
          verification:
            mode: SkipSAN
            serverName: example.com
            subjectAltNames:
              - type: Exact
                value: example.com
              - type: Prefix
                value: spiffe://example.local/ns/local
            caCert:
              inline: dGVzdA==
            clientCert:
              secret: client-cert
            clientKey:
              inlineString: key-data
        """, MeshExternalService.class);
    TlsVerification verification = spec.tls().verification();
    assertThat(new String(verification.caCert().inline(), StandardCharsets.UTF_8)).isEqualTo("test");
    assertThat(verification.clientCert()).isEqualTo(new DataSource("client-cert", null, null));
    assertThat(spec.tls().version()).isEqualTo(new TlsVersion("TLS12", "TLS13"));
    assertThat(spec.endpoints().get(1)).isEqualTo(new MeshExternalServiceEndpoint("example.com", 80, 1));
    assertThat(spec.match().sectionName()).isEqualTo("8080");
    assertThat(spec.extension().config().get("resolver").asText()).isEqualTo("8.8.8.8");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"match\": {\"port\": \"80\"}}",
      "{\"endpoints\": [{\"address\": 1}]}",
      "{\"tls\": {\"enabled\": \"yes\"}}",
      "{\"tls\": {\"verification\": {\"subjectAltNames\": \"a\"}}}",
  })
  void rejectsWrongJsonTypes(String json) {
    assertThatThrownBy(() -> Json.mapper().readValue(json, MeshExternalService.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void statusMatchesKumaOutput() throws Exception {
    assertThat(Json.mapper().writeValueAsString(MeshExternalServiceStatus.EMPTY))
        .isEqualTo("{\"vip\":{}}");
    JsonNode json = Json.mapper().readTree("""
        {"vip": {"ip": "242.0.0.1"},
         "addresses": [{"hostname": "httpbin.extsvc.mesh.local", "origin": "HostnameGenerator",
                        "hostnameGeneratorRef": {"coreName": "synced-mesh-external-service"}}],
         "hostnameGenerators": [{"hostnameGeneratorRef": {"coreName": "synced-mesh-external-service"},
                                 "conditions": [{"type": "Generated", "status": "True",
                                                 "reason": "Generated", "message": ""}]}]}
        """);
    MeshExternalServiceStatus status = Json.mapper().treeToValue(json, MeshExternalServiceStatus.class);
    assertThat(status.vip()).isEqualTo(new Vip("242.0.0.1"));
    assertThat((JsonNode) Json.mapper().valueToTree(status)).isEqualTo(json);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // Kuma's minimal-valid, endpoints-with-priority-valid and full-without-extension-valid
      "match:\n  port: 80\n  protocol: http\nendpoints:\n  - address: 1.1.1.1\n    port: 12345\n",
      "match:\n  type: HostnameGenerator\n  port: 8080\n  protocol: http\nendpoints:\n"
          + "  - address: 1.1.1.1\n    port: 443\n    priority: 0\n"
          + "  - address: 2.2.2.2\n    port: 443\n    priority: 1\n",
      "match:\n  port: 8080\n  protocol: http\nendpoints:\n  - address: example.com\n    port: 80\n"
          + "tls:\n  version:\n    min: TLS12\n    max: TLS13\n  verification:\n"
          + "    serverName: example.com\n    subjectAltNames:\n      - type: Exact\n"
          + "        value: example.com\n    caCert:\n      inline: dGVzdA==\n"
          + "    clientCert:\n      secret: \"123\"\n    clientKey:\n      secret: \"123\"\n",
      // Kuma's put_meshexternalservice fixture
      "match:\n  type: HostnameGenerator\n  port: 4242\n  protocol: tcp\nendpoints:\n"
          + "  - address: tcpbin.com\n    port: 4242\n",
      // with an extension, endpoints and TLS are the extension's business
      "match:\n  port: 80\n  protocol: http\nextension:\n  type: x\nendpoints:\n  - address: \"!\"\n",
  })
  void acceptsValid(String yaml) throws Exception {
    Violations out = validate(MeshExternalService.TYPE, META, bind(yaml, MeshExternalService.class));
    assertThat(out.list()).isEmpty();
    assertThat(out.warnings()).isEmpty();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("full-invalid", """
            match:
              type: UnknownMatchType
              port: 0
              protocol: unknown
            endpoints:
              - address: 1.1.1.1
              - address: 1.1.1.2
                port: 999999
              - address: example.com
              - port: 90
            tls:
              version:
                min: TLS15
                max: TLS16
              verification:
                serverName: not[]valid
                mode: Unknown
                subjectAltNames:
                  - type: Regex
                    value: .*.example.com
                clientCert:
                  secret: "123"
            """, List.of(
            new Violation("spec.match.type",
                "unrecognized type 'UnknownMatchType' - only 'HostnameGenerator' is supported"),
            new Violation("spec.match.port", "port must be a valid (1-65535)"),
            new Violation("spec.match.protocol",
                "\"protocol\" must be one of [\"tcp\", \"grpc\", \"http\", \"http2\"]"),
            new Violation("spec.endpoints[0].port", "port must be a valid (1-65535)"),
            new Violation("spec.endpoints[1].port", "port must be a valid (1-65535)"),
            new Violation("spec.endpoints[2].port", "port must be a valid (1-65535)"),
            new Violation("spec.endpoints[3].address", "address has to be a valid IP or hostname"),
            new Violation("spec.tls.version.min",
                "\"min\" must be one of [\"TLSAuto\", \"TLS10\", \"TLS11\", \"TLS12\", \"TLS13\"]"),
            new Violation("spec.tls.version.max",
                "\"max\" must be one of [\"TLSAuto\", \"TLS10\", \"TLS11\", \"TLS12\", \"TLS13\"]"),
            new Violation("spec.tls.verification.serverName", "must be a valid DNS name"),
            new Violation("spec.tls.verification.mode",
                "\"mode\" must be one of [\"SkipSAN\", \"SkipCA\", \"SkipAll\", \"Secured\"]"),
            new Violation("spec.tls.verification.subjectAltNames[0].type",
                "\"type\" must be one of [\"Prefix\", \"Exact\"]"),
            new Violation("spec.tls.verification.clientKey",
                "must be defined when clientCert is defined"))),
        Arguments.of("min-higher-than-max", """
            match: {type: HostnameGenerator, port: 80, protocol: http}
            endpoints: [{address: 1.1.1.1, port: 12345}]
            tls: {version: {min: TLS13, max: TLS12}}
            """, List.of(new Violation("spec.tls.version.min", "min version must be lower than max"))),
        Arguments.of("minimal-invalid-extension", """
            match: {type: HostnameGenerator, port: 80, protocol: http}
            extension: {config: {example: true}}
            """, List.of(new Violation("spec.extension.type", "must not be empty"))),
        Arguments.of("missing-client-cert", """
            match: {type: HostnameGenerator, port: 8080, protocol: http}
            endpoints: [{address: 1.1.1.1, port: 12345}]
            tls: {verification: {clientKey: {secret: "123"}}}
            """, List.of(new Violation("spec.tls.verification.clientCert",
            "must be defined when clientKey is defined"))),
        Arguments.of("protocol and type left to the schema's defaults", """
            match: {port: 80}
            """, List.of(new Violation("spec.match.protocol",
            "\"protocol\" must be one of [\"tcp\", \"grpc\", \"http\", \"http2\"]"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void reportsKumaViolations(String name, String yaml, List<Violation> expected) throws Exception {
    Violations out = validate(MeshExternalService.TYPE, META, bind(yaml, MeshExternalService.class));
    assertThat(out.list()).containsExactlyElementsOf(expected);
  }

  @Test
  void reportsLongNameAndWarnsAboutDottedName() throws Exception {
    MeshExternalService spec = bind("""
        match: {type: HostnameGenerator, port: 80, protocol: http}
        endpoints: [{address: httpbin.org, port: 80}]
        """, MeshExternalService.class);
    String longName = "external-service-very-long-very-long-very-long-very-long-very-long";
    assertThat(validate(MeshExternalService.TYPE, ResourceMeta.of("default", longName, Map.of()),
        spec).list()).containsExactly(new Violation("name", "must not be longer than 63 characters"));
    Violations out = validate(MeshExternalService.TYPE, ResourceMeta.of("default", "mes.http",
        Map.of("kuma.io/zone", "default")), spec);
    assertThat(out.list()).isEmpty();
    assertThat(out.warnings()).containsExactly(
        "Invalid MeshExternalService resource name: 'mes.http'. It does not conform to the DNS "
            + "format (RFC 1035). This is deprecated. Errors: a DNS-1035 label must consist of "
            + "lower case alphanumeric characters or '-', start with an alphabetic character, and "
            + "end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for "
            + "validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
        "Invalid MeshExternalService SNI (port \"80\"): name \"mes.http\" does not conform to "
            + "RFC 1123: must not contain dots. This is deprecated.");
  }
}
