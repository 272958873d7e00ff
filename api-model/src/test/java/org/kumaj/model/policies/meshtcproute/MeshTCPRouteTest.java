package org.kumaj.model.policies.meshtcproute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kumaj.model.policies.core.PolicyTesting.META;
import static org.kumaj.model.policies.core.PolicyTesting.PRODUCER_META;
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

class MeshTCPRouteTest {
  private static final String FULL = """
      targetRef:
        kind: MeshSubset
        tags:
          kuma.io/zone: east
      to:
        - targetRef:
            kind: MeshService
            name: redis
            sectionName: tcp
          rules:
            - default:
                backendRefs:
                  - kind: MeshService
                    name: redis-v2
                    port: 6379
                    weight: 80
                  - kind: MeshExternalService
                    name: redis-cloud
                    weight: 20
      """;

  private static final String GATEWAY = """
      targetRef:
        kind: MeshGateway
        name: edge
      to:
        - targetRef:
            kind: Mesh
          rules:
            - default:
                backendRefs:
                  - kind: MeshServiceSubset
                    name: tcp-backend
                    tags:
                      version: v2
      """;

  @Test
  void bindsEveryField() throws Exception {
    MeshTCPRoute spec = assertRoundTrip(MeshTCPRoute.TYPE, FULL);
    assertThat(spec.to().get(0).rules().get(0).defaultConf().backendRefs().get(0).weight())
        .isEqualTo(80L);
    assertRoundTrip(MeshTCPRoute.TYPE, GATEWAY);
  }

  @ParameterizedTest
  @ValueSource(strings = {FULL, GATEWAY})
  void acceptsValidSpecs(String yaml) {
    assertThat(violations(MeshTCPRoute.TYPE, META, yaml)).isEmpty();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("""
            targetRef:
              kind: BlahBlah
            to:
              - targetRef:
                  kind: Mesh
                rules:
                  - default: {}
                  - default:
                      backendRefs:
                        - kind: MeshServiceSubset
                        - kind: MeshMultiZoneService
                          name: redis
                        - kind: Mesh
            """, """
            spec.targetRef.kind: value 'BlahBlah' is not supported
            spec.to[0].targetRef.kind: value 'Mesh' is not supported
            spec.to[0].rules[0].default.backendRefs: must be defined
            spec.to[0].rules[1].default.backendRefs[0].name: must be set when kind is MeshServiceSubset
            spec.to[0].rules[1].default.backendRefs[1].port: must be defined with kind MeshMultiZoneService
            spec.to[0].rules[1].default.backendRefs[2].kind: value 'Mesh' is not supported
            """),
        Arguments.of("""
            targetRef:
              kind: MeshGateway
              name: edge
            to:
              - targetRef:
                  kind: MeshService
                  name: backend
                rules:
                  - default:
                      backendRefs:
                        - kind: MeshService
                          name: backend
            """, "spec.to[0].targetRef.kind: value 'MeshService' is not supported"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void reportsEveryViolation(String yaml, String violations) {
    assertThat(violations(MeshTCPRoute.TYPE, META, yaml)).isEqualTo(expected(violations));
  }

  @Test
  void gatewayTargetsNeedTheSystemRole() {
    assertThat(violations(MeshTCPRoute.TYPE, PRODUCER_META, GATEWAY))
        .isEqualTo(expected("spec.targetRef.kind: value 'MeshGateway' is not supported"));
  }

  @Test
  void warnsAboutDeprecatedTopLevelKinds() {
    assertThat(warnings(MeshTCPRoute.TYPE, FULL)).containsExactly(
        "MeshSubset value for 'targetRef.kind' is deprecated, use Dataplane with labels instead");
  }

  @Test
  void rejectsWrongJsonTypes() {
    assertThatThrownBy(() -> Json.mapper().readValue(
        "{\"to\":[{\"rules\":[{\"default\":{\"backendRefs\":[{\"kind\":\"MeshService\",\"weight\":\"1\"}]}}]}]}",
        MeshTCPRoute.class)).isInstanceOf(MismatchedInputException.class);
  }
}
