package org.kumaj.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoStringsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "kuma.io/service     | \"kuma.io/service\"",
      "'say \"hi\"'        | '\"say \\\"hi\\\"\"'",
      "'a\\b'              | '\"a\\\\b\"'",
      "zoné                | \"zoné\""})
  void quotesLikeGo(String in, String quoted) {
    assertThat(GoStrings.quote(in)).isEqualTo(quoted);
  }

  @Test
  void escapesControlAndInvisibleCharacters() {
    assertThat(GoStrings.quote("\t\n\u0001\u007f\u00a0\u0007"))
        .isEqualTo("\"\\t\\n\\x01\\x7f\\u00a0\\a\"");
  }

  @Test
  void keysAreQuotedInPaths() {
    assertThat(GoStrings.key(FieldPath.of("match"), "a\"b").toString())
        .isEqualTo("match[\"a\\\"b\"]");
  }

  @Test
  void sortsByCodePointLikeGo() {
    assertThat(List.of("b", "\uD83D\uDE00", "\uFF5E", "B", "a").stream()
        .sorted(GoStrings.GO_ORDER).toList())
        .containsExactly("B", "a", "b", "\uFF5E", "\uD83D\uDE00");
  }
}
