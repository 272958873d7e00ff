package org.kumaj.model.policies.meshproxypatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kumaj.model.policies.core.PolicyTesting.META;
import static org.kumaj.model.policies.core.PolicyTesting.PRODUCER_META;
import static org.kumaj.model.policies.core.PolicyTesting.assertRoundTrip;
import static org.kumaj.model.policies.core.PolicyTesting.expected;
import static org.kumaj.model.policies.core.PolicyTesting.violations;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kumaj.model.codec.Json;

class MeshProxyPatchTest {
  private static final String FULL = """
      targetRef:
        kind: MeshGateway
        name: edge
      default:
        appendModifications:
          - cluster:
              operation: Add
              value: |
                name: test-cluster
                connectTimeout: 5s
          - cluster:
              match:
                origin: outbound
                name: backend
              operation: Patch
              jsonPatches:
                - op: replace
                  path: /connectTimeout
                  value: 10s
                - op: add
                  path: /metadata
                  value: {filterMetadata: {a: {b: c}}}
                - op: copy
                  path: /a
                  from: /b
                - op: remove
                  path: /b
          - listener:
              match:
                origin: inbound
                name: inbound:10.0.0.1:8080
                tags: {kuma.io/service: backend}
              operation: Remove
          - networkFilter:
              match:
                origin: inbound
                name: envoy.filters.network.tcp_proxy
                listenerName: inbound:10.0.0.1:8080
                listenerTags: {kuma.io/service: backend}
              operation: AddBefore
              value: |
                name: envoy.filters.network.local_ratelimit
          - httpFilter:
              match:
                name: envoy.filters.http.router
              operation: Patch
              value: |
                name: envoy.filters.http.router
          - virtualHost:
              match:
                origin: outbound
                name: backend
                routeConfigurationName: outbound:backend
              operation: Patch
              value: |
                retryPolicy: {numRetries: 3}
      """;

  @Test
  void bindsEveryField() throws Exception {
    MeshProxyPatch spec = assertRoundTrip(MeshProxyPatch.TYPE, FULL);
    var patch = spec.defaultConf().appendModifications().get(1).cluster().jsonPatches().get(1);
    assertThat(patch.value().at("/filterMetadata/a/b").asText()).isEqualTo("c");
    assertThat(spec.defaultConf().appendModifications().get(3).networkFilter().match()
        .listenerTags()).containsEntry("kuma.io/service", "backend");
  }

  @Test
  void acceptsValidSpecs() {
    assertThat(violations(MeshProxyPatch.TYPE, META, FULL)).isEmpty();
  }

  private static String mods(String mods) {
    return "default:\n  appendModifications:\n" + mods.indent(2);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("targetRef: {kind: Unknown}\ndefault: {}", """
            spec.targetRef.kind: value 'Unknown' is not supported
            spec.default.appendModifications: must not be empty
            """),
        Arguments.of(mods("""
            - {}
            - cluster: {operation: Remove}
              listener: {operation: Remove}
            """), """
            spec.default.appendModifications[0]: exactly one modification can be defined at a time. Currently, 0 modifications are defined
            spec.default.appendModifications[1]: exactly one modification can be defined at a time. Currently, 2 modifications are defined
            """),
        Arguments.of(mods("""
            - cluster: {operation: AddFirst}
            - cluster: {operation: Add, value: '{'}
            - cluster: {operation: Patch, value: '{'}
            - cluster:
                operation: Add
                match: {name: "inbound:127.0.0.1:80"}
                value: "name: xyz"
            - cluster: {operation: Remove, value: "name: xyz"}
            - cluster: {operation: Add}
            - cluster: {operation: Patch}
            - cluster:
                operation: Patch
                value: '{}'
                jsonPatches: [{op: remove, path: ""}]
            - listener:
                operation: Patch
                jsonPatches:
                  - {op: remove, path: ""}
                  - {op: move, path: /a}
                  - {op: replace, path: /a, from: /b}
                  - {op: test, value: 1}
                  - {op: remove, path: /a, value: null}
            """), """
            spec.default.appendModifications[0].cluster.operation: invalid operation. Available operations: "Add", "Patch", "Remove"
            spec.default.appendModifications[1].cluster.value: native Envoy resource is not valid: unexpected EOF
            spec.default.appendModifications[2].cluster.value: native Envoy resource is not valid: unexpected EOF
            spec.default.appendModifications[3].cluster.match: must not be defined
            spec.default.appendModifications[4].cluster.value: must not be defined
            spec.default.appendModifications[5].cluster.value: must be defined
            spec.default.appendModifications[6].cluster: cluster must have exactly one defined: value, jsonPatches
            spec.default.appendModifications[7].cluster: cluster must have only one type defined: value, jsonPatches
            spec.default.appendModifications[8].listener.jsonPatches[0].path: root path cannot be removed
            spec.default.appendModifications[8].listener.jsonPatches[1].from: "from" must not be empty when "op" is one of ["move", "copy"]
            spec.default.appendModifications[8].listener.jsonPatches[2].from: "from" is allowed only when "op" is one of ["move", "copy"]
            spec.default.appendModifications[8].listener.jsonPatches[2].value: "value" must not be empty when "op" is one of ["add", "replace"]
            spec.default.appendModifications[8].listener.jsonPatches[3].op: "op" must be one of ["add", "remove", "replace", "move", "copy"]
            spec.default.appendModifications[8].listener.jsonPatches[3].value: "value" is allowed only when "op" is one of ["add", "replace"]
            spec.default.appendModifications[8].listener.jsonPatches[3].path: must be defined
            spec.default.appendModifications[8].listener.jsonPatches[4].value: "value" is allowed only when "op" is one of ["add", "replace"]
            """),
        Arguments.of(mods("""
            - networkFilter: {operation: AddFirst, value: '{'}
            - networkFilter: {operation: AddBefore, value: '{'}
            - networkFilter: {operation: AddAfter, value: '{'}
            - networkFilter: {operation: Patch, value: '{'}
            - networkFilter: {operation: Remove, value: "name: x"}
            - networkFilter: {operation: Add}
            - httpFilter:
                operation: Patch
                value: "name: x"
                jsonPatches: [{op: remove, path: /a}]
            - virtualHost:
                operation: Add
                match: {name: x}
                value: '{'
            - virtualHost: {operation: AddLast}
            - virtualHost: {operation: Remove, value: "name: x"}
            """), """
            spec.default.appendModifications[0].networkFilter.value: native Envoy resource is not valid: unexpected EOF
            spec.default.appendModifications[1].networkFilter.match.name: must be defined. You need to pick a filter before which this one will be added
            spec.default.appendModifications[1].networkFilter.value: native Envoy resource is not valid: unexpected EOF
            spec.default.appendModifications[2].networkFilter.match.name: must be defined. You need to pick a filter after which this one will be added
            spec.default.appendModifications[2].networkFilter.value: native Envoy resource is not valid: unexpected EOF
            spec.default.appendModifications[3].networkFilter.match.name: must be defined
            spec.default.appendModifications[3].networkFilter.value: native Envoy resource is not valid: unexpected EOF
            spec.default.appendModifications[4].networkFilter.value: must not be defined
            spec.default.appendModifications[5].networkFilter.operation: invalid operation. Available operations: "AddFirst", "AddLast", "AddBefore", "AddAfter", "Patch", "Remove"
            spec.default.appendModifications[6].httpFilter.match.name: must be defined
            spec.default.appendModifications[6].httpFilter: httpFilter must have only one type defined: value, jsonPatches
            spec.default.appendModifications[7].virtualHost.match.name: must not be defined
            spec.default.appendModifications[7].virtualHost.value: native Envoy resource is not valid: unexpected EOF
            spec.default.appendModifications[8].virtualHost.operation: invalid operation. Available operations: "Add", "Patch", "Remove"
            spec.default.appendModifications[9].virtualHost.value: must not be defined
            """));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void reportsEveryViolation(String yaml, String violations) {
    assertThat(violations(MeshProxyPatch.TYPE, META, yaml)).isEqualTo(expected(violations));
  }

  @Test
  void gatewayTargetsNeedTheSystemRole() {
    assertThat(violations(MeshProxyPatch.TYPE, PRODUCER_META, FULL))
        .isEqualTo(expected("spec.targetRef.kind: value 'MeshGateway' is not supported"));
  }

  @Test
  void rejectsWrongJsonTypes() {
    assertThatThrownBy(() -> Json.mapper().readValue(
        "{\"default\":{\"appendModifications\":[{\"cluster\":{\"value\":{\"name\":\"x\"}}}]}}",
        MeshProxyPatch.class)).isInstanceOf(MismatchedInputException.class);
  }
}
