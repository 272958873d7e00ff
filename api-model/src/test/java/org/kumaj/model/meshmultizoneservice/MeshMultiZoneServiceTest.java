package org.kumaj.model.meshmultizoneservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kumaj.model.hostnamegenerator.SpecFixtures.bind;
import static org.kumaj.model.hostnamegenerator.SpecFixtures.roundTrip;
import static org.kumaj.model.hostnamegenerator.SpecFixtures.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
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
import org.kumaj.model.hostnamegenerator.Condition;
import org.kumaj.model.validation.Violation;
import org.kumaj.model.validation.Violations;

class MeshMultiZoneServiceTest {
  private static ResourceMeta meta(String name) {
    return ResourceMeta.of("default", name, Map.of("kuma.io/mesh", "default"));
  }

  @Test
  void bindsEveryField() throws Exception {
    MeshMultiZoneService spec = roundTrip("""
        selector:
          meshService:
            matchLabels:
              kuma.io/display-name: redis
              k8s.kuma.io/namespace: kuma-demo
        ports:
          - name: main
            port: 6379
            appProtocol: tcp
          - port: 8080
            appProtocol: http
        """, MeshMultiZoneService.class);
    assertThat(spec.selector().meshService().matchLabels()).hasSize(2);
    assertThat(spec.ports()).extracting(MeshMultiZoneServicePort::sectionName)
        .containsExactly("main", "8080");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"ports\": {\"port\": 1}}",
      "{\"ports\": [{\"port\": true}]}",
      "{\"selector\": {\"meshService\": \"redis\"}}",
  })
  void rejectsWrongJsonTypes(String json) {
    assertThatThrownBy(() -> Json.mapper().readValue(json, MeshMultiZoneService.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void bindsStatusTheControlPlaneWrites() throws Exception {
    JsonNode json = Json.yaml().readTree("""
        addresses:
          - hostname: redis.mzsvc.mesh.local
            origin: HostnameGenerator
            hostnameGeneratorRef: {coreName: synced-mesh-multi-zone-service}
        vips:
          - ip: 243.0.0.1
        meshServices:
          - name: redis
            namespace: ""
            zone: zone-1
            mesh: default
        hostnameGenerators:
          - hostnameGeneratorRef: {coreName: synced-mesh-multi-zone-service}
        conditions:
          - type: MeshServicesMatched
            status: "True"
            reason: MatchesFound
            message: Matched 1 MeshService
        """);
    MeshMultiZoneServiceStatus status =
        Json.mapper().treeToValue(json, MeshMultiZoneServiceStatus.class);
    assertThat(status.meshServices().get(0).fullyQualifiedName()).isEqualTo("redis//zone-1/default");
    assertThat(status.conditions()).containsExactly(new Condition(
        MeshMultiZoneServiceStatus.MESH_SERVICES_MATCHED, "True",
        MeshMultiZoneServiceStatus.MATCHES_FOUND, "Matched 1 MeshService"));
    assertThat(Json.mapper().readTree(Json.mapper().writeValueAsString(status))).isEqualTo(json);
    assertThat(Json.mapper().writeValueAsString(MeshMultiZoneServiceStatus.EMPTY)).isEqualTo("{}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"redis", "http.bin"})
  void acceptsKumaFixtures(String name) throws Exception {
    MeshMultiZoneService spec = bind("""
        selector:
          meshService:
            matchLabels:
              kuma.io/display-name: redis
        ports:
          - port: 6379
            appProtocol: tcp
        """, MeshMultiZoneService.class);
    assertThat(validate(MeshMultiZoneService.TYPE, meta(name), spec).list()).isEmpty();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("""
            selector: {meshService: {matchLabels: {app: xyz}}}
            ports: [{port: 123, name: '', appProtocol: tcp}]
            """, List.of(new Violation("spec.ports[0].name", "must not be empty"))),
        Arguments.of("""
            selector: {meshService: {matchLabels: {app: xyz}}}
            ports: [{port: 123, appProtocol: not_supported}]
            """, List.of(new Violation("spec.ports[0].appProtocol",
            "appProtocol must be one of: grpc, http, http2, kafka, tcp"))),
        Arguments.of("{}", List.of(
            new Violation("spec.selector.meshService.matchLabels", "cannot be empty"),
            new Violation("spec.ports", "cannot be empty"))),
        Arguments.of("""
            selector: {meshService: {matchLabels: {}}}
            ports: [{port: 123}]
            """, List.of(
            new Violation("spec.selector.meshService.matchLabels", "cannot be empty"),
            new Violation("spec.ports[0].appProtocol",
                "appProtocol must be one of: grpc, http, http2, kafka, tcp"))));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void reportsKumaViolations(String yaml, List<Violation> expected) throws Exception {
    MeshMultiZoneService spec = bind(yaml, MeshMultiZoneService.class);
    assertThat(validate(MeshMultiZoneService.TYPE, meta("svc"), spec).list())
        .containsExactlyElementsOf(expected);
  }

  @ParameterizedTest
  @MethodSource("deprecated")
  void warnsLikeKuma(String name, List<String> warnings) throws Exception {
    MeshMultiZoneService spec = bind("""
        selector: {meshService: {matchLabels: {kuma.io/display-name: httpbin}}}
        ports: [{port: 8080, appProtocol: http}]
        """, MeshMultiZoneService.class);
    Violations out = validate(MeshMultiZoneService.TYPE, meta(name), spec);
    assertThat(out.list()).isEmpty();
    assertThat(out.warnings()).containsExactlyElementsOf(warnings);
  }

  static Stream<Arguments> deprecated() {
    String longName = "this-is-a-very-long-meshmultizoneservice-name-exceeding-sixty-three";
    return Stream.of(
        Arguments.of("http.bin", List.of(
            "Invalid MeshMultiZoneService resource name: 'http.bin'. It does not conform to the "
                + "DNS format (RFC 1035). This is deprecated. Errors: a DNS-1035 label must "
                + "consist of lower case alphanumeric characters or '-', start with an alphabetic "
                + "character, and end with an alphanumeric character (e.g. 'my-name',  or "
                + "'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
            "Invalid MeshMultiZoneService SNI (port \"8080\"): name \"http.bin\" does not conform "
                + "to RFC 1123: must not contain dots. This is deprecated.")),
        Arguments.of(longName, List.of(
            "Invalid MeshMultiZoneService resource name: '" + longName + "'. It does not conform "
                + "to the DNS format (RFC 1035). This is deprecated. Errors: must be no more than "
                + "63 characters",
            "Invalid MeshMultiZoneService SNI (port \"8080\"): name \"" + longName + "\" does not "
                + "conform to RFC 1123: must be no more than 63 characters. This is deprecated.")));
  }
}
