package org.kumaj.model.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kumaj.model.legacy.LegacyTesting.v;
import static org.kumaj.model.legacy.LegacyTesting.validate;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kumaj.model.ResourceType;
import org.kumaj.model.validation.Violation;

/** TrafficLog, TrafficPermission and TrafficTrace: only their selectors are checked. */
class SelectorOnlyPoliciesValidatorTest {

  static Stream<Arguments> validSpecs() {
    return Stream.of(
        Arguments.of(TrafficLog.TYPE, """
            sources: [{match: {kuma.io/service: shop, env: prod}}]
            destinations: [{match: {kuma.io/service: '*'}}]
            conf: {backend: logstash}
            """),
        Arguments.of(TrafficLog.TYPE, """
            sources: [{match: {kuma.io/service: shop}}]
            destinations: [{match: {kuma.io/service: payments}}]
            """),
        Arguments.of(TrafficPermission.TYPE, """
            sources: [{match: {env: dev}}]
            destinations: [{match: {kuma.io/service: payments, kuma.io/zone: east}}]
            """),
        // like Kuma's API example: no kuma.io/service needed
        Arguments.of(TrafficTrace.TYPE, """
            selectors: [{match: {service: payments, region: us}}]
            conf: {backend: jaeger-us}
            """),
        Arguments.of(TrafficTrace.TYPE, "selectors: [{match: {kuma.io/service: '*'}}]"));
  }

  @ParameterizedTest(name = "{0} #{index}")
  @MethodSource("validSpecs")
  void acceptsValidSpecs(ResourceType type, String yaml) throws Exception {
    assertThat(validate(type, yaml)).isEmpty();
  }

  static Stream<Arguments> invalidSpecs() {
    return Stream.of(
        Arguments.of(TrafficLog.TYPE, """
            sources: [{match: {"bad key!": x}}]
            destinations:
            - match: {kuma.io/service: payments, kuma.io/protocol: http}
            - match: {}
            """, List.of(
            v("sources[0].match[\"bad key!\"]", "tag name must consist of alphanumeric "
                + "characters, dots, dashes, slashes and underscores"),
            v("sources[0].match", "mandatory tag \"kuma.io/service\" is missing"),
            v("destinations[0].match", "must consist of exactly one tag \"kuma.io/service\""),
            v("destinations[0].match[\"kuma.io/protocol\"]",
                "tag \"kuma.io/protocol\" is not allowed"),
            v("destinations[1].match", "must consist of exactly one tag \"kuma.io/service\""),
            v("destinations[1].match", "mandatory tag \"kuma.io/service\" is missing"))),
        Arguments.of(TrafficPermission.TYPE, "{}", List.of(
            v("sources", "must have at least one element"),
            v("destinations", "must have at least one element"))),
        Arguments.of(TrafficPermission.TYPE, """
            sources: [{match: {"": x}}]
            destinations: [{match: {kuma.io/service: ""}}]
            """, List.of(
            v("sources[0].match", "tag name must be non-empty"),
            v("destinations[0].match[\"kuma.io/service\"]", "tag value must be non-empty"))),
        Arguments.of(TrafficTrace.TYPE, "conf: {backend: zipkin}", List.of(
            v("selectors", "must have at least one element"))),
        Arguments.of(TrafficTrace.TYPE, "selectors: [{match: {}}, {}]", List.of(
            v("selectors[0].match", "must have at least one tag"),
            v("selectors[1].match", "must have at least one tag"))));
  }

  @ParameterizedTest(name = "{0} #{index}")
  @MethodSource("invalidSpecs")
  void reportsEveryViolation(ResourceType type, String yaml, List<Violation> expected)
      throws Exception {
    assertThat(validate(type, yaml)).containsExactlyElementsOf(expected);
  }
}
