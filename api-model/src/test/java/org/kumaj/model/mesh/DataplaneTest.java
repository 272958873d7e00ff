package org.kumaj.model.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kumaj.model.system.SpecAssertions.assertRoundTrip;
import static org.kumaj.model.system.SpecAssertions.lines;
import static org.kumaj.model.system.SpecAssertions.rewrite;
import static org.kumaj.model.system.SpecAssertions.tree;
import static org.kumaj.model.system.SpecAssertions.validate;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kumaj.model.codec.Json;

class DataplaneTest {
  static final String SIDECAR = """
      networking:
        address: 10.0.0.1
        advertisedAddress: 192.168.0.1
        inbound:
          - port: 8080
            servicePort: 80
            serviceAddress: 127.0.0.1
            address: 10.0.0.2
            tags:
              kuma.io/service: web
              kuma.io/protocol: http
              version: v1
            health:
              ready: true
            serviceProbe:
              interval: 10s
              timeout: 2s
              unhealthyThreshold: 3
              healthyThreshold: 1
              tcp: {}
            state: NotReady
            name: http-port
            protocol: http
        outbound:
          - address: 127.0.0.1
            port: 10001
            tags:
              kuma.io/service: backend
          - port: 10002
            backendRef:
              kind: MeshService
              name: redis
              port: 6379
          - port: 10003
            backendRef:
              kind: MeshExternalService
              labels:
                team: a
        transparentProxying:
          redirectPortInbound: 15006
          redirectPortOutbound: 15001
          directAccessServices:
            - '*'
          reachableServices:
            - backend
          ipFamilyMode: IPv4
          reachableBackends:
            refs:
              - kind: MeshService
                name: redis
                namespace: kuma-demo
                port: 6379
              - kind: MeshMultiZoneService
                labels:
                  app: redis
        admin:
          port: 9901
        listeners:
          - type: ZoneIngress
            address: 10.0.0.1
            port: 10001
            name: ingress
            state: NotReady
      metrics:
        name: prom
        type: prometheus
        conf:
          port: 1234
      probes:
        port: 9000
        endpoints:
          - inboundPort: 8080
            inboundPath: /healthz
            path: /8080/healthz
      """;

  @Test
  void bindsEveryFieldAndWritesItBack() throws Exception {
    Dataplane dp = assertRoundTrip(SIDECAR, Dataplane.class);
    Dataplane.Inbound inbound = dp.networking().inbound().get(0);
    assertThat(inbound.serviceProbe().interval().toDuration()).isEqualTo(Duration.ofSeconds(10));
    assertThat(inbound.serviceProbe().tcp()).isEqualTo(new Dataplane.Tcp());
    assertThat(inbound.sectionName()).isEqualTo("http-port");
    assertThat(inbound.service()).isEqualTo("web");
    assertThat(dp.networking().outbound().get(1).backendRef())
        .isEqualTo(new Dataplane.BackendRef("MeshService", "redis", 6379, null));
    assertThat(dp.networking().transparentProxying().reachableBackends().refs().get(0).port()).isEqualTo(6379);
    assertThat(dp.networking().listeners().get(0).sectionName()).isEqualTo("ingress");
    assertThat(dp.isDelegatedGateway()).isFalse();
    assertThat(dp.isBuiltinGateway()).isFalse();
    assertThat(validate(Dataplane.TYPE, "dp-1", SIDECAR).list()).isEmpty();
  }

  @Test
  void bindsKumaFixtureShapes() throws Exception {
    Dataplane dp = assertRoundTrip("""
        networking:
          address: 10.1.2.1
          inbound:
            - port: 1234
              tags:
                kuma.io/service: my-svc
        """, Dataplane.class);
    assertThat(dp.networking().inbound().get(0).tags()).containsEntry("kuma.io/service", "my-svc");
    assertRoundTrip("""
        networking:
          address: 2.2.2.2
          gateway:
            tags:
              kuma.io/service: edge
            type: BUILTIN
        """, Dataplane.class);
  }

  @Test
  void acceptsSnakeCaseNamesAndWritesCamelCase() throws Exception {
    assertThat(rewrite("""
        networking:
          address: 10.0.0.1
          transparent_proxying:
            redirect_port_inbound: 15006
            ip_family_mode: DualStack
          inbound:
            - port: 80
              serviceProbe:
                unhealthy_threshold: 0
        probes:
          endpoints:
            - inbound_port: 80
              inbound_path: /x
        """, Dataplane.class)).isEqualTo(tree("""
        networking:
          address: 10.0.0.1
          inbound:
            - port: 80
              serviceProbe:
                unhealthyThreshold: 0
          transparentProxying:
            redirectPortInbound: 15006
            ipFamilyMode: DualStack
        probes:
          endpoints:
            - inboundPort: 80
              inboundPath: /x
        """));
  }

  @Test
  void protoZeroValuesAreOmitted() throws Exception {
    assertThat(rewrite("""
        networking:
          address: 10.0.0.1
          advertisedAddress: ''
          gateway:
            type: DELEGATED
            tags: {}
          inbound:
            - port: 80
              servicePort: 0
              state: Ready
              health:
                ready: false
              tags: {}
          outbound: []
          transparentProxying:
            ipFamilyMode: UnSpecified
          listeners:
            - type: Unspecified
              state: Ready
        """, Dataplane.class)).isEqualTo(tree("""
        networking:
          address: 10.0.0.1
          gateway: {}
          inbound:
            - port: 80
              health: {}
          transparentProxying: {}
          listeners:
            - {}
        """));
  }

  @Test
  void wrongJsonTypeFailsBinding() {
    assertThatThrownBy(() -> Json.mapper().readValue(
        "{\"networking\":{\"inbound\":[{\"port\":\"8080\"}]}}", Dataplane.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> Json.mapper().readValue(
        "{\"networking\":{\"inbound\":[{\"serviceProbe\":{\"interval\":\"soon\"}}]}}", Dataplane.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  static Stream<Arguments> invalidDataplanes() {
    return Stream.of(
        Arguments.of("kuma fixture: service tag missing", """
            networking:
              address: 10.1.2.1
              inbound:
                - port: 1234
                  tags:
                    version: v1
            """, List.of("networking.inbound[0].tags[\"kuma.io/service\"]: tag has to exist")),
        Arguments.of("no networking", "{}", List.of("networking: must be defined")),
        Arguments.of("addresses, ports and tags", """
            networking:
              address: 0.0.0.0
              inbound:
                - port: 70000
                  servicePort: 70000
                  serviceAddress: foo
                  address: 10.0.0.300
                  tags:
                    kuma.io/service: 'web app'
                    kuma.io/protocol: smtp
                  protocol: quic
                  state: Broken
                  serviceProbe:
                    interval: 0s
                    timeout: 1s
                    healthyThreshold: 0
                - port: 80
                  serviceAddress: 0.0.0.0
            """, List.of(
            "networking.inbound[0].state: unknown value \"\\\"Broken\\\"\" for enum"
                + " kuma.mesh.v1alpha1.Dataplane.Networking.Inbound.State",
            "networking.address: must not be 0.0.0.0 or ::",
            "networking.inbound[0].port: port must be in the range [1, 65535]",
            "networking.inbound[0].servicePort: port must be in the range [1, 65535]",
            "networking.inbound[0].serviceAddress: serviceAddress has to be valid IP address",
            "networking.inbound[0].address: address has to be valid IP address",
            "networking.inbound[0].tags[\"kuma.io/protocol\"]: tag \"kuma.io/protocol\" has an invalid"
                + " value \"smtp\". Allowed values: grpc, http, http2, kafka, tcp",
            "networking.inbound[0].tags[\"kuma.io/service\"]: tag value must consist of alphanumeric"
                + " characters, dots, dashes and underscores",
            "networking.inbound[0].protocol: has an invalid value \"quic\". Allowed values: grpc, http,"
                + " http2, kafka, tcp",
            "networking.inbound[0].serviceProbe.interval: must have a positive value",
            "networking.inbound[0].serviceProbe.healthyThreshold: must have a positive value",
            "networking.inbound[1].serviceAddress: serviceAddress and servicePort has to differ from"
                + " address and port")),
        Arguments.of("outbounds and reachable backends", """
            networking:
              address: example.com
              outbound:
                - port: 0
                  address: localhost
                - port: 10001
                  tags:
                    version: v1
                - port: 10002
                  tags:
                    kuma.io/service: db
                  backendRef:
                    kind: Service
                - port: 10003
                  backendRef:
                    kind: MeshExternalService
                    name: ext
              transparentProxying:
                reachableBackends:
                  refs:
                    - kind: MeshService
                    - kind: MeshService
                      namespace: ns
                      labels:
                        a: b
                    - kind: MeshService
                      name: Bad_Name
            """, List.of(
            "networking.outbound[0].port: port must be in the range [1, 65535]",
            "networking.outbound[0].address: address has to be valid IP address",
            "networking.outbound[0].tags: mandatory tag \"kuma.io/service\" is missing",
            "networking.outbound[1].tags: mandatory tag \"kuma.io/service\" is missing",
            "networking.outbound[2].backendRef.kind: invalid value. Available values are:"
                + " MeshExternalService,MeshMultiZoneService,MeshService",
            "networking.outbound[2].backendRef: either 'name' or 'labels' should be specified",
            "networking.outbound[2].backendRef.port: port must be in the range [1, 65535]",
            "networking.outbound[2].backendRef: both backendRef and tags/service cannot be defined",
            "networking.transparentProxing.reachableBackends.refs[0].name: name or labels are required",
            "networking.transparentProxing.reachableBackends.refs[1].name: name is required, when"
                + " namespace is defined",
            "networking.transparentProxing.reachableBackends.refs[1].labels: labels cannot be defined"
                + " when name is specified",
            "networking.transparentProxing.reachableBackends.refs[2].name: invalid characters. A"
                + " lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-'"
                + " or '.', and must start and end with an alphanumeric character")),
        Arguments.of("admin port, probes and metrics", """
            networking:
              address: 127.0.0.1
              admin:
                port: 8080
              inbound:
                - port: 8080
                  tags:
                    kuma.io/service: web
              outbound:
                - port: 8080
                  tags:
                    kuma.io/service: db
            probes:
              port: 0
              endpoints:
                - inboundPort: 8080
                  inboundPath: healthz
                  path: ''
            metrics:
              type: statsd
            """, List.of(
            "networking.admin.port: must differ from inbound",
            "networking.admin.port: must differ from outbound",
            "probes.port: port must be in the range [1, 65535]",
            "probes.endpoints[0].inboundPath: should be a valid URL Path",
            "probes.endpoints[0].path: should be a valid URL Path",
            "metrics.type: unknown backend type. Available backends: \"prometheus\"")),
        Arguments.of("listeners", """
            networking:
              address: 10.0.0.1
              inbound:
                - port: 8080
                  name: main
              listeners:
                - address: 10.0.0.1
                  port: 8080
                  name: main
                - type: ZoneEgress
                  address: 10.0.0.1
                  port: 8080
                - type: ZoneIngress
                  address: ''
                  port: 0
                - type: ZoneEgress
                  address: ''
                  port: 0
            """, List.of(
            "networking.listeners[0].type: type must be ZoneIngress or ZoneEgress",
            "networking.listeners[0].name: name \"main\" must be unique across inbounds and listeners",
            "networking.listeners[0]: address:port 10.0.0.1:8080 collides with an inbound listener",
            "networking.listeners[1]: address:port 10.0.0.1:8080 is used by listeners of different types",
            "networking.listeners[1]: address:port 10.0.0.1:8080 collides with an inbound listener",
            "networking.listeners[2].address: address can't be empty",
            "networking.listeners[2].port: port must be in the range [1, 65535]",
            "networking.listeners[3].address: address can't be empty",
            "networking.listeners[3].port: port must be in the range [1, 65535]",
            "networking.listeners[3]: address:port :0 is used by listeners of different types")),
        Arguments.of("builtin gateway", """
            networking:
              address: 10.0.0.1
              gateway:
                type: BUILTIN
                tags:
                  kuma.io/protocol: http
              inbound:
                - port: 80
              outbound:
                - port: 81
                  tags:
                    kuma.io/service: x
              listeners:
                - type: ZoneIngress
                  address: 10.0.0.1
                  port: 82
            probes:
              port: 9000
            """, List.of(
            "networking.inbound: inbound cannot be defined for builtin gateways",
            "networking.outbound: outbound cannot be defined for builtin gateways",
            "networking.listeners: listeners cannot be defined for builtin gateways",
            "networking.probes: probes cannot be defined for builtin gateways",
            "networking.gateway.tags[\"kuma.io/protocol\"]: other values than tcp are not allowed,"
                + " provided value \"http\"",
            "networking.gateway.tags: mandatory tag \"kuma.io/service\" is missing")),
        Arguments.of("delegated gateway", """
            networking:
              address: 10.0.0.1
              gateway:
                tags:
                  kuma.io/service: edge
                  kuma.io/protocol: TCP
              inbound:
                - port: 80
                  tags:
                    kuma.io/service: web
              listeners:
                - type: ZoneEgress
                  address: 10.0.0.1
                  port: 82
            probes:
              port: 9000
              endpoints:
                - inboundPort: 80
                  inboundPath: /ready
                  path: /ready
            """, List.of(
            "networking.inbound: inbound cannot be defined for delegated gateways",
            "networking.listeners: listeners cannot be defined for delegated gateways")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidDataplanes")
  void reportsKumasViolations(String name, String yaml, List<String> expected) throws Exception {
    assertThat(lines(validate(Dataplane.TYPE, "dp-1", yaml))).containsExactlyElementsOf(expected);
  }

  @Test
  void acceptsInboundsWithoutTagsLikeKumaFixture() throws Exception {
    assertThat(validate(Dataplane.TYPE, "dp-6", """
        networking:
          address: 10.1.2.1
          inbound:
            - port: 1234
        """).list()).isEmpty();
  }
}
