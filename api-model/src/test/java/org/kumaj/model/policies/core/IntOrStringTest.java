package org.kumaj.model.policies.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kumaj.model.codec.Json;

class IntOrStringTest {
  record Holder(IntOrString v, @UInt32 Integer u) {}

  @ParameterizedTest
  @ValueSource(strings = {"{\"v\":50}", "{\"v\":\"99.5\"}", "{\"v\":\"abc\"}", "{\"v\":-3}"})
  void roundTripsKeepingTheJsonType(String json) throws Exception {
    Holder h = Json.mapper().readValue(json, Holder.class);
    assertThat(Json.mapper().readTree(Json.mapper().writeValueAsString(h)))
        .isEqualTo(Json.mapper().readTree(json));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"v\":1.5}", "{\"v\":true}", "{\"v\":{}}", "{\"v\":[1]}",
      "{\"v\":3000000000}", "{\"u\":-1}", "{\"u\":\"1\"}", "{\"u\":1.0}", "{\"u\":3000000000}"})
  void wrongJsonTypesFailBinding(String json) {
    assertThatThrownBy(() -> Json.mapper().readValue(json, Holder.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "50|50", "99.9|99.9", ".5|0.5", "5.|5", "+1|1", "-2.5|-2.5", "1e2|1E+2", "1.5E-1|0.15"})
  void decimalsParseAsKumaDoes(String text, String expected) {
    assertThat(IntOrString.of(text).toDecimal()).get()
        .satisfies(d -> assertThat(d.compareTo(new BigDecimal(expected))).isZero());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "-", "abc", "1.2.3", "1e", "1e2.5", "1_000", "0x10", "NaN",
      "\u0661", "1e99999999999"})
  void notNumbersAreRejected(String text) {
    assertThat(IntOrString.of(text).toDecimal()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"7,7", "-1,-1"})
  void intFormPrintsLikeGo(int value, String text) {
    assertThat(IntOrString.of(value)).hasToString(text);
    assertThat(IntOrString.of(value).isInt()).isTrue();
    assertThat(IntOrString.of(value)).isEqualTo(IntOrString.of(value)).isNotEqualTo(IntOrString.of(text));
  }
}
