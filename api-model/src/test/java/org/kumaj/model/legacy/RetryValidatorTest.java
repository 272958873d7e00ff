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

class RetryValidatorTest {
  private static final String SELECTORS = """
      sources: [{match: {kuma.io/service: shop}}]
      destinations: [{match: {kuma.io/service: payments}}]
      """;

  @ParameterizedTest
  @ValueSource(strings = {
      """
      conf:
        http:
          numRetries: 5
          perTryTimeout: 200ms
          backOff: {baseInterval: 20ms, maxInterval: 1s}
          retriableStatusCodes: [500, 504]
          retriableMethods: [GET, DELETE]
          retryOn: [all_5xx, retriable_status_codes, http3_post_connect_failure]
        grpc:
          retryOn: [cancelled, deadline_exceeded]
        tcp: {maxConnectAttempts: 3}
      """,
      """
      conf:
        grpc: {numRetries: 2}
      """})
  void acceptsValidSpecs(String conf) throws Exception {
    assertThat(validate(Retry.TYPE, SELECTORS + conf)).isEmpty();
  }

  static Stream<Arguments> invalidSpecs() {
    return Stream.of(
        Arguments.of("{}", List.of(
            v("sources", "must have at least one element"),
            v("destinations", "must have at least one element"),
            v("conf", "has to be defined"))),
        Arguments.of(SELECTORS + "conf: {}", List.of(
            v("conf", "missing protocol [grpc|http|tcp] configuration"))),
        Arguments.of(SELECTORS + """
            conf:
              http:
                numRetries: 0
                perTryTimeout: 0s
                backOff: {maxInterval: 1s}
                retriableMethods: [GET, NONE, FETCH]
                retryOn: [retriable_status_codes, gateway_error]
              grpc:
                retryOn: [cancelled, unavailable, cancelled, unavailable, internal]
                backOff: {baseInterval: 1s, maxInterval: 0s}
              tcp: {}
            """, List.of(
            v("conf.http.numRetries", "has to be greater than 0 when defined"),
            v("conf.http.perTryTimeout", "has to be greater than 0 when defined"),
            v("conf.http.backOff.baseInterval", "has to be defined"),
            v("conf.http.retriableMethods[1]", "field cannot be empty"),
            v("conf.http.retriableMethods[2]",
                "unknown value \"\\\"FETCH\\\"\" for enum kuma.mesh.v1alpha1.HttpMethod"),
            v("conf.http.retryOn[0]",
                "retriableStatusCodes cannot be empty when this option is specified"),
            v("conf.grpc.retryOn", "repeated value \"cancelled\" at indexes [0, 2]"),
            v("conf.grpc.retryOn", "repeated value \"unavailable\" at indexes [1, 3]"),
            v("conf.grpc.backOff.maxInterval", "has to be greater than 0 when defined"),
            v("conf.tcp.maxConnectAttempts", "has to be greater than 0"))),
        Arguments.of(SELECTORS + """
            conf:
              http: {retryOn: [], retriableStatusCodes: []}
              grpc: {backOff: {baseInterval: 0s, maxInterval: 0s}}
            """, List.of(
            v("conf.http", "field cannot be empty"),
            v("conf.grpc.backOff.baseInterval", "has to be greater than 0"))));
  }

  @ParameterizedTest
  @MethodSource("invalidSpecs")
  void reportsEveryViolation(String yaml, List<Violation> expected) throws Exception {
    assertThat(validate(Retry.TYPE, yaml)).containsExactlyElementsOf(expected);
  }
}
