package org.kumaj.kumactl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The printers: Go's tabwriter, go-yaml's and encoding/json's output, and the humanised ages. */
class OutputFormatTest {
  private static JsonNode json(String text) throws Exception {
    return Trees.json(text);
  }

  @Test
  void tableColumnsArePaddedByThreeAndTheLastColumnIsNot() {
    String table = new Table(List.of("NAME", "AGE")).row(List.of("a-long-name", "1s")).row(List.of("b", ""))
        .footer("Rerun command with --offset=1 argument to retrieve more resources").render();
    assertThat(table).isEqualTo("NAME          AGE\na-long-name   1s\nb             \n\n"
        + "Rerun command with --offset=1 argument to retrieve more resources\n");
  }

  @Test
  void tabwriterBlocksEndAtLinesWithFewerCells() {
    String out = new TabWriter().write("a\tb\tc\naaaa\tb\n\nx\ty\n").flush();
    assertThat(out).isEqualTo("a      b   c\naaaa   b\n\nx   y\n");
  }

  @Test
  void yamlQuotesWhatWouldReadBackAsAnotherType() throws Exception {
    String yaml = GoYaml.write(json("""
        {"version":"1.0","port":"8080","on":"on","empty":"","time":"2019-08-07T11:26:06Z","star":"*",
         "addr":"127.0.0.1:5000","colon":"a: b","lead":" x","hash":"a #b","int":8080,"float":0.5,"big":1234567.0,
         "bool":true,"null":null,"list":[],"map":{},"multi":"line1\\nline2","tab":"a\\tb","dash":"-","plain":"kuma.io/service"}"""));
    assertThat(yaml).isEqualTo("""
        addr: 127.0.0.1:5000
        big: 1.234567e+06
        bool: true
        colon: 'a: b'
        dash: '-'
        empty: ""
        float: 0.5
        hash: 'a #b'
        int: 8080
        lead: ' x'
        list: []
        map: {}
        multi: |-
          line1
          line2
        "null": null
        "on": "on"
        plain: kuma.io/service
        port: "8080"
        star: '*'
        tab: "a\\tb"
        time: "2019-08-07T11:26:06Z"
        version: "1.0"
        """);
  }

  @Test
  void yamlSequencesAreNotIndentedUnderTheirKeyAndKeysSortNaturally() throws Exception {
    assertThat(GoYaml.write(json("{\"b\":[{\"y\":1,\"x\":[1,[2,3]]}],\"a10\":1,\"a9\":2,\"A\":3,\"_\":4}")))
        .isEqualTo("_: 4\nA: 3\na9: 2\na10: 1\nb:\n- x:\n  - 1\n  - - 2\n    - 3\n  \"y\": 1\n");
  }

  @Test
  void longPlainStringsAreFoldedAfterColumnEighty() throws Exception {
    String words = "word ".repeat(30).trim();
    String yaml = GoYaml.write(json("{\"k\":\"" + words + "\"}"));
    assertThat(yaml.lines().toList()).hasSizeGreaterThan(1);
    assertThat(yaml.lines().skip(1).allMatch(l -> l.startsWith("  word"))).isTrue();
    assertThat(yaml.replace("\n  ", " ")).isEqualTo("k: " + words + "\n");
  }

  @Test
  void jsonIsIndentedAndEscapedAsGoDoes() throws Exception {
    assertThat(GoJson.indent(json("{\"a\":\"<&>\",\"b\":[],\"c\":{},\"d\":[1,{\"e\":null}],\"f\":1.5E-7}"), "  "))
        .isEqualTo("{\n  \"a\": \"\\u003c\\u0026\\u003e\",\n  \"b\": [],\n  \"c\": {},\n  \"d\": [\n    1,\n    {\n"
            + "      \"e\": null\n    }\n  ],\n  \"f\": 1.5e-7\n}");
    assertThat(GoJson.compact(json("{\"a\":[1,2],\"b\":\"x\"}"))).isEqualTo("{\"a\":[1,2],\"b\":\"x\"}");
  }

  @Test
  void agesAreHumanisedAsKumaDoes() {
    Clock now = Clock.fixed(Instant.parse("2019-07-17T18:08:41Z"), ZoneOffset.UTC);
    assertThat(Output.timeSince(Instant.parse("2019-07-17T18:08:30Z"), now)).isEqualTo("11s");
    assertThat(Output.timeSince(Instant.parse("2019-07-17T17:08:42Z"), now)).isEqualTo("59m");
    assertThat(Output.timeSince(Instant.parse("2019-07-17T16:05:36.995Z"), now)).isEqualTo("2h");
    assertThat(Output.timeSince(Instant.parse("2019-06-17T18:08:41Z"), now)).isEqualTo("30d");
    assertThat(Output.timeSince(Instant.parse("2017-07-17T18:08:41Z"), now)).isEqualTo("2y");
    assertThat(Output.timeSince(null, now)).isEqualTo("292y");
    assertThat(Output.timeSince(Instant.parse("2019-07-17T18:09:41Z"), now)).isEqualTo("never");
    assertThat(Output.ago(null, now)).isEqualTo("never");
    assertThat(Output.date(Instant.parse("2020-05-08T08:28:22Z"), now)).isEqualTo("2020-05-08 08:28:22");
    assertThat(Output.date(null, now)).isEqualTo("-");
  }

  @Test
  void unknownOutputFormatIsAnError() {
    try {
      Output.render("xml", Trees.parseJson("{}"), () -> new Table(List.of()));
      throw new AssertionError("expected a failure");
    } catch (KumactlException e) {
      assertThat(e.getMessage()).isEqualTo("unknown output format \"xml\"");
    }
  }
}
