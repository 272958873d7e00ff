package org.kumaj.model.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kumaj.model.hostnamegenerator.SpecFixtures.roundTrip;
import static org.kumaj.model.hostnamegenerator.SpecFixtures.validate;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kumaj.model.codec.Json;
import org.kumaj.model.hostnamegenerator.SpecFixtures;
import org.kumaj.model.validation.Violation;

class WorkloadTest {
  private static final String DNS1035_DETAIL = "labels[\"kuma.io/workload\"]: must be a valid "
      + "DNS-1035 label (at most 63 characters, matching regex [a-z]([-a-z0-9]*[a-z0-9])?): "
      + "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with "
      + "an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or "
      + "'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

  @Test
  void bindsEmptySpec() throws Exception {
    assertThat(roundTrip("{}", Workload.class)).isEqualTo(new Workload());
    assertThat(Json.mapper().readValue("{\"unknown\": 1}", Workload.class)).isEqualTo(new Workload());
  }

  @Test
  void bindsStatusAndWritesZerosLikeKuma() throws Exception {
    WorkloadStatus status = Json.mapper().readValue(
        "{\"dataplaneProxies\": {\"total\": 5, \"connected\": 4, \"healthy\": 3}}",
        WorkloadStatus.class);
    assertThat(status.dataplaneProxies()).isEqualTo(new WorkloadDataplaneProxies(4, 3, 5));
    assertThat(Json.mapper().writeValueAsString(WorkloadStatus.EMPTY))
        .isEqualTo("{\"dataplaneProxies\":{\"connected\":0,\"healthy\":0,\"total\":0}}");
    assertThatThrownBy(() -> Json.mapper().readValue(
        "{\"dataplaneProxies\": {\"total\": \"5\"}}", WorkloadStatus.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void validatesNameLength() {
    assertThat(validate(Workload.TYPE, SpecFixtures.meta("default", "workload-" + "\0".repeat(253)),
        new Workload()).list())
        .containsExactly(new Violation("name", "must not be longer than 253 characters"));
    assertThat(validate(Workload.TYPE, SpecFixtures.meta("default", "w".repeat(253)),
        new Workload()).list()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"MyWorkload", "1workload"})
  void rejectsWorkloadLabelLikeKumaApi(String value) {
    assertThat(WorkloadLabel.error(value)).contains(DNS1035_DETAIL);
  }

  @Test
  void acceptsWorkloadLabel() {
    assertThat(WorkloadLabel.error("my-workload")).isEmpty();
    assertThat(WorkloadLabel.error("w".repeat(64)))
        .contains("labels[\"kuma.io/workload\"]: must be a valid DNS-1035 label (at most 63 "
            + "characters, matching regex [a-z]([-a-z0-9]*[a-z0-9])?): must be no more than 63 "
            + "characters");
  }
}
