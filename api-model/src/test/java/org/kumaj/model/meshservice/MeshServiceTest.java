package org.kumaj.model.meshservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kumaj.model.hostnamegenerator.SpecFixtures.bind;
import static org.kumaj.model.hostnamegenerator.SpecFixtures.roundTrip;
import static org.kumaj.model.hostnamegenerator.SpecFixtures.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.codec.Json;
import org.kumaj.model.hostnamegenerator.Address;
import org.kumaj.model.policies.core.IntOrString;
import org.kumaj.model.validation.Violation;
import org.kumaj.model.validation.Violations;

class MeshServiceTest {
  private static final Map<String, String> ZONE_LABELS = Map.of(
      "kuma.io/env", "universal", "kuma.io/mesh", "default", "kuma.io/origin", "zone",
      "kuma.io/zone", "default");
  private static final String DNS1035 = "a DNS-1035 label must consist of lower case alphanumeric "
      + "characters or '-', start with an alphabetic character, and end with an alphanumeric "
      + "character (e.g. 'my-name',  or 'abc-123', regex used for validation is "
      + "'[a-z]([-a-z0-9]*[a-z0-9])?')";

  private static ResourceMeta meta(String name) {
    return ResourceMeta.of("default", name, ZONE_LABELS);
  }

  @Test
  void bindsEveryField() throws Exception {
    MeshService spec = roundTrip("""
        state: Available
        selector:
          dataplaneTags:
            app: redis
          dataplaneRef:
            name: redis-0
          dataplaneLabels:
            matchLabels:
              kuma.io/workload: redis
        ports:
          - name: main
            port: 6379
            targetPort: 6379
            appProtocol: tcp
          - port: 8080
            targetPort: http-admin
            appProtocol: http
        identities:
          - type: ServiceTag
            value: redis
          - type: SpiffeID
            value: spiffe://default.zone-1.mesh.local/ns/kuma-demo/sa/redis
        """, MeshService.class);
    assertThat(spec.ports()).containsExactly(
        new MeshServicePort("main", 6379, IntOrString.of(6379), "tcp"),
        new MeshServicePort(null, 8080, IntOrString.of("http-admin"), "http"));
    assertThat(spec.selector().dataplaneRef()).isEqualTo(new DataplaneRef("redis-0"));
    assertThat(spec.identities().get(1).type()).isEqualTo(MeshServiceIdentity.SPIFFE_ID);
    assertThat(spec.ports().get(1).sectionName()).isEqualTo("8080");
  }

  @Test
  void ignoresUnknownFieldsOfKumaFixture() throws Exception {
    MeshService spec = Json.mapper().readValue("""
        {"selector": {"dataplaneTags": {"app": "redis"}},
         "ports": [{"port": 6379, "targetPort": 6379, "protocol": "tcp"}]}
        """, MeshService.class);
    assertThat(spec.ports()).containsExactly(
        new MeshServicePort(null, 6379, IntOrString.of(6379), null));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"ports\": [{\"port\": \"6379\"}]}",
      "{\"state\": 1}",
      "{\"selector\": {\"dataplaneTags\": [\"app\"]}}",
      "{\"identities\": {\"type\": \"ServiceTag\"}}",
  })
  void rejectsWrongJsonTypes(String json) {
    assertThatThrownBy(() -> Json.mapper().readValue(json, MeshService.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void bindsStatusTheControlPlaneWrites() throws Exception {
    JsonNode json = Json.yaml().readTree("""
        addresses:
          - hostname: redis.svc.mesh.local
            origin: HostnameGenerator
            hostnameGeneratorRef:
              coreName: synced-mesh-service
        vips:
          - ip: 241.0.0.1
        tls:
          status: Ready
        hostnameGenerators:
          - hostnameGeneratorRef:
              coreName: synced-mesh-service
            conditions:
              - type: Generated
                status: "True"
                reason: Generated
                message: ""
        dataplaneProxies:
          connected: 2
          healthy: 1
          total: 3
        """);
    MeshServiceStatus status = Json.mapper().treeToValue(json, MeshServiceStatus.class);
    assertThat(status.addresses().get(0).origin()).isEqualTo(Address.ORIGIN_GENERATOR);
    assertThat(status.vips()).containsExactly(new Vip("241.0.0.1"));
    assertThat(status.hostnameGenerators().get(0).conditions().get(0).message()).isEmpty();
    assertThat((JsonNode) Json.mapper().valueToTree(status)).isEqualTo(json);
  }

  @Test
  void emptyStatusIsWhatKumaShows() throws Exception {
    assertThat(Json.mapper().writeValueAsString(MeshServiceStatus.EMPTY))
        .isEqualTo("{\"tls\":{},\"dataplaneProxies\":{}}");
    DataplaneProxies zeros = new DataplaneProxies(0, 0, 4);
    assertThat(Json.mapper().writeValueAsString(zeros)).isEqualTo("{\"total\":4}");
  }

  @Test
  void acceptsKumaFixtureWithoutWarnings() throws Exception {
    MeshService spec = bind("""
        selector:
          dataplaneTags:
            app: redis
        ports:
          - port: 6379
            targetPort: 6379
        """, MeshService.class);
    Violations out = validate(MeshService.TYPE, meta("redis"), spec);
    assertThat(out.list()).isEmpty();
    assertThat(out.warnings()).isEmpty();
  }

  @Test
  void warnsAboutDottedNameLikeKuma() throws Exception {
    MeshService spec = bind("""
        selector:
          dataplaneTags:
            app: httpbin
        ports:
          - port: 8081
            targetPort: 80
        """, MeshService.class);
    Violations out = validate(MeshService.TYPE, meta("aa.a"), spec);
    assertThat(out.list()).isEmpty();
    assertThat(out.warnings()).containsExactly(
        "Invalid MeshService resource name: 'aa.a'. It does not conform to the DNS format "
            + "(RFC 1035). This is deprecated. Errors: " + DNS1035,
        "Invalid MeshService SNI (port \"8081\"): name \"aa.a\" does not conform to RFC 1123: "
            + "must not contain dots. This is deprecated.");
  }

  @Test
  void reportsLongNameAndSeveralSelectors() throws Exception {
    MeshService spec = bind("""
        selector:
          dataplaneTags:
            app: web
          dataplaneRef:
            name: web-0
        ports:
          - name: Http
            port: 80
        """, MeshService.class);
    String name = "a".repeat(64);
    Violations out = validate(MeshService.TYPE, meta(name), spec);
    assertThat(out.list()).containsExactly(
        new Violation("name", "must not be longer than 63 characters"),
        new Violation("spec.selector",
            "must specify only one of: dataplaneTags, dataplaneRef, or dataplaneLabels"));
    assertThat(out.warnings()).containsExactly(
        "Invalid MeshService resource name: '" + name + "'. It does not conform to the DNS "
            + "format (RFC 1035). This is deprecated. Errors: must be no more than 63 characters",
        "Invalid MeshService SNI (port \"Http\"): name \"" + name + "\" does not conform to "
            + "RFC 1123: must be no more than 63 characters. This is deprecated.",
        "Invalid MeshService SNI (port \"Http\"): a lowercase RFC 1123 label must consist of "
            + "lower case alphanumeric characters or '-', and must start and end with an "
            + "alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation "
            + "is '[a-z0-9]([-a-z0-9]*[a-z0-9])?'). This is deprecated.");
  }

  @Test
  void validatesDisplayNameRatherThanStoreName() throws Exception {
    MeshService spec = bind("ports:\n  - port: 80\n", MeshService.class);
    ResourceMeta k8s = ResourceMeta.of("default", "redis.kuma-demo", Map.of(
        "kuma.io/display-name", "redis", "kuma.io/zone", "zone-1",
        "k8s.kuma.io/namespace", "kuma-demo"));
    Violations out = validate(MeshService.TYPE, k8s, spec);
    assertThat(out.list()).isEmpty();
    assertThat(out.warnings()).isEmpty();
    assertThat(DestinationNames.sni(MeshService.TYPE, k8s, "80"))
        .isEqualTo("sni.msvc.default.zone-1.kuma-demo.redis.80");
  }

  @Test
  void sniFollowsKumaFormat() {
    assertThat(DestinationNames.sni(MeshService.TYPE, meta("redis"), "6379"))
        .isEqualTo("sni.msvc.default.default.redis.6379");
    ResourceMeta global = ResourceMeta.of("default", "redis",
        Map.of("k8s.kuma.io/namespace", "kuma-demo"));
    assertThat(DestinationNames.sni(MeshService.TYPE, global, "6379"))
        .isEqualTo("sni.msvc.default.redis.6379");
    assertThat(DestinationNames.sniErrors(MeshService.TYPE, meta("redis"), ""))
        .containsExactly("mesh, name and sectionName must be non-empty");
    String longName = "n".repeat(60);
    ResourceMeta longMeta = ResourceMeta.of("m".repeat(60), longName, Map.of(
        "kuma.io/zone", "z".repeat(60), "k8s.kuma.io/namespace", "s".repeat(60)));
    assertThat(DestinationNames.sniErrors(MeshService.TYPE, longMeta, "port"))
        .containsExactly("computed SNI is 257 characters which exceeds the DNS hostname limit (253)");
  }

  @Test
  void nullPortsAndSelectorAreFine() {
    Violations out = validate(MeshService.TYPE, meta("redis"),
        new MeshService(null, null, List.of(), null));
    assertThat(out.list()).isEmpty();
  }
}
