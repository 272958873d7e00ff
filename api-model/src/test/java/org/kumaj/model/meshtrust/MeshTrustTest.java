package org.kumaj.model.meshtrust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kumaj.model.hostnamegenerator.SpecFixtures.bind;
import static org.kumaj.model.hostnamegenerator.SpecFixtures.roundTrip;
import static org.kumaj.model.hostnamegenerator.SpecFixtures.validate;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.codec.Json;
import org.kumaj.model.hostnamegenerator.SpecFixtures;
import org.kumaj.model.validation.Violation;
import org.kumaj.model.validation.Violations;

class MeshTrustTest {
  private static final ResourceMeta META = SpecFixtures.meta("meshtrust-test", "trust-1");
  // a self-signed test CA, as in Kuma's put_meshtrust fixture
  private static final String CERT = """
      -----BEGIN CERTIFICATE-----
      MIIB9jCCAZ2gAwIBAgIUJ1gLZ/fvZhGq51qWrJzL6z2XWoQwCgYIKoZIzj0EAwIw
      EjEQMA4GA1UEChMHVGVzdCBDQTAeFw0yNTA3MzAxMjAwMDBaFw0zNTA3MjcxMjAw
      MDBaMBIxEDAOBgNVBAoTB1Rlc3QgQ0EwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNC
      AAQaXDFzOPslZ4e8n2KjsNkG+Wxi37L2zRWdMczDi7VqLrO03lczkB98/vzrdMKF
      JgYxycULx10EYgMGQkgLrf1po2QwYjAdBgNVHQ4EFgQUUQBd5VjEO3N4XcgrxgMK
      NU9xIQswHwYDVR0jBBgwFoAUUQBd5VjEO3N4XcgrxgMKNU9xIQswDwYDVR0TAQH/
      BAUwAwEB/zAKBggqhkjOPQQDAgNHADBEAiA3dhhIQCzNkeGSjj6jK+jGE8fEKVmp
      c9Vh+kJkmPUJZQIgQBr2GkV8uSfq/5ZKHD6jz6MJvKsg06dMBdvZBIA2ujg=
      -----END CERTIFICATE-----""";

  private static MeshTrust trust(String trustDomain, CaBundle... bundles) {
    return new MeshTrust(null, trustDomain, List.of(bundles));
  }

  @Test
  void bindsEveryFieldInKumaOrder() throws Exception {
    MeshTrust spec = roundTrip("""
        origin:
          kri: kri_mid_default___identity_
        trustDomain: example.com
        caBundles:
          - type: Pem
            pem:
              value: "%s"
        """.formatted(CERT.replace("\n", "\\n")), MeshTrust.class);
    assertThat(spec.origin()).isEqualTo(new Origin("kri_mid_default___identity_"));
    assertThat(spec.caBundles().get(0).pem().value()).isEqualTo(CERT);
    assertThat(Json.mapper().writeValueAsString(spec)).startsWith("{\"origin\":{\"kri\":");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"trustDomain\": [\"a\"]}",
      "{\"caBundles\": [{\"pem\": \"x\"}]}",
      "{\"origin\": {\"kri\": 1}}",
  })
  void rejectsWrongJsonTypes(String json) {
    assertThatThrownBy(() -> Json.mapper().readValue(json, MeshTrust.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void statusCarriesOrigin() throws Exception {
    MeshTrustStatus status = Json.mapper().readValue("{\"origin\":{\"kri\":\"k\"}}",
        MeshTrustStatus.class);
    assertThat(status.origin().kri()).isEqualTo("k");
    assertThat(Json.mapper().writeValueAsString(MeshTrustStatus.EMPTY)).isEqualTo("{}");
  }

  @Test
  void acceptsKumaFixtureAndWarnsAboutSpecOrigin() {
    MeshTrust withOrigin = new MeshTrust(new Origin("kri-test-value"), "example.com",
        List.of(new CaBundle("Pem", new Pem(CERT))));
    Violations out = validate(MeshTrust.TYPE, META, withOrigin);
    assertThat(out.list()).isEmpty();
    assertThat(out.warnings()).containsExactly("setting spec.origin field is deprecated");

    Violations plain = validate(MeshTrust.TYPE, META, trust("invalid.com",
        new CaBundle("Pem", new Pem("junk before\n" + CERT + "\ntrailing"))));
    assertThat(plain.list()).isEmpty();
    assertThat(plain.warnings()).isEmpty();
  }

  static Stream<Arguments> invalid() {
    String key = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIA==\n-----END EC PRIVATE KEY-----";
    return Stream.of(
        Arguments.of(trust("default.zone-1.mesh.loca" + "l".repeat(240),
                new CaBundle("Pem", new Pem("adfadfafadf")), new CaBundle("Pem", null)),
            List.of(
                new Violation("spec.caBundles[0].pem.value",
                    "provided certificate has incorrect format"),
                new Violation("spec.caBundles[1].pem", "must be defined"),
                new Violation("spec.trustDomain", "must not be longer than 253 characters"))),
        Arguments.of(trust(""), List.of(
            new Violation("spec.caBundles", "must not be empty"),
            new Violation("spec.trustDomain", "trustDomain needs to be defined"))),
        Arguments.of(trust("td", new CaBundle("Jks", null), new CaBundle("Pem", new Pem(key))),
            List.of(
                new Violation("spec.caBundles.type", "Jks must be one of: Pem"),
                new Violation("spec.caBundles[1].pem.value",
                    "provided certificate has incorrect format"))),
        Arguments.of(trust("td", new CaBundle("Pem", new Pem(
                "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----"))),
            List.of(new Violation("spec.caBundles[0].pem.value",
                "provided certificate has incorrect format"))),
        Arguments.of(trust("td", new CaBundle("Pem", new Pem(
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END OTHER-----"))),
            List.of(new Violation("spec.caBundles[0].pem.value",
                "provided certificate has incorrect format"))));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void reportsKumaViolations(MeshTrust spec, List<Violation> expected) {
    assertThat(validate(MeshTrust.TYPE, META, spec).list()).containsExactlyElementsOf(expected);
  }

  @Test
  void kumaFullInvalidFixtureBinds() throws Exception {
    MeshTrust spec = bind("""
        trustDomain: "default.zone-1.mesh.local"
        caBundles:
          - type: Pem
            pem:
              value: adfadfafadf
          - type: Pem
        origin:
          kri: test
        """, MeshTrust.class);
    Violations out = validate(MeshTrust.TYPE, META, spec);
    assertThat(out.list()).containsExactly(
        new Violation("spec.caBundles[0].pem.value", "provided certificate has incorrect format"),
        new Violation("spec.caBundles[1].pem", "must be defined"));
    assertThat(out.warnings()).containsExactly("setting spec.origin field is deprecated");
  }
}
