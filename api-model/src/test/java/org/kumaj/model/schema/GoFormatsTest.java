package org.kumaj.model.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Go's formatting and strfmt's formats, as kube-openapi's messages depend on them. */
class GoFormatsTest {
  @Test
  void floatsPrintLikeGoPercentV() {
    assertThat(GoFormats.formatFloat(65535)).isEqualTo("65535");
    assertThat(GoFormats.formatFloat(128)).isEqualTo("128");
    assertThat(GoFormats.formatFloat(0)).isEqualTo("0");
    assertThat(GoFormats.formatFloat(100000)).isEqualTo("100000");
    assertThat(GoFormats.formatFloat(1000000)).isEqualTo("1e+06");
    assertThat(GoFormats.formatFloat(8000000)).isEqualTo("8e+06");
    assertThat(GoFormats.formatFloat(5000011)).isEqualTo("5.000011e+06");
    assertThat(GoFormats.formatFloat(4294967295d)).isEqualTo("4.294967295e+09");
    assertThat(GoFormats.formatFloat(0.5)).isEqualTo("0.5");
    assertThat(GoFormats.formatFloat(0.00001)).isEqualTo("1e-05");
    assertThat(GoFormats.formatFloat(-3)).isEqualTo("-3");
    assertThat(GoFormats.formatFloat(1e21)).isEqualTo("1e+21");
  }

  @Test
  void jsonIntegers() {
    assertThat(GoFormats.isJsonInteger(3)).isTrue();
    assertThat(GoFormats.isJsonInteger(-3)).isTrue();
    assertThat(GoFormats.isJsonInteger(1.5)).isFalse();
    assertThat(GoFormats.isJsonInteger(-1.5)).isFalse();
    assertThat(GoFormats.isJsonInteger(1e300)).isFalse();
  }

  @Test
  void dollarMatchesOnlyAtTheEndOfTheText() {
    assertThat(GoFormats.compileRe2("^[a-z]+$").matcher("abc").find()).isTrue();
    assertThat(GoFormats.compileRe2("^[a-z]+$").matcher("abc\n").find()).isFalse();
    assertThat(GoFormats.compileRe2("^[$a]+$").matcher("$a$").find()).isTrue();
    assertThat(GoFormats.compileRe2("^[]$]+$").matcher("]$").find()).isTrue();
    assertThat(GoFormats.compileRe2("^a\\$$").matcher("a$").find()).isTrue();
  }

  @Test
  void dateTimes() {
    assertThat(GoFormats.isDateTime("2024-01-02T03:04:05Z")).isTrue();
    assertThat(GoFormats.isDateTime("2024-01-02T03:04:05.123456789+02:00")).isTrue();
    assertThat(GoFormats.isDateTime("2024-01-02t03:04:05z")).isTrue();
    assertThat(GoFormats.isDateTime("2024-02-30T03:04:05Z")).isFalse();
    assertThat(GoFormats.isDateTime("2024-01-02T24:04:05Z")).isFalse();
    assertThat(GoFormats.isDateTime("2024-01-02T03:04:05")).isFalse();
    assertThat(GoFormats.isDateTime("2024-01-02")).isFalse();
  }

  @Test
  void base64() {
    assertThat(GoFormats.validates("byte", "aGVsbG8=")).isTrue();
    assertThat(GoFormats.validates("byte", "not base64!")).isFalse();
    assertThat(GoFormats.validates("byte", "")).isFalse();
  }
}
