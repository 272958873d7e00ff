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

class HealthCheckValidatorTest {

  @ParameterizedTest
  @ValueSource(strings = {
      """
      sources: [{match: {kuma.io/service: shop}}]
      destinations: [{match: {kuma.io/service: payments}}]
      conf: {interval: 15s, timeout: 3s, unhealthyThreshold: 5, healthyThreshold: 2}
      """,
      """
      sources: [{match: {kuma.io/service: shop}}]
      destinations: [{match: {kuma.io/service: payments}}]
      conf:
        interval: 1m
        timeout: 500ms
        unhealthy_threshold: 1
        healthy_threshold: 1
        initialJitter: 1s
        healthyPanicThreshold: 0
        http:
          path: /status
          expectedStatuses: [100, 599]
          requestHeadersToAdd: [{header: {key: x-check}}]
      """})
  void acceptsValidSpecs(String yaml) throws Exception {
    assertThat(validate(HealthCheck.TYPE, yaml)).isEmpty();
  }

  static Stream<Arguments> invalidSpecs() {
    return Stream.of(
        Arguments.of("{}", List.of(
            v("sources", "must have at least one element"),
            v("destinations", "must have at least one element"),
            v("conf", "has to be defined"))),
        Arguments.of("""
            sources: [{match: {kuma.io/service: shop}}]
            destinations: [{match: {kuma.io/service: payments}}]
            conf:
              interval: 0s
              unhealthyThreshold: 0
              initialJitter: 0s
              healthyPanicThreshold: 101
              tcp: {}
              http:
                path: ""
                expectedStatuses: [200, 99, 600]
                requestHeadersToAdd:
                - append: true
                - header: {value: x}
            """, List.of(
            v("conf.interval", "must have a positive value"),
            v("conf.timeout", "must have a positive value"),
            v("conf.unhealthyThreshold", "must have a positive value"),
            v("conf.healthyThreshold", "must have a positive value"),
            v("conf.initialJitter", "must have a positive value"),
            v("conf.healthyPanicThreshold", "must be in range [0.0 - 100.0]"),
            v("conf.http.path", "has to be defined and cannot be empty"),
            v("conf.http.expectedStatuses[1]", "must be in range [100, 600)"),
            v("conf.http.expectedStatuses[2]", "must be in range [100, 600)"),
            v("conf.http.requestHeadersToAdd[0].header", "has to be defined"),
            v("conf.http.requestHeadersToAdd[1].header.key", "cannot be empty"),
            v("conf", "http and tcp cannot be defined at the same time"))));
  }

  @ParameterizedTest
  @MethodSource("invalidSpecs")
  void reportsEveryViolation(String yaml, List<Violation> expected) throws Exception {
    assertThat(validate(HealthCheck.TYPE, yaml)).containsExactlyElementsOf(expected);
  }
}
