package org.kumaj.model.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kumaj.model.legacy.LegacyTesting.v;
import static org.kumaj.model.legacy.LegacyTesting.validate;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kumaj.model.validation.Violation;

class RateLimitValidatorTest {

  @Test
  void acceptsValidSpec() throws Exception {
    assertThat(validate(RateLimit.TYPE, """
        sources: [{match: {kuma.io/service: shop}}]
        destinations: [{match: {kuma.io/service: payments}}]
        conf:
          http:
            requests: 10
            interval: 1s
            onRateLimit:
              status: 423
              headers: [{key: x-rate-limited, value: "true"}]
        """)).isEmpty();
  }

  static Stream<Arguments> invalidSpecs() {
    return Stream.of(
        Arguments.of("{}", List.of(
            v("sources", "must have at least one element"),
            v("destinations", "must have at least one element"),
            v("conf", "must have conf"))),
        Arguments.of("""
            sources: [{match: {region: eu west}}]
            destinations: [{match: {}}]
            conf:
              http:
                onRateLimit:
                  headers:
                  - key: x-limited
                  - value: "yes"
            """, List.of(
            v("sources[0].match[\"region\"]", "tag value must consist of alphanumeric characters, "
                + "dots, dashes, slashes and underscores or be \"*\""),
            v("destinations[0].match", "must have at least one tag"),
            v("conf.http.requests", "requests must be set"),
            v("conf.http.interval", "interval must be set"),
            v("conf.http.onRateLimit.header[\"0\"]", "value must be set"),
            v("conf.http.onRateLimit.header[\"1\"]", "key must be set"))));
  }

  @ParameterizedTest
  @MethodSource("invalidSpecs")
  void reportsEveryViolation(String yaml, List<Violation> expected) throws Exception {
    assertThat(validate(RateLimit.TYPE, yaml)).containsExactlyElementsOf(expected);
  }
}
