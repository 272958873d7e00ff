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

class TimeoutValidatorTest {
  private static final String SELECTORS = """
      sources: [{match: {kuma.io/service: shop}}]
      destinations: [{match: {kuma.io/service: payments}}]
      """;

  @Test
  void acceptsValidSpec() throws Exception {
    assertThat(validate(Timeout.TYPE, SELECTORS + """
        conf:
          connectTimeout: 10s
          tcp: {idleTimeout: 1h}
          http: {requestTimeout: 15s, streamIdleTimeout: 0s}
          grpc: {maxStreamDuration: 2m}
        """)).isEmpty();
  }

  static Stream<Arguments> invalidSpecs() {
    return Stream.of(
        Arguments.of("{}", List.of(
            v("sources", "must have at least one element"),
            v("destinations", "must have at least one element"),
            v("conf", "has to be defined"))),
        Arguments.of(SELECTORS + """
            conf:
              tcp: {}
              http: {streamIdleTimeout: 1s}
              grpc: {}
            """, List.of(
            v("conf.tcp", "at least one timeout in section has to be defined"),
            v("conf.http", "at least one timeout in section has to be defined"),
            v("conf.grpc", "at least one timeout in section has to be defined"))),
        Arguments.of(SELECTORS + """
            conf:
              tcp: {idleTimeout: 0s}
              http: {requestTimeout: 0s, idleTimeout: 5s}
              grpc: {maxStreamDuration: 0s}
            """, List.of(
            v("conf.tcp.idleTimeout", "has to be greater than 0"),
            v("conf.http.requestTimeout", "has to be greater than 0 when defined"),
            v("conf.grpc.maxStreamDuration", "has to be greater than 0 when defined"))));
  }

  @ParameterizedTest
  @MethodSource("invalidSpecs")
  void reportsEveryViolation(String yaml, List<Violation> expected) throws Exception {
    assertThat(validate(Timeout.TYPE, yaml)).containsExactlyElementsOf(expected);
  }
}
