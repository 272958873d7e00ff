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

class TrafficRouteValidatorTest {
  private static final String SELECTORS = """
      sources: [{match: {kuma.io/service: shop}}]
      destinations: [{match: {kuma.io/service: payments}}]
      """;

  @ParameterizedTest
  @ValueSource(strings = {
      // a weighted split with extra tags, as in Kuma's API example
      """
      sources:
      - match: {kuma.io/service: shop, region: eu-west-1, version: v7}
      destinations:
      - match: {kuma.io/service: payments}
      conf:
        split:
        - weight: 75
          destination: {kuma.io/service: payments, region: eu-west-1, version: v1}
        - weight: 25
          destination: {kuma.io/service: payments, version: v2}
      """,
      SELECTORS + """
      conf:
        destination: {kuma.io/service: payments}
        loadBalancer:
          ringHash: {hashFunction: XX_HASH, minRingSize: 64}
        http:
        - match:
            path: {prefix: /v1}
            headers: {x-user: {exact: ""}}
          modify:
            path: {rewritePrefix: /}
            host: {value: payments.internal}
            requestHeaders: {add: [{name: x-a, value: b}], remove: [{name: x-b}]}
          split:
          - {weight: 0, destination: {kuma.io/service: payments, version: v1}}
          - {weight: 1, destination: {kuma.io/service: payments, version: v2}}
      """,
      SELECTORS + """
      conf:
        destination: {kuma.io/service: payments}
        loadBalancer: {leastRequest: {choiceCount: 0}}
      """})
  void acceptsValidSpecs(String yaml) throws Exception {
    assertThat(validate(TrafficRoute.TYPE, yaml)).isEmpty();
  }

  static Stream<Arguments> invalidSpecs() {
    return Stream.of(
        Arguments.of("{}", List.of(
            v("sources", "must have at least one element"),
            v("destinations", "must have at least one element"),
            v("conf", "cannot be empty"))),
        Arguments.of("""
            sources: [{match: {}}]
            destinations: [{match: {}}]
            conf:
              split:
              - destination: {}
            """, List.of(
            v("sources[0].match", "must have at least one tag"),
            v("sources[0].match", "mandatory tag \"kuma.io/service\" is missing"),
            v("destinations[0].match", "must consist of exactly one tag \"kuma.io/service\""),
            v("destinations[0].match", "mandatory tag \"kuma.io/service\" is missing"),
            v("conf.split[0].weight", "needs to be defined"),
            v("conf.split[0].destination", "must have at least one tag"),
            v("conf.split[0].destination", "mandatory tag \"kuma.io/service\" is missing"),
            v("conf.split", "there must be at least one split entry with weight above 0"))),
        Arguments.of(SELECTORS + """
            conf:
              split:
              - weight: 1
                destination: {kuma.io/service: payments}
              destination: {kuma.io/service: payments}
              loadBalancer:
                ringHash: {hashFunction: MD5}
              http:
              - match: {}
                modify:
                  path: {rewritePrefix: /v2}
                  host: {}
                  requestHeaders:
                    add:
                    - {name: host, value: x}
                    - {name: x-ok}
                  responseHeaders:
                    remove:
                    - {name: ":authority"}
                    - {}
              - match:
                  method: {}
                  path: {prefix: ""}
                  headers:
                    x-a: {regex: ""}
                    "": {exact: y}
                modify:
                  path: {regex: {pattern: ^/a}}
                  host: {fromPath: {substitution: \\1}}
                split: []
            """, List.of(
            v("conf", "\"split\" cannot be defined at the same time as \"destination\""),
            v("conf.http[0].match", "must be present and contain at least one of the elements: "
                + "\"method\", \"path\" or \"headers\""),
            v("conf.http[0].modify.path.rewritePrefix",
                "can only be set when .http.match.path.prefix is not empty"),
            v("conf.http[0].modify.host", "either \"value\" or \"fromPath\" has to be set"),
            v("conf.http[0].modify.requestHeaders.add[0].name",
                "host header and HTTP/2 pseudo-headers are not allowed to be modified"),
            v("conf.http[0].modify.requestHeaders.add[1].value", "cannot be empty"),
            v("conf.http[0].modify.responseHeaders.remove[0].name",
                "host header and HTTP/2 pseudo-headers are not allowed to be modified"),
            v("conf.http[0].modify.responseHeaders.remove[1].name", "cannot be empty"),
            v("conf.http[0]", "requires either \"destination\" or \"split\""),
            v("conf.http[1].match.method",
                "cannot be empty. Available options: \"exact\", \"split\" or \"regex\""),
            v("conf.http[1].match.path.prefix", "cannot be empty"),
            v("conf.http[1].match.headers[\"\"]", "cannot be empty"),
            v("conf.http[1].match.headers[\"x-a\"].regex", "cannot be empty"),
            v("conf.http[1].modify.path.regex.substitution", "cannot be empty"),
            v("conf.http[1].modify.host.fromPath.pattern", "cannot be empty"),
            v("conf.http[1]", "requires either \"destination\" or \"split\""),
            v("conf.loadBalancer.ringHash.hashFunction", "must have a valid hash function"))),
        // an empty object is a destination (and fails), an empty list is no split at all
        Arguments.of(SELECTORS + """
            conf:
              split: []
              destination: {}
              loadBalancer: {leastRequest: {choiceCount: 1}}
            """, List.of(
            v("conf.destination", "must have at least one tag"),
            v("conf.destination", "mandatory tag \"kuma.io/service\" is missing"),
            v("conf.loadBalancer.leastRequest.choiceCount",
                "value must be greater than or equal to 2"))),
        Arguments.of(SELECTORS + "conf: {split: []}", List.of(
            v("conf", "requires either \"destination\" or \"split\""))),
        // weights add up as uint32, as in Kuma
        Arguments.of(SELECTORS + """
            conf:
              split:
              - {weight: 2147483647, destination: {kuma.io/service: a}}
              - {weight: 2147483647, destination: {kuma.io/service: b}}
              - {weight: 2, destination: {kuma.io/service: c}}
            """, List.of(
            v("conf.split", "there must be at least one split entry with weight above 0"))));
  }

  @ParameterizedTest
  @MethodSource("invalidSpecs")
  void reportsEveryViolation(String yaml, List<Violation> expected) throws Exception {
    assertThat(validate(TrafficRoute.TYPE, yaml)).containsExactlyElementsOf(expected);
  }
}
