package org.kumaj.model.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kumaj.model.legacy.LegacyTesting.bind;
import static org.kumaj.model.legacy.LegacyTesting.v;
import static org.kumaj.model.legacy.LegacyTesting.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violation;

class ProxyTemplateValidatorTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "{}",
      """
      selectors: [{match: {kuma.io/service: web, version: '2'}}]
      conf:
        imports: [default-proxy, gateway-proxy]
        resources:
        - {name: extra, version: '1', resource: "name: extra-cluster"}
        modifications:
        - cluster: {operation: add, value: "name: extra"}
        - listener: {operation: patch, match: {name: inbound}, value: "{}"}
        - networkFilter: {operation: addFirst, value: "name: f"}
        - httpFilter: {operation: addAfter, match: {name: envoy.filters.http.router}}
        - virtualHost: {operation: remove, match: {name: vh}}
        - {}
      """})
  void acceptsValidSpecs(String yaml) throws Exception {
    assertThat(validate(ProxyTemplate.TYPE, yaml)).isEmpty();
  }

  static Stream<Arguments> invalidSpecs() {
    return Stream.of(
        Arguments.of("""
            selectors: [{match: {region: eu}}]
            conf:
              imports: ["", custom-proxy]
              resources:
              - {name: "", version: ""}
              modifications:
              - cluster: {operation: add, match: {name: x}, value: "name: c"}
              - listener: {operation: replace}
              - networkFilter: {operation: addBefore, value: "name: f"}
              - httpFilter: {operation: patch, match: {origin: inbound}}
              - virtualHost: {operation: add, match: {name: vh}}
              - networkFilter: {operation: addAfter}
              - httpFilter: {}
            """, List.of(
            v("selectors[0].match", "mandatory tag \"kuma.io/service\" is missing"),
            v("conf.imports[0]", "cannot be empty"),
            v("conf.imports[1]", "profile not found. Available profiles: "
                + "default-proxy,egress-proxy,gateway-proxy,ingress-proxy"),
            v("conf.resources[0].name", "cannot be empty"),
            v("conf.resources[0].version", "cannot be empty"),
            v("conf.resources[0].resource", "cannot be empty"),
            v("conf.modifications[0].cluster.match", "cannot be defined"),
            v("conf.modifications[1].listener.operation",
                "invalid operation. Available operations: \"add\", \"patch\", \"remove\""),
            v("conf.modifications[2].networkFilter.match.name", "cannot be empty. You need to "
                + "pick a filter before which this one will be added"),
            v("conf.modifications[3].httpFilter.match.name", "cannot be empty"),
            v("conf.modifications[4].virtualHost.match.name", "cannot be defined"),
            v("conf.modifications[5].networkFilter.match.name", "cannot be empty. You need to "
                + "pick a filter after which this one will be added"),
            v("conf.modifications[6].httpFilter.operation", "invalid operation. Available "
                + "operations: \"addFirst\", \"addLast\", \"addBefore\", \"addAfter\", "
                + "\"patch\", \"remove\""))));
  }

  @ParameterizedTest
  @MethodSource("invalidSpecs")
  void reportsEveryViolation(String yaml, List<Violation> expected) throws Exception {
    assertThat(validate(ProxyTemplate.TYPE, yaml)).containsExactlyElementsOf(expected);
  }

  @Test
  void envoySnippetsGoThroughThePluggedCheck() throws Exception {
    List<String> calls = new ArrayList<>();
    EnvoyResourceCheck check = (kind, snippet, patch) -> {
      calls.add(kind + (patch ? " patch " : " ") + snippet);
      return snippet.contains("bad") ? "unknown field \"bad\"" : null;
    };
    @SuppressWarnings("unchecked")
    SpecValidator<ResourceSpec> validator =
        (SpecValidator<ResourceSpec>) (SpecValidator<?>) ProxyTemplate.validator(check);
    ResourceSpec spec = bind(ProxyTemplate.TYPE, """
        conf:
          resources: [{name: r, version: v, resource: "bad: 1"}]
          modifications:
          - cluster: {operation: add, value: "name: c"}
          - listener: {operation: patch, value: "bad: 2"}
          - networkFilter: {operation: addLast, value: "name: n"}
          - httpFilter: {operation: patch, match: {name: h}, value: "name: h"}
          - virtualHost: {operation: remove}
        """);
    assertThat(LegacyTesting.validate(validator, spec)).containsExactly(
        v("conf.resources[0].resource", "native Envoy resource is not valid: unknown field \"bad\""),
        v("conf.modifications[1].listener.value",
            "native Envoy resource is not valid: unknown field \"bad\""));
    assertThat(calls).containsExactly(
        "RAW_RESOURCE bad: 1",
        "CLUSTER name: c",
        "LISTENER patch bad: 2",
        "NETWORK_FILTER name: n",
        "HTTP_FILTER patch name: h");
  }
}
