package org.kumaj.model.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.Violation;
import org.kumaj.model.validation.Violations;

class ProtoJsonTest {
  @ParameterizedTest
  @CsvSource({"50.0,50", "0.5,0.5", "100.25,100.25", "1.0E-7,1e-7", "1.5E21,1.5e+21", "-2.0,-2",
      "1.0E20,100000000000000000000", "1.0E-6,0.000001"})
  void formatsDoublesLikeGo(double value, String expected) {
    assertThat(ProtoJson.formatDouble(value)).isEqualTo(expected);
  }

  @Test
  void dataSourceChecksFollowKuma() {
    Violations out = new Violations();
    FieldPath p = FieldPath.of("cert");
    DataSource.validateChosen(p, new DataSource(null, null, null, null), out);
    DataSource.validateChosen(p, new DataSource(null, "", null, null), out);
    DataSource.validateChosen(p, new DataSource(null, null, "", null), out);
    DataSource.validateChosen(p, new DataSource(null, null, null, ""), out);
    DataSource.validateNotEmpty(p, new DataSource(null, null, null, ""), out);
    DataSource.validateNotEmpty(p, new DataSource(null, null, null, "x"), out);
    DataSource.validateNotEmpty(p, null, out);
    assertThat(out.list()).containsExactly(
        new Violation("cert", "data source has to be chosen. Available sources: secret, file, inline"),
        new Violation("cert.file", "cannot be empty"),
        new Violation("cert.inline", "cannot be empty"),
        new Violation("cert", "data source cannot be empty"));
    assertThat(List.of(new DataSource("", null, null, null).isEmpty(),
        new DataSource(null, null, "YQ==", null).isEmpty())).containsExactly(true, false);
  }
}
