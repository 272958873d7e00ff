package org.kumaj.model.policies.meshloadbalancingstrategy;

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

class MeshLoadBalancingStrategyTest {
  private static final String FULL = """
      targetRef:
        kind: Mesh
      to:
        - targetRef:
            kind: MeshService
            name: backend
          default:
            localityAwareness:
              disabled: false
              localZone:
                affinityTags:
                  - key: k8s.io/node
                    weight: 9
                  - key: k8s.io/az
                    weight: 1
              crossZone:
                failover:
                  - from:
                      zones: [zone-1]
                    to:
                      type: Only
                      zones: [zone-2]
                  - to:
                      type: Any
                failoverThreshold:
                  percentage: "70.5"
            loadBalancer:
              type: RingHash
              ringHash:
                hashFunction: MurmurHash2
                minRingSize: 64
                maxRingSize: 1024
            hashPolicies:
              - type: Header
                terminal: true
                header:
                  name: x-user
              - type: Cookie
                cookie:
                  name: session
                  ttl: 1h0m0s
                  path: /
              - type: Connection
                connection:
                  sourceIP: true
              - type: QueryParameter
                queryParameter:
                  name: user
              - type: FilterState
                filterState:
                  key: io.istio.peer
        - targetRef:
            kind: MeshMultiZoneService
            name: web
          default:
            loadBalancer:
              type: LeastRequest
              leastRequest:
                choiceCount: 3
                activeRequestBias: "1.5"
        - targetRef:
            kind: MeshService
            name: a
          default:
            loadBalancer:
              type: Maglev
              maglev:
                tableSize: 65537
                hashPolicies:
                  - type: SourceIP
                    connection: {sourceIP: true}
        - targetRef:
            kind: MeshService
            name: b
          default:
            loadBalancer:
              type: RoundRobin
              roundRobin: {}
        - targetRef:
            kind: MeshService
            name: c
          default:
            loadBalancer:
              type: Random
              random: {}
      """;

  @Test
  void bindsEveryField() throws Exception {
    MeshLoadBalancingStrategy spec = assertRoundTrip(MeshLoadBalancingStrategy.TYPE, FULL);
    assertThat(spec.to().get(0).defaultConf().hashPolicies().get(1).cookie().ttl())
        .hasToString("1h0m0s");
    assertThat(spec.to().get(3).defaultConf().loadBalancer().roundRobin()).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {FULL, """
      targetRef: {kind: MeshGateway, name: edge}
      to:
        - targetRef: {kind: Mesh}
          default:
            loadBalancer: {type: RoundRobin}
        - targetRef: {kind: MeshService, name: backend}
          default:
            hashPolicies: [{type: Header, header: {name: x}}]
      """})
  void acceptsValidSpecs(String yaml) {
    assertThat(violations(MeshLoadBalancingStrategy.TYPE, META, yaml)).isEmpty();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("""
            targetRef: {kind: MeshGatewayRoute}
            to:
              - targetRef: {kind: MeshServiceSubset, name: a}
              - targetRef: {kind: MeshService, name: backend, sectionName: http}
                default:
                  localityAwareness:
                    crossZone: {}
            """, """
            spec.targetRef.kind: value 'MeshGatewayRoute' is not supported
            spec.to[0].targetRef.kind: value 'MeshServiceSubset' is not supported
            spec.to[1].default.localityAwareness.crossZone: must not be set: MeshService traffic is local
            """),
        Arguments.of("""
            targetRef: {kind: MeshGateway, name: edge}
            to:
              - targetRef: {kind: MeshService, name: backend}
                default:
                  loadBalancer: {type: RoundRobin}
              - targetRef: {kind: MeshExternalService, name: ext}
            """, """
            spec.to[0].targetRef.kind: value 'MeshGateway' is not supported, only Mesh is allowed if loadBalancer is set
            spec.to[1].targetRef.kind: value 'MeshExternalService' is not supported
            spec.to[1].targetRef.kind: kind MeshExternalService is only allowed with targetRef.kind: Mesh as it is configured on the Zone Egress and shared by all clients in the mesh
            """),
        Arguments.of("""
            to:
              - targetRef: {kind: Mesh}
                default:
                  loadBalancer:
                    type: RingHash
                    ringHash:
                      hashPolicies:
                        - type: Header
                        - type: Cookie
                        - type: Connection
                        - type: QueryParameter
                        - type: FilterState
                        - type: SourceIP
                        - type: Cookie
                          cookie: {name: a, path: relative}
                  hashPolicies: []
              - targetRef: {kind: Mesh}
                default:
                  loadBalancer:
                    type: Maglev
                    maglev:
                      hashPolicies: [{type: Header}]
                  hashPolicies: [{type: Header, header: {name: a}}]
              - targetRef: {kind: Mesh}
                default:
                  loadBalancer:
                    type: LeastRequest
                    leastRequest: {activeRequestBias: "-1"}
              - targetRef: {kind: Mesh}
                default:
                  loadBalancer:
                    type: LeastRequest
                    leastRequest: {activeRequestBias: x}
            """, """
            spec.to[0].default.loadBalancer.ringHash.hashPolicies[0].header: must be defined
            spec.to[0].default.loadBalancer.ringHash.hashPolicies[1].cookie: must be defined
            spec.to[0].default.loadBalancer.ringHash.hashPolicies[2].connection: must be defined
            spec.to[0].default.loadBalancer.ringHash.hashPolicies[3].queryParameter: must be defined
            spec.to[0].default.loadBalancer.ringHash.hashPolicies[4].filterState: must be defined
            spec.to[0].default.loadBalancer.ringHash.hashPolicies[5].connection: must be defined
            spec.to[0].default.loadBalancer.ringHash.hashPolicies[6].cookie.path: must be an absolute path
            spec.to[0].default.loadBalancer.ringHash.hashPolicies: hashPolicies already specified in the root level
            spec.to[1].default.loadBalancer.maglev.hashPolicies[0].header: must be defined
            spec.to[1].default.loadBalancer.maglev.hashPolicies: hashPolicies already specified in the root level
            spec.to[2].default.loadBalancer.leastRequest.activeRequestBias: must be greater or equal then: 0
            spec.to[3].default.loadBalancer.leastRequest.activeRequestBias: string must be a valid number
            """),
        Arguments.of("""
            to:
              - targetRef: {kind: Mesh}
                default:
                  localityAwareness:
                    localZone:
                      affinityTags:
                        - {key: a, weight: 0}
                        - {key: ""}
                    crossZone:
                      failover:
                        - from: {zones: []}
                          to: {type: None, zones: [a]}
                        - from: {zones: [a, ""]}
                          to: {type: Any, zones: [b]}
                        - to: {type: Only}
                        - to: {type: AnyExcept, zones: []}
                        - to: {type: Sometimes}
                      failoverThreshold: {percentage: 0}
              - targetRef: {kind: Mesh}
                default:
                  localityAwareness:
                    crossZone:
                      failoverThreshold: {percentage: abc}
            """, """
            spec.to[0].default.localityAwareness.localZone.affinityTags[0].weight: must be greater than 0
            spec.to[0].default.localityAwareness.localZone.affinityTags[1].key: must not be empty
            spec.to[0].default.localityAwareness.localZone.affinityTags: all or none affinity tags should have weight
            spec.to[0].default.localityAwareness.crossZone.failover[0].from.zones: must not be empty
            spec.to[0].default.localityAwareness.crossZone.failover[0].to.zones: must be empty when type is None
            spec.to[0].default.localityAwareness.crossZone.failover[1].from.zones[1]: must not be empty
            spec.to[0].default.localityAwareness.crossZone.failover[1].to.zones: must be empty when type is Any
            spec.to[0].default.localityAwareness.crossZone.failover[2].to.zones: must not be empty when type is Only
            spec.to[0].default.localityAwareness.crossZone.failover[3].to.zones: must not be empty when type is AnyExcept
            spec.to[0].default.localityAwareness.crossZone.failover[4].to.type: unrecognized type
            spec.to[0].default.localityAwareness.crossZone.failoverThreshold.percentage: must be greater than 0
            spec.to[1].default.localityAwareness.crossZone.failoverThreshold.percentage: string must be a valid number
            """),
        Arguments.of("""
            to:
              - targetRef: {kind: MeshHTTPRoute, name: route}
                default:
                  loadBalancer: {type: RoundRobin}
                  localityAwareness: {disabled: true}
                  hashPolicies: [{type: QueryParameter}]
            """, """
            spec.to[0].default.hashPolicies[0].queryParameter: must be defined
            spec.to[0].default.loadBalancer: field is not allowed when targetRef.kind is MeshHTTPRoute, only hashPolicies is supported
            spec.to[0].default.localityAwareness: field is not allowed when targetRef.kind is MeshHTTPRoute, only hashPolicies is supported
            """));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void reportsEveryViolation(String yaml, String violations) {
    assertThat(violations(MeshLoadBalancingStrategy.TYPE, META, yaml))
        .isEqualTo(expected(violations));
  }

  @Test
  void warnsAboutNestedHashPolicies() {
    assertThat(warnings(MeshLoadBalancingStrategy.TYPE, FULL)).containsExactly(
        "configuration 'spec.to[2].default.loadBalancer.maglev.hashPolicies' is deprecated, use"
            + " 'spec.to[2].default.hashPolicies' instead",
        "SourceIP type for 'spec.to[2].default.loadBalancer.maglev.hashPolicies[0].type' is"
            + " deprecated, use Connection instead");
  }

  @Test
  void rejectsWrongJsonTypes() {
    assertThatThrownBy(() -> Json.mapper().readValue(
        "{\"to\":[{\"default\":{\"localityAwareness\":{\"localZone\":{\"affinityTags\":[{\"weight\":-1}]}}}}]}",
        MeshLoadBalancingStrategy.class)).isInstanceOf(MismatchedInputException.class);
  }
}
