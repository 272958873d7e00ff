package org.kumaj.model.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kumaj.model.legacy.LegacyTesting.v;
import static org.kumaj.model.legacy.LegacyTesting.validate;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kumaj.model.validation.GoStrings;
import org.kumaj.model.validation.Violation;

class VirtualOutboundValidatorTest {
  private static final String SELECTORS = "selectors: [{match: {kuma.io/service: '*'}}]\n";

  @ParameterizedTest
  @ValueSource(strings = {
      """
      selectors: [{match: {region: us, kuma.io/service: '*'}}]
      conf:
        host: api.internal
        port: "8080"
        parameters: [{name: svc, tagKey: kuma.io/service}]
      """,
      SELECTORS + """
      conf:
        host: "{{ .svc }}.{{.version}}.mesh"
        port: "{{.port}}"
        parameters:
        - {name: svc, tagKey: kuma.io/service}
        - {name: version}
        - {name: port, tag_key: kuma.io/port}
      """})
  void acceptsValidSpecs(String yaml) throws Exception {
    assertThat(validate(VirtualOutbound.TYPE, yaml)).isEmpty();
  }

  private static String templateError(String error) {
    return "template pre evaluation failed with error=" + GoStrings.quote(error);
  }

  static Stream<Arguments> invalidSpecs() {
    return Stream.of(
        Arguments.of("{}", List.of(
            v("selectors", "must have at least one element"),
            v("conf", "has to be defined"))),
        Arguments.of(SELECTORS + "conf: {}", List.of(
            v("conf.parameters", "must contain a parameter with kuma.io/service as a tagKey"),
            v("conf.host", "has to be defined"),
            v("conf.port", "has to be defined"))),
        Arguments.of(SELECTORS + """
            conf:
              host: x.mesh
              port: "99999"
              parameters:
              - {name: my-param, tagKey: bad key}
              - {name: my-param}
            """, List.of(
            v("conf.parameters[0].tagKey", "must be a valid tag name"),
            v("conf.parameters[0].name",
                "must consist of alphanumeric characters to be used as a gotemplate key"),
            v("conf.parameters[1].name", "name is already used"),
            v("conf.parameters[1].name",
                "must consist of alphanumeric characters to be used as a gotemplate key"),
            v("conf.parameters", "must contain a parameter with kuma.io/service as a tagKey"),
            v("conf.port", "template pre evaluation failed with error=\"evaluation of template "
                + "returned a port outside of the range [1..65535] result=99999\""))),
        Arguments.of(SELECTORS + """
            conf:
              host: "api.{{zone"
              port: "{{.port}}x"
              parameters: [{name: svc, tagKey: kuma.io/service}, {name: port, tagKey: kuma.io/port}]
            """, List.of(
            // Kuma's own text for a template calling an unknown function
            v("conf.host", "template pre evaluation failed with error=\"failed compiling "
                + "gotemplate error=\\\"template: :1: function \\\\\\\"zone\\\\\\\" not defined\\\"\""),
            v("conf.port", "template pre evaluation failed with error=\"evaluation of template "
                + "with parameters didn't evaluate to a parsable number result=\\\"1x\\\"\""))));
  }

  @ParameterizedTest
  @MethodSource("invalidSpecs")
  void reportsEveryViolation(String yaml, List<Violation> expected) throws Exception {
    assertThat(validate(VirtualOutbound.TYPE, yaml)).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "10.1.2.3           | 10.1.2.3",
      "{{.nope}}.mesh     | <no value>.mesh",
      "{{.svc}}..mesh     | dummy..mesh",
      "-{{.svc}}          | -dummy"})
  void hostMustEvaluateToDnsName(String host, String result) throws Exception {
    List<Violation> found = validate(VirtualOutbound.TYPE, SELECTORS + """
        conf:
          host: "%s"
          port: "80"
          parameters: [{name: svc, tagKey: kuma.io/service}]
        """.formatted(host));
    assertThat(found).containsExactly(v("conf.host", templateError(
        "evaluation of template with parameters didn't return a valid dns name result="
            + GoStrings.quote(result))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"svc.mesh", "svc.mesh.", "_svc", "a-b_c.d1", "256.1.1.1", "01.2.3.4"})
  void dnsNamesAsGovalidatorSeesThem(String name) {
    assertThat(VirtualOutboundValidator.isDnsName(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1.2.3.4", "svc..mesh", "-svc", "svc mesh", "svc/mesh"})
  void notDnsNames(String name) {
    assertThat(VirtualOutboundValidator.isDnsName(name)).isFalse();
  }
}
