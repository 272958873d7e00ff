package org.kumaj.model.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kumaj.model.system.SpecAssertions.assertRoundTrip;
import static org.kumaj.model.system.SpecAssertions.validate;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kumaj.model.Scope;
import org.kumaj.model.codec.Json;

class SecretTest {
  @Test
  void bindsKumaFixtureBodies() throws Exception {
    assertThat(assertRoundTrip("data: dGVzdAo=\n", Secret.class).data()).isEqualTo("dGVzdAo=");
    assertThat(assertRoundTrip("data: dGVzdAo=\n", GlobalSecret.class).data()).isEqualTo("dGVzdAo=");
    assertThat(assertRoundTrip("data: ''\n", Secret.class).data()).isEmpty();
    assertThat(assertRoundTrip("{}", GlobalSecret.class).data()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"not base64!", "dGVzd", "a", "ab=", "dGVz\u00e9"})
  void refusesWhatJsonpbCannotDecode(String data) {
    String json = "{\"data\":\"" + data + "\"}";
    if (ProtoJson.isBase64(data)) {
      throw new AssertionError(data + " should not be base64");
    }
    assertThatThrownBy(() -> Json.mapper().readValue(json, Secret.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dGVzdAo=", "dGVzdAo", "dGVzdA", "-_-_", "YWJj\nZGVm", ""})
  void acceptsWhatJsonpbDecodes(String data) {
    assertThat(ProtoJson.isBase64(data)).isTrue();
  }

  @Test
  void wrongJsonTypeFailsBinding() {
    assertThatThrownBy(() -> Json.mapper().readValue("{\"data\":5}", GlobalSecret.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void descriptorsAreAdminOnlyAndGlobalSecretHasTwoPaths() throws Exception {
    assertThat(Secret.TYPE.adminOnly()).isTrue();
    assertThat(GlobalSecret.TYPE.adminOnly()).isTrue();
    assertThat(Secret.TYPE.scope()).isEqualTo(Scope.MESH);
    assertThat(GlobalSecret.TYPE.scope()).isEqualTo(Scope.GLOBAL);
    assertThat(GlobalSecret.TYPE.wsPath()).contains("globalsecrets");
    assertThat(GlobalSecret.TYPE.alternativeWsPath()).contains("global-secrets");
    assertThat(GlobalSecret.TYPE.kumactlArg()).contains("globalsecret");
    assertThat(validate(Secret.TYPE, "sec-1", "data: ''\n").list()).isEmpty();
  }
}
