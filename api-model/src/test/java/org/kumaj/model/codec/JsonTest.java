package org.kumaj.model.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {
  record Sample(String name, Integer port, Boolean flag, Double ratio, List<String> items) {}

  @Test
  void bindsNaturalShapes() throws Exception {
    Sample s = Json.mapper().readValue(
        "{\"name\":\"a\",\"port\":1,\"flag\":true,\"ratio\":1,\"items\":[\"x\"],\"unknown\":{}}",
        Sample.class);
    assertThat(s).isEqualTo(new Sample("a", 1, true, 1.0, List.of("x")));
  }

  @Test
  void refusesNumberForString() {
    assertThatThrownBy(() -> Json.mapper().readValue("{\"name\":2}", Sample.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void refusesStringForNumberAndBoolean() {
    assertThatThrownBy(() -> Json.mapper().readValue("{\"port\":\"1\"}", Sample.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> Json.mapper().readValue("{\"flag\":\"true\"}", Sample.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> Json.mapper().readValue("{\"port\":1.5}", Sample.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void yamlBindsTheSameWay() throws Exception {
    Sample s = Json.yaml().readValue("name: a\nport: 5\nitems: [x]\n", Sample.class);
    assertThat(s.port()).isEqualTo(5);
    assertThatThrownBy(() -> Json.yaml().readValue("name: [1]\n", Sample.class))
        .isInstanceOf(MismatchedInputException.class);
  }
}
