package org.kumaj.model.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kumaj.model.legacy.LegacyTesting.v;
import static org.kumaj.model.legacy.LegacyTesting.validate;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kumaj.model.validation.Violation;

class CircuitBreakerValidatorTest {

  @ParameterizedTest
  @ValueSource(strings = {
      // every detector, as in Kuma's API example
      """
      sources:
      - match: {kuma.io/service: shop, kuma.io/protocol: http}
      destinations:
      - match: {kuma.io/service: payments}
      conf:
        interval: 10s
        baseEjectionTime: 10s
        maxEjectionPercent: 100
        detectors:
          totalErrors: {consecutive: 9}
          gatewayErrors: {consecutive: 3}
          localErrors: {consecutive: 1}
          standardDeviation: {requestVolume: 5, minimumHosts: 2, factor: 1.2}
          failure: {requestVolume: 5, minimumHosts: 2, threshold: 0}
      """,
      """
      sources: [{match: {kuma.io/service: '*'}}]
      destinations: [{match: {kuma.io/service: '*'}}]
      conf:
        thresholds: {maxRetries: 0}
      """})
  void acceptsValidSpecs(String yaml) throws Exception {
    assertThat(validate(CircuitBreaker.TYPE, yaml)).isEmpty();
  }

  static Stream<Arguments> invalidSpecs() {
    return Stream.of(
        Arguments.of("{}", List.of(
            v("sources", "must have at least one element"),
            v("destinations", "must have at least one element"),
            v("conf", "must have at least one of the detector or threshold configured"))),
        Arguments.of("""
            sources:
            - match: {}
            destinations:
            - match: {kuma.io/service: payments, version: v1}
            conf:
              maxEjectionPercent: 120
              detectors:
                failure: {threshold: 101}
              thresholds: {}
            """, List.of(
            v("sources[0].match", "must have at least one tag"),
            v("sources[0].match", "mandatory tag \"kuma.io/service\" is missing"),
            v("destinations[0].match", "must consist of exactly one tag \"kuma.io/service\""),
            v("destinations[0].match[\"version\"]", "tag \"version\" is not allowed"),
            v("conf.maxEjectionPercent", "has to be in [0.0 - 100.0] range"),
            v("conf.detectors.failure.threshold", "has to be in [0.0 - 100.0] range"),
            v("conf.thresholds", "can't be empty"))),
        Arguments.of("""
            sources: [{match: {kuma.io/service: shop}}]
            destinations: [{match: {kuma.io/service: payments}}]
            conf:
              detectors: {}
              thresholds: {maxConnections: 10}
            """, List.of(v("conf.detectors", "can't be empty"))));
  }

  @ParameterizedTest
  @MethodSource("invalidSpecs")
  void reportsEveryViolation(String yaml, List<Violation> expected) throws Exception {
    assertThat(validate(CircuitBreaker.TYPE, yaml)).containsExactlyElementsOf(expected);
  }
}
