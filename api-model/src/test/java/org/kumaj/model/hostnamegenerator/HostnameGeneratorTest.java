package org.kumaj.model.hostnamegenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kumaj.model.hostnamegenerator.SpecFixtures.bind;
import static org.kumaj.model.hostnamegenerator.SpecFixtures.roundTrip;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.codec.Json;
import org.kumaj.model.validation.Violation;

class HostnameGeneratorTest {
  private static final ResourceMeta META = SpecFixtures.meta(null, "local-zone");
  private static final String DNS_RULE = "a lowercase RFC 1123 subdomain must consist of lower "
      + "case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric "
      + "character (e.g. 'example.com', regex used for validation is "
      + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

  @Test
  void bindsEveryField() throws Exception {
    HostnameGenerator spec = roundTrip("""
        selector:
          meshService:
            matchLabels:
              kuma.io/origin: zone
              team: payments
        template: "{{ .DisplayName }}.{{ .Namespace }}.svc.mesh.local"
        extension:
          type: my-plugin
          config:
            weight: 10
            nested: {enabled: true}
        """, HostnameGenerator.class);
    assertThat(spec.selector().meshService().matchLabels())
        .containsEntry("team", "payments").hasSize(2);
    assertThat(spec.selector().meshExternalService()).isNull();
    assertThat(spec.extension().type()).isEqualTo("my-plugin");
    assertThat(spec.extension().config().get("nested").get("enabled").asBoolean()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"meshExternalService", "meshMultiZoneService"})
  void bindsOtherSelectors(String selector) throws Exception {
    HostnameGenerator spec = roundTrip("""
        selector:
          %s:
            matchLabels: {}
        template: "{{ .Name }}.extsvc.mesh.local"
        """.formatted(selector), HostnameGenerator.class);
    assertThat(SpecFixtures.validate(HostnameGenerator.TYPE, META, spec).list()).isEmpty();
  }

  @Test
  void rejectsWrongJsonType() {
    assertThatThrownBy(() -> Json.mapper().readValue("{\"template\": 5}", HostnameGenerator.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> Json.mapper().readValue(
        "{\"selector\": {\"meshService\": {\"matchLabels\": [\"a\"]}}}", HostnameGenerator.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "template: \"{{ .Name }}.mesh\"\nselector:\n  meshService: {}\n",
      "template: \"{{ .Name }}.mesh\"\nselector:\n  meshMultiZoneService: {}\n",
      "template: \"{{ .Name }}.{{ .DisplayName }}.{{ .Namespace }}.{{ .Mesh }}.{{ .Zone }}.mesh\"\n"
          + "selector:\n  meshService: {}\n",
      "template: \"{{ label \\\"app\\\" }}.mesh\"\nselector:\n  meshService: {}\n",
  })
  void acceptsValid(String yaml) throws Exception {
    HostnameGenerator spec = bind(yaml, HostnameGenerator.class);
    assertThat(SpecFixtures.validate(HostnameGenerator.TYPE, META, spec).list()).isEmpty();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("template: \"{{ .Name[4 }}.mesh\"\nselector:\n  meshService: {}\n",
            List.of(new Violation("spec.template",
                "couldn't parse template: template: :1: bad character U+005B '['"))),
        Arguments.of("template: \"\"\nselector:\n  meshService: {}\n",
            List.of(new Violation("spec.template", "must not be empty"))),
        Arguments.of("template: \"{{ .Name }}.mesh\"\n",
            List.of(new Violation("spec.selector",
                "exact one selector (meshService, meshExternalService) must be defined"))),
        Arguments.of("template: \"{{ .Name }}.mesh\"\nselector:\n  meshService: {}\n"
                + "extension:\n  config: {}\n",
            List.of(new Violation("spec.extension.type", "must not be empty"))),
        Arguments.of("template: \"{{ .Name }}.mesh\"\nselector:\n  meshService: {}\n"
                + "  meshExternalService: {}\n",
            List.of(new Violation("spec.selector",
                "exact one selector (meshService, meshExternalService) must be defined"))),
        Arguments.of("template: \"{{ .Name }}.MESH\"\nselector:\n  meshService: {}\n",
            List.of(new Violation("spec.template",
                "template renders to \"name.MESH\" which is not a valid DNS name: " + DNS_RULE))),
        Arguments.of("template: \".{{ .Name }}.mesh\"\nselector:\n  meshService: {}\n",
            List.of(new Violation("spec.template",
                "template renders to \".name.mesh\" which is not a valid DNS name: " + DNS_RULE))),
        Arguments.of("template: \"{{ .Name }}..mesh\"\nselector:\n  meshService: {}\n",
            List.of(new Violation("spec.template",
                "template renders to \"name..mesh\" which is not a valid DNS name: " + DNS_RULE))),
        Arguments.of("template: \"{{ .Name }}_svc.mesh\"\nselector:\n  meshService: {}\n",
            List.of(new Violation("spec.template",
                "template renders to \"name_svc.mesh\" which is not a valid DNS name: " + DNS_RULE))),
        Arguments.of("template: \"{{ .ServiceAccount }}.mesh\"\nextension:\n  type: \"\"\n",
            List.of(
                new Violation("spec.selector",
                    "exact one selector (meshService, meshExternalService) must be defined"),
                new Violation("spec.template", "couldn't render template with stub values: "
                    + "template: :1:3: executing \"\" at <.ServiceAccount>: can't evaluate field "
                    + "ServiceAccount in type struct { Name string; DisplayName string; "
                    + "Namespace string; Mesh string; Zone string }"),
                new Violation("spec.extension.type", "must not be empty"))));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void reportsKumaViolations(String yaml, List<Violation> expected) throws Exception {
    HostnameGenerator spec = bind(yaml, HostnameGenerator.class);
    assertThat(SpecFixtures.validate(HostnameGenerator.TYPE, META, spec).list())
        .containsExactlyElementsOf(expected);
  }

  @Test
  void labelSelectorMatchesLikeKuma() {
    LabelSelector selector = new LabelSelector(Map.of("app", "web"));
    assertThat(selector.matches(Map.of("app", "web", "x", "y"))).isTrue();
    assertThat(selector.matches(Map.of("app", "api"))).isFalse();
    assertThat(new LabelSelector(null).matches(Map.of())).isTrue();
  }
}
