package org.kumaj.model.policies.meshretry;

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

class MeshRetryTest {
  private static final String FULL = """
      targetRef:
        kind: MeshGateway
        name: edge
        tags:
          listener: http
      to:
        - targetRef:
            kind: Mesh
          default:
            tcp:
              maxConnectAttempt: 5
            http:
              numRetries: 3
              perTryTimeout: 2s
              backOff:
                baseInterval: 25ms
                maxInterval: 250ms
              rateLimitedBackOff:
                resetHeaders:
                  - name: retry-after
                    format: Seconds
                  - name: x-ratelimit-reset
                    format: UnixTimestamp
                maxInterval: 5m0s
              retryOn: [5xx, GatewayError, HttpMethodGet, "503"]
              retriableResponseHeaders:
                - type: Exact
                  name: x-retry
                  value: "true"
              retriableRequestHeaders:
                - type: Present
                  name: x-idempotent
              hostSelection:
                - predicate: OmitPreviousHosts
                - predicate: OmitHostsWithTags
                  tags:
                    zone: east
                - predicate: OmitPreviousPriorities
                  updateFrequency: 2
              hostSelectionMaxAttempts: 10
            grpc:
              numRetries: 2
              perTryTimeout: 1s
              backOff:
                baseInterval: 10ms
              rateLimitedBackOff:
                resetHeaders:
                  - name: retry-after
                    format: Seconds
              retryOn: [Canceled, DeadlineExceeded, Internal, ResourceExhausted, Unavailable]
      """;

  @Test
  void bindsEveryField() throws Exception {
    MeshRetry spec = assertRoundTrip(MeshRetry.TYPE, FULL);
    assertThat(spec.to().get(0).defaultConf().http().hostSelectionMaxAttempts()).isEqualTo(10L);
    assertThat(spec.to().get(0).defaultConf().http().hostSelection().get(1).tags())
        .containsEntry("zone", "east");
  }

  @ParameterizedTest
  @ValueSource(strings = {FULL, """
      to:
        - targetRef:
            kind: MeshService
            name: backend
            sectionName: http
          default:
            http:
              numRetries: 1
      """})
  void acceptsValidSpecs(String yaml) {
    assertThat(violations(MeshRetry.TYPE, META, yaml)).isEmpty();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("""
            to:
              - targetRef:
                  kind: MeshSubset
                default:
                  tcp: {maxConnectAttempt: 1}
              - targetRef:
                  kind: MeshServiceSubset
                  name: a
                default:
                  tcp: {maxConnectAttempt: 1}
              - targetRef:
                  kind: Mesh
            """, """
            spec.to[0].targetRef.kind: value 'MeshSubset' is not supported
            spec.to[1].targetRef.kind: value 'MeshServiceSubset' is not supported
            spec.to[2].default.conf: at least one of the 'tcp', 'http', 'grpc' must be specified
            """),
        Arguments.of("""
            to:
              - targetRef:
                  kind: Mesh
                default:
                  tcp: {}
                  http: {}
                  grpc: {}
              - targetRef:
                  kind: Mesh
                default:
                  tcp:
                    maxConnectAttempt: 0
                  http:
                    backOff: {}
                    rateLimitedBackOff:
                      maxInterval: 0s
                  grpc:
                    backOff: {}
                    rateLimitedBackOff:
                      resetHeaders:
                        - format: Seconds
            """, """
            spec.to[0].default.conf.tcp: must not be empty
            spec.to[0].default.conf.http: must not be empty
            spec.to[0].default.conf.grpc: must not be empty
            spec.to[1].default.conf.tcp.maxConnectAttempt: must be greater than 0
            spec.to[1].default.conf.http.backOff: must not be empty
            spec.to[1].default.conf.http.rateLimitedBackOff.maxInterval: must be defined and greater than zero
            spec.to[1].default.conf.http.rateLimitedBackOff.resetHeaders: must be defined
            spec.to[1].default.conf.grpc.backOff: must not be empty
            spec.to[1].default.conf.grpc.rateLimitedBackOff.resetHeaders[0].name: must be defined
            """),
        Arguments.of("""
            to:
              - targetRef:
                  kind: Mesh
                default:
                  http:
                    retryOn: [WRONG_VALUE, 5XX, reset, "123", "952", "+404", "306"]
                    hostSelection:
                      - predicate: OmitHostsWithTags
                      - predicate: OmitPreviousPriorities
                      - predicate: Incorrect
                      - predicate: OmitPreviousPriorities
                        updateFrequency: 3
                  grpc:
                    retryOn: ["500", Unavailable, wrong]
            """, """
            spec.to[0].default.conf.http.retryOn[0]: unknown item 'WRONG_VALUE'
            spec.to[0].default.conf.http.retryOn[1]: unknown item '5XX'
            spec.to[0].default.conf.http.retryOn[2]: unknown item 'reset'
            spec.to[0].default.conf.http.retryOn[3]: unknown item '123'
            spec.to[0].default.conf.http.retryOn[4]: unknown item '952'
            spec.to[0].default.conf.http.retryOn[6]: unknown item '306'
            spec.to[0].default.conf.http.hostSelection[0].tags: must be defined
            spec.to[0].default.conf.http.hostSelection[1].updateFrequency: must be defined and greater than zero
            spec.to[0].default.conf.http.hostSelection[2].predicate: unknown predicate type 'Incorrect'
            spec.to[0].default.conf.http.hostSelection[3].predicate: OmitPreviousPriorities must only be specified once
            spec.to[0].default.conf.grpc.retryOn[0]: unknown item '500'
            spec.to[0].default.conf.grpc.retryOn[2]: unknown item 'wrong'
            """),
        Arguments.of("""
            targetRef:
              kind: MeshHTTPRoute
              name: route
            to:
              - targetRef:
                  kind: MeshService
                  name: backend
                default:
                  http: {numRetries: 1}
            """, "spec.to[0].targetRef.kind: value 'MeshService' is not supported"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void reportsEveryViolation(String yaml, String violations) {
    assertThat(violations(MeshRetry.TYPE, META, yaml)).isEqualTo(expected(violations));
  }

  @Test
  void producerPoliciesCannotTargetGateways() {
    assertThat(violations(MeshRetry.TYPE, PRODUCER_META, FULL))
        .isEqualTo(expected("spec.targetRef.kind: value 'MeshGateway' is not supported"));
  }

  @Test
  void warnsAboutDeprecatedTopLevelKinds() {
    assertThat(warnings(MeshRetry.TYPE, """
        targetRef:
          kind: MeshHTTPRoute
          name: route
        to:
          - targetRef:
              kind: Mesh
            default:
              http: {numRetries: 1}
        """)).containsExactly("MeshHTTPRoute value for 'targetRef.kind' is deprecated, use"
        + " MeshHTTPRoute in spec.to[].targetRef");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"to\":[{\"default\":{\"tcp\":{\"maxConnectAttempt\":-1}}}]}",
      "{\"to\":[{\"default\":{\"http\":{\"retryOn\":\"5xx\"}}}]}",
      "{\"to\":[{\"default\":{\"http\":{\"numRetries\":\"3\"}}}]}"})
  void rejectsWrongJsonTypes(String json) {
    assertThatThrownBy(() -> Json.mapper().readValue(json, MeshRetry.class))
        .isInstanceOf(MismatchedInputException.class);
  }
}
