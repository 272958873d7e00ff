package org.kumaj.model.meshzoneaddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kumaj.model.hostnamegenerator.SpecFixtures.roundTrip;
import static org.kumaj.model.hostnamegenerator.SpecFixtures.validate;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.Test;
import org.kumaj.model.codec.Json;
import org.kumaj.model.hostnamegenerator.SpecFixtures;

class MeshZoneAddressTest {
  @Test
  void bindsEveryField() throws Exception {
    MeshZoneAddress spec = roundTrip("address: ingress.zone-1.example.com\nport: 10001\n",
        MeshZoneAddress.class);
    assertThat(spec).isEqualTo(new MeshZoneAddress("ingress.zone-1.example.com", 10001));
  }

  @Test
  void rejectsWrongJsonType() {
    assertThatThrownBy(() -> Json.mapper().readValue("{\"port\": \"10001\"}", MeshZoneAddress.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void hasNoSemanticRules() {
    // Kuma validates MeshZoneAddress only against its OpenAPI schema
    assertThat(validate(MeshZoneAddress.TYPE, SpecFixtures.meta("default", "zone-1"),
        new MeshZoneAddress("", 0)).list()).isEmpty();
  }
}
