package org.kumaj.model.hostnamegenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoTemplateTest {
  private static final Map<String, GoTemplate.StringFunction> LABELS = Map.of("label", key -> {
    Map<String, String> labels = Map.of("app", "web", "kuma.io/zone", "east");
    String value = labels.get(key);
    if (value == null) {
      throw new Exception("label " + key + " not found");
    }
    return value;
  });

  private static final GoTemplate.Struct DATA = GoTemplate.Struct.ofStrings(fields());

  private static Map<String, String> fields() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("Name", "redis");
    f.put("Namespace", "");
    f.put("Mesh", "default");
    return f;
  }

  private static String render(String template, Object data) throws GoTemplateException {
    return GoTemplate.parse(template, LABELS).execute(data);
  }

  @ParameterizedTest
  @CsvSource(delimiterString = "=>", quoteCharacter = '~', value = {
      "{{ .Name }}.mesh                                  => redis.mesh",
      "{{ .Name }}.{{ .Mesh }}.svc                       => redis.default.svc",
      "{{ label \"app\" }}-{{ label \"kuma.io/zone\" }}   => web-east",
      "{{ .Name | printf \"%s-x\" }}                      => redis-x",
      "{{ printf \"%s.%d\" .Name 7 }}                     => redis.7",
      "{{ if .Namespace }}ns{{ else }}no-ns{{ end }}      => no-ns",
      "{{ if eq .Mesh \"default\" }}d{{ end }}            => d",
      "{{ with .Name }}[{{ . }}]{{ end }}                 => [redis]",
      "{{ if .Namespace }}a{{ else if .Mesh }}b{{ else }}c{{ end }} => b",
      "{{ with .Namespace }}a{{ else with .Mesh }}{{ . }}{{ end }} => default",
      "{{ block \"b\" .Name }}<{{ . }}>{{ end }}         => <redis>",
      "{{ $x := .Name }}{{ $x }}-{{ $x }}                 => redis-redis",
      "a  {{- .Name -}}  b                               => aredisb",
      "{{/* a comment */}}x                              => x",
      "{{ define \"t\" }}<{{ . }}>{{ end }}{{ template \"t\" .Mesh }} => <default>",
      "{{ len .Name }}                                   => 5",
      "{{ and .Name .Mesh }}/{{ or .Namespace \"none\" }} => default/none",
      "{{ 1.5 }} {{ 3 }} {{ 1e6 }} {{ true }}           => 1.5 3 1e+06 true",
      "{{ lt 1 2 }} {{ ge \"a\" \"b\" }} {{ not .Namespace }} => true false true",
      "{{ html \"<a&b>\" }} {{ urlquery \"a b/c\" }}     => &lt;a&amp;b&gt; a+b%2Fc",
  })
  void executesLikeGo(String template, String expected) throws Exception {
    assertThat(render(template.strip(), DATA)).isEqualTo(expected.strip());
  }

  @ParameterizedTest
  @CsvSource(delimiterString = "=>", quoteCharacter = '~', value = {
      "{{ .Name[4 }}.mesh                     => template: :1: bad character U+005B '['",
      "{{ .Mesh|1 }}.{ .Zone|2 }.mesh.local   => template: :1: non executable command in pipeline stage 2",
      "/ns/{{ .Namespace|invalid }}/sa        => template: :1: function \"invalid\" not defined",
      "{{ .Name                               => template: :1: unclosed action",
      "{{end}}                                => template: :1: unexpected {{end}}",
      "{{else}}                               => template: :1: unexpected {{else}}",
      "{{ if .Name }}x                        => template: :1: unexpected EOF",
      "{{ $x }}                               => template: :1: undefined variable \"$x\"",
      "{{foo}}                                => template: :1: function \"foo\" not defined",
      "{{/*}}                                 => template: :1: unclosed comment",
      "{{.X (1 2 3}}                          => template: :1: unclosed left paren",
      "{{.X 1 2 3 ) }}                        => template: :1: unexpected right paren",
      "{{'a}}                                 => template: :1: unterminated character constant",
      "{{\"a}}                                => template: :1: unterminated quoted string",
      "{{0xi}}                                => template: :1: illegal number syntax: \"0xi\"",
      "{{$a,$b,$c := 23}}                     => template: :1: too many declarations in command",
      "{{true.any}}                           => template: :1: unexpected . after term \"true\"",
      "{{ ( ) }}                              => template: :1: missing value for parenthesized pipeline",
      "{{range $k, .}}{{end}}                 => template: :1: range can only initialize variables",
      "{{break}}                              => template: :1: {{break}} outside {{range}}",
      "{{ 99999999999999999999 }}             => template: :1: integer overflow: 99999999999999999999",
      "{{ \"\\q\" }}                          => template: :1: invalid syntax",
      "{{define `a`}}a{{end}}{{define `a`}}b{{end}} => template: :1: template: multiple definition of template \"a\"",
  })
  void rejectsLikeGo(String template, String message) {
    assertThatThrownBy(() -> GoTemplate.parse(template.strip(), LABELS))
        .isInstanceOf(GoTemplateException.class)
        .hasMessage(message.strip());
  }

  @ParameterizedTest
  @CsvSource(delimiterString = "=>", quoteCharacter = '~', value = {
      "line1\\n{{         => template: :2: unclosed action",
      "{{\\n\\n\\n\\n\\n      => template: :6: unclosed action started at :1",
      "line1\\n{{\\nx\\n}}  => template: :3: function \"x\" not defined",
  })
  void reportsLines(String template, String message) {
    String text = template.strip().replace("\\n", "\n");
    assertThatThrownBy(() -> GoTemplate.parse(text, LABELS)).hasMessage(message.strip());
  }

  @ParameterizedTest
  @CsvSource(delimiterString = "=>", quoteCharacter = '~', value = {
      "{{ .Foo }}              => template: :1:3: executing \"\" at <.Foo>: can't evaluate field Foo in type struct { Name string; Namespace string; Mesh string }",
      "x\\n {{ .Name.Foo }}     => template: :2:9: executing \"\" at <.Name.Foo>: can't evaluate field Foo in type string",
      "{{ label \"nope\" }}    => template: :1:3: executing \"\" at <label \"nope\">: error calling label: label nope not found",
      "{{ label }}             => template: :1:3: executing \"\" at <label>: wrong number of args for label: want 1 got 0",
      "{{ label 1 }}           => template: :1:9: executing \"\" at <1>: expected string; found 1",
      "{{ .Name 1 }}           => template: :1:3: executing \"\" at <.Name>: Name has arguments but cannot be invoked as function",
      "{{ template \"x\" }}    => template: :1:12: executing \"\" at <{{template \"x\"}}>: template \"x\" not defined",
      "{{ eq .Name 1 }}        => template: :1:3: executing \"\" at <eq .Name 1>: error calling eq: incompatible types for comparison",
  })
  void failsExecutionLikeGo(String template, String message) {
    String text = template.strip().replace("\\n", "\n");
    assertThatThrownBy(() -> render(text, DATA))
        .isInstanceOf(GoTemplateException.class)
        .hasMessage(message.strip());
  }

  @org.junit.jupiter.api.Test
  void rangesOverListsAndMaps() throws Exception {
    Map<String, Object> data = Map.of("Items", List.of("a", "b"), "Tags", Map.of("z", "1", "a", "2"));
    assertThat(render("{{ range $i, $v := .Items }}{{ $i }}={{ $v }};{{ end }}", data))
        .isEqualTo("0=a;1=b;");
    assertThat(render("{{ range $k, $v := .Tags }}{{ $k }}:{{ $v }} {{ end }}", data))
        .isEqualTo("a:2 z:1 ");
    assertThat(render("{{ range .Items }}{{ if eq . \"b\" }}{{ break }}{{ end }}{{ . }}{{ end }}", data))
        .isEqualTo("a");
    assertThat(render("{{ range .Nothing }}x{{ else }}empty{{ end }}", data)).isEqualTo("empty");
    assertThat(render("{{ .Nothing }}|{{ index .Tags \"a\" }}|{{ len .Items }}", data))
        .isEqualTo("<no value>|2|2");
  }
}
