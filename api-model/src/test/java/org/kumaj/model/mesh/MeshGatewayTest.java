package org.kumaj.model.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kumaj.model.system.SpecAssertions.assertRoundTrip;
import static org.kumaj.model.system.SpecAssertions.lines;
import static org.kumaj.model.system.SpecAssertions.rewrite;
import static org.kumaj.model.system.SpecAssertions.tree;
import static org.kumaj.model.system.SpecAssertions.validate;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kumaj.model.codec.Json;

class MeshGatewayTest {
  static final String FULL = """
      selectors:
        - match:
            kuma.io/service: edge-gateway
      tags:
        team: edge
      conf:
        listeners:
          - hostname: foo.example.com
            port: 443
            protocol: HTTPS
            tls:
              mode: TERMINATE
              certificates:
                - secret: foo-cert
              options: {}
            tags:
              port: https
            resources:
              connectionLimit: 100
          - port: 8080
            protocol: HTTP
            crossMesh: true
      """;

  @Test
  void bindsEveryFieldAndWritesItBack() throws Exception {
    MeshGateway gw = assertRoundTrip(FULL, MeshGateway.class);
    assertThat(gw.conf().listeners().get(0).tls().options()).isEqualTo(new MeshGateway.TlsOptions());
    assertThat(gw.conf().listeners().get(1).nonEmptyHostname()).isEqualTo("*");
    assertThat(gw.isCrossMesh()).isTrue();
    assertThat(validate(MeshGateway.TYPE, "edge", FULL).list()).isEmpty();
    assertThat(rewrite("""
        conf:
          listeners:
            - protocol: NONE
              tls:
                mode: NONE
              resources:
                connection_limit: 5
        """, MeshGateway.class)).isEqualTo(tree("""
        conf:
          listeners:
            - tls: {}
              resources:
                connectionLimit: 5
        """));
  }

  @Test
  void wrongJsonTypeFailsBinding() {
    assertThatThrownBy(() -> Json.mapper().readValue("{\"conf\":{\"listeners\":[{\"port\":true}]}}", MeshGateway.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  static Stream<Arguments> invalidGateways() {
    return Stream.of(
        Arguments.of("empty", "{}", List.of(
            "selectors: must have at least one element",
            "conf: cannot be empty")),
        Arguments.of("selectors, tags and listeners", """
            selectors:
              - match: {}
              - match:
                  kuma.io/service: gw
            tags:
              kuma.io/service: gw
            conf:
              listeners:
                - hostname: 'bad_host'
                  port: 0
                - hostname: '*.Example.com'
                  port: 443
                  protocol: HTTPS
                  crossMesh: true
                  tls:
                    mode: TERMINATE
                - port: 443
                  protocol: HTTPS
                  tls:
                    mode: PASSTHROUGH
                  tags:
                    kuma.io/zone: z
                - port: 444
                  protocol: TLS
                  tls:
                    mode: TERMINATE
                    certificates: [{secret: a}, {secret: b}, {secret: c}]
                - port: 445
                  protocol: HTTPS
                - port: 446
                  protocol: SMTP
                  tls: {}
            """, List.of(
            "selectors[0].match: must have at least one tag",
            "selectors[0].match: mandatory tag \"kuma.io/service\" is missing",
            "selectors[1]: there can be at most one selector",
            "tags[\"kuma.io/service\"]: tag name must not be \"kuma.io/service\"",
            "conf.listeners[0].hostname: invalid hostname",
            "conf.listeners[0].port: port must be in the range [1, 65535]",
            "conf.listeners[0].protocol: cannot be empty",
            "conf.listeners[1].hostname: invalid wildcard domain",
            "conf.listeners[1].protocol: protocol is not supported with crossMesh",
            "conf.listeners[1].tls: must be empty with crossMesh",
            "conf.listeners[2].tls.mode: mode is not supported on HTTPS listeners",
            "conf.listeners[2].tags[\"kuma.io/zone\"]: tag name must not be \"kuma.io/zone\"",
            "conf.listeners[3].tls.certificates: cannot have more than 2 certificates",
            "conf.listeners[4].tls: cannot be empty",
            "conf.listeners[5].protocol: unknown value \"\\\"SMTP\\\"\" for enum"
                + " kuma.mesh.v1alpha1.MeshGateway.Listener.Protocol",
            "conf.listeners[5].tls.mode: cannot be empty")),
        Arguments.of("listener conflicts", """
            selectors:
              - match:
                  kuma.io/service: gw
            conf:
              listeners:
                - port: 80
                  protocol: HTTP
                  resources:
                    connectionLimit: 10
                - port: 80
                  protocol: HTTP
                  resources:
                    connectionLimit: 20
                - port: 80
                  protocol: TCP
                  hostname: other.example.com
            """, List.of(
            "conf.listeners[0]: protocol conflicts with other listeners on this port",
            "conf.listeners[1]: protocol conflicts with other listeners on this port",
            "conf.listeners[2]: protocol conflicts with other listeners on this port",
            "conf.listeners[0]: multiple listeners for hostname on this port",
            "conf.listeners[1]: multiple listeners for hostname on this port",
            "conf.listeners[0].resources.connectionLimit: conflicting values for this port",
            "conf.listeners[1].resources.connectionLimit: conflicting values for this port")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidGateways")
  void reportsKumasViolations(String name, String yaml, List<String> expected) throws Exception {
    assertThat(lines(validate(MeshGateway.TYPE, "gw", yaml))).containsExactlyElementsOf(expected);
  }
}
