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

class FaultInjectionValidatorTest {

  @ParameterizedTest
  @ValueSource(strings = {
      // plain "service" tags are fine here; destinations only need an HTTP protocol
      """
      sources:
      - match: {service: shop, kuma.io/protocol: http}
      destinations:
      - match: {service: payments, kuma.io/protocol: http}
      conf:
        abort: {httpStatus: 503, percentage: 25}
        delay: {percentage: 30, value: 0.020s}
        responseBandwidth: {limit: 10kbps, percentage: 25}
      """,
      """
      sources: [{match: {kuma.io/service: '*'}}]
      destinations: [{match: {kuma.io/service: payments, kuma.io/protocol: GRPC}}]
      conf:
        response_bandwidth: {limit: 1 gbps, percentage: 0}
      """})
  void acceptsValidSpecs(String yaml) throws Exception {
    assertThat(validate(FaultInjection.TYPE, yaml)).isEmpty();
  }

  static Stream<Arguments> invalidSpecs() {
    return Stream.of(
        Arguments.of("{}", List.of(
            v("sources", "must have at least one element"),
            v("destinations", "must have at least one element"),
            v("conf", "must have at least one of the faults configured"))),
        Arguments.of("""
            sources: [{match: {kuma.io/service: shop}}]
            destinations: [{match: {kuma.io/service: payments}}]
            conf:
              delay: {percentage: 120}
              abort: {httpStatus: 999}
              responseBandwidth: {percentage: -1, limit: 50 Mbps}
            """, List.of(
            v("destinations[0].match", "protocol must be specified"),
            v("conf.delay.percentage", "has to be in [0.0 - 100.0] range"),
            v("conf.delay.value", "cannot be empty"),
            v("conf.abort.percentage", "cannot be empty"),
            v("conf.abort.httpStatus", "http status code is incorrect"),
            v("conf.responseBandwidth.percentage", "has to be in [0.0 - 100.0] range"),
            v("conf.responseBandwidth.limit", "has to be in kbps/mbps/gbps units"))),
        Arguments.of("""
            sources: [{match: {kuma.io/service: shop}}]
            destinations: [{match: {kuma.io/service: payments, kuma.io/protocol: tcp}}]
            conf:
              delay: {}
            """, List.of(
            v("destinations[0].match[\"kuma.io/protocol\"]", "must be one of the [http, http2, grpc]"),
            v("conf", "must have at least one of the faults configured"))));
  }

  @ParameterizedTest
  @MethodSource("invalidSpecs")
  void reportsEveryViolation(String yaml, List<Violation> expected) throws Exception {
    assertThat(validate(FaultInjection.TYPE, yaml)).containsExactlyElementsOf(expected);
  }
}
