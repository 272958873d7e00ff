package org.kumaj.model.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kumaj.model.system.SpecAssertions.assertRoundTrip;
import static org.kumaj.model.system.SpecAssertions.lines;
import static org.kumaj.model.system.SpecAssertions.validate;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kumaj.model.ResourceType;
import org.kumaj.model.codec.Json;

class ZoneProxiesTest {
  @Test
  void zoneIngressBindsEveryField() throws Exception {
    String yaml = """
        zone: zone-1
        networking:
          address: 10.2.3.4
          advertisedAddress: 10.3.4.5
          port: 1000
          advertisedPort: 1001
          admin:
            port: 9901
        availableServices:
          - tags:
              kuma.io/service: backend
            instances: 2
            mesh: default
            externalService: true
        """;
    ZoneIngress ingress = assertRoundTrip(yaml, ZoneIngress.class);
    assertThat(ingress.availableServices().get(0).instances()).isEqualTo(2);
    assertThat(validate(ZoneIngress.TYPE, "zone-ingress-1", yaml).list()).isEmpty();
  }

  @Test
  void zoneEgressBindsEveryField() throws Exception {
    String yaml = """
        zone: zone-1
        networking:
          address: 10.2.3.4
          port: 1000
          admin:
            port: 9901
        """;
    assertThat(assertRoundTrip(yaml, ZoneEgress.class).networking().admin()).isEqualTo(new EnvoyAdmin(9901));
    assertThat(validate(ZoneEgress.TYPE, "zone-egress-1", yaml).list()).isEmpty();
  }

  @Test
  void wrongJsonTypeFailsBinding() {
    assertThatThrownBy(() -> Json.mapper().readValue("{\"networking\":{\"port\":\"1000\"}}", ZoneIngress.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> Json.mapper().readValue("{\"zone\":[]}", ZoneEgress.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  static Stream<Arguments> invalidProxies() {
    return Stream.of(
        Arguments.of(ZoneIngress.TYPE, """
            networking:
              address: 0.0.0.0
              port: 9901
              advertisedPort: 70000
              admin:
                port: 9901
            availableServices:
              - tags:
                  version: v1
            """, List.of(
            "networking.admin.port: must differ from port",
            "networking.advertisedAddress: has to be defined with advertisedPort",
            "networking.address.address: must not be 0.0.0.0 or ::",
            "networking.advertisedPort: port must be in the range [1, 65535]",
            "availableService[0].tags: mandatory tag \"kuma.io/service\" is missing")),
        Arguments.of(ZoneIngress.TYPE, """
            networking:
              advertisedAddress: 'bad address!'
            """, List.of(
            "networking.advertisedPort: has to be defined with advertisedAddress",
            "networking.advertisedAddress.address: address has to be valid IP address or domain name",
            "networking.port: port must be in the range [1, 65535]")),
        Arguments.of(ZoneEgress.TYPE, """
            networking:
              address: '::'
              port: 9901
              admin:
                port: 9901
            """, List.of(
            "networking.admin.port: must differ from port",
            "networking.address.address: must not be 0.0.0.0 or ::")),
        Arguments.of(ZoneEgress.TYPE, "{}", List.of("networking.port: port must be in the range [1, 65535]")));
  }

  @ParameterizedTest
  @MethodSource("invalidProxies")
  void reportsKumasViolations(ResourceType type, String yaml, List<String> expected) throws Exception {
    assertThat(lines(validate(type, "proxy-1", yaml))).containsExactlyElementsOf(expected);
  }
}
