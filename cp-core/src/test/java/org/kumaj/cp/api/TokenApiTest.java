package org.kumaj.cp.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kumaj.cp.launcher.Role;
import org.kumaj.cp.testing.TestControlPlane;
import org.kumaj.cp.tokens.DataplaneTokenValidator;
import org.kumaj.cp.tokens.UserTokenValidator;
import org.kumaj.cp.tokens.ZoneIdentity;
import org.kumaj.cp.tokens.ZoneTokenValidator;
import org.kumaj.model.codec.Json;

/** {@code POST /tokens/dataplane}, {@code /tokens/zone} and {@code /tokens/user} over HTTP. */
class TokenApiTest {
  private static final String ANONYMOUS = "user \"mesh-system:anonymous/mesh-system:unauthenticated\"";
  @TempDir
  static Path workDir;
  @TempDir
  static Path disabledWorkDir;
  static TestControlPlane cp;
  static TestControlPlane disabled;
  static ApiClient admin;
  static ApiClient anonymous;

  @BeforeAll
  static void start() {
    cp = TestControlPlane.start(Role.STANDALONE, workDir, Map.of());
    disabled = TestControlPlane.start(Role.STANDALONE, disabledWorkDir, Map.of(
        "KUMA_API_SERVER_AUTHN_TOKENS_ENABLE_ISSUER", "false",
        "KUMA_DP_SERVER_AUTHN_DP_PROXY_DP_TOKEN_ENABLE_ISSUER", "false",
        "KUMA_DP_SERVER_AUTHN_ZONE_PROXY_ZONE_TOKEN_ENABLE_ISSUER", "false"));
    admin = new ApiClient(cp.apiUrl());
    anonymous = admin.asAnonymous();
  }

  @AfterAll
  static void stop() {
    if (cp != null) {
      cp.close();
    }
    if (disabled != null) {
      disabled.close();
    }
  }

  @Test
  void dataplaneTokenCarriesKumasClaims() throws Exception {
    ApiClient.Response r = admin.post("/tokens/dataplane", """
        {"name":"dp-1","mesh":"default","tags":{"kuma.io/service":["web","api","web"]},"workload":"w","validFor":"1h"}""");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.header("content-type")).startsWith("text/plain");
    SignedJWT jwt = SignedJWT.parse(r.body());
    assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
    assertThat(jwt.getHeader().getKeyID()).isEqualTo("1");
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertThat(claims.getStringClaim("Name")).isEqualTo("dp-1");
    assertThat(claims.getStringClaim("Mesh")).isEqualTo("default");
    assertThat(claims.getJSONObjectClaim("Tags")).isEqualTo(Map.of("kuma.io/service", List.of("api", "web")));
    assertThat(claims.getStringClaim("Type")).isEmpty();
    assertThat(claims.getStringClaim("Workload")).isEqualTo("w");
    assertThat(claims.getJWTID()).isNotBlank();
    assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(3_605_000L);
    assertThat(claims.getNotBeforeTime()).isEqualTo(claims.getIssueTime());
  }

  @Test
  void dataplaneTokenDefaultsToTenYears() throws Exception {
    ApiClient.Response r = admin.post("/tokens/dataplane", "{\"mesh\":\"default\",\"type\":\"ingress\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JWTClaimsSet claims = SignedJWT.parse(r.body()).getJWTClaimsSet();
    assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime())
        .isEqualTo(java.time.Duration.ofDays(3650).plusSeconds(5).toMillis());
    assertThat(claims.getStringClaim("Type")).isEqualTo("ingress");
  }

  @Test
  void issuedDataplaneTokenValidatesForItsDataplane() {
    admin.put("/meshes/default/dataplanes/web-1", """
        {"type":"Dataplane","mesh":"default","name":"web-1","networking":{"address":"10.0.0.1",
         "inbound":[{"port":8080,"tags":{"kuma.io/service":"web"}}]}}""");
    String token = admin.post("/tokens/dataplane", """
        {"name":"web-1","mesh":"default","tags":{"kuma.io/service":["web"]}}""").body();
    var dp = cp.store().get(new org.kumaj.model.ResourceKey(org.kumaj.model.mesh.Dataplane.TYPE, "default", "web-1"))
        .orElseThrow();
    assertThat(cp.bean(DataplaneTokenValidator.class).authenticate(token, dp).name()).isEqualTo("web-1");
  }

  static Stream<Arguments> badDataplaneRequests() {
    return Stream.of(
        Arguments.of("{}", "mesh", "cannot be empty"),
        Arguments.of("{\"mesh\":\"\",\"name\":\"x\"}", "mesh", "cannot be empty"),
        Arguments.of("{\"mesh\":\"default\",\"validFor\":\"soon\"}", "validFor", "is invalid: time: invalid duration \"soon\""),
        Arguments.of("{\"mesh\":\"default\",\"type\":\"sidecar\"}", "type", "sidecar is not a valid proxy type"),
        Arguments.of("{\"mesh\":5}", "mesh", "must be a string"),
        Arguments.of("{\"mesh\":\"default\",\"tags\":[\"a\"]}", "tags", "must be an object of tag names to lists of values"),
        Arguments.of("{\"mesh\":\"default\",\"tags\":{\"a\":\"b\"}}", "tags[\"a\"]", "must be a list of strings"),
        Arguments.of("{\"mesh\":\"default\",\"tags\":{\"a\":[1]}}", "tags[\"a\"]", "must be a list of strings"),
        Arguments.of("{\"mesh\":", "", "unexpected end of JSON input"),
        Arguments.of("", "", "unexpected end of JSON input"),
        Arguments.of("[1]", "", "must be a JSON object"),
        Arguments.of("{\"mesh\" \"x\"}", "", "invalid character '\"' after object key"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("badDataplaneRequests")
  void badDataplaneRequestsNameTheField(String body, String field, String reason) {
    ApiClient.Response r = admin.post("/tokens/dataplane", body);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    JsonNode error = r.json();
    assertThat(error.path("title").asText()).isEqualTo("Invalid request");
    assertThat(error.path("detail").asText()).isEqualTo("Resource is not valid");
    assertThat(error.path("invalid_parameters").get(0).path("field").asText()).isEqualTo(field);
    assertThat(error.path("invalid_parameters").get(0).path("reason").asText()).isEqualTo(reason);
    assertThat(error.path("causes").get(0).path("message").asText()).isEqualTo(reason);
  }

  @Test
  void dataplaneTokenOfAMeshWithoutSigningKey() {
    ApiClient.Response r = admin.post("/tokens/dataplane", "{\"mesh\":\"nope\"}");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json()).isEqualTo(error(404, "Signing Key not found", "there is no signing key with KID 1. Secret of"
        + " name \"dataplane-token-signing-key-nope-1\" in mesh \"nope\" is not found. If signing key was rotated,"
        + " regenerate the token"));
  }

  @Test
  void onlyAdminsIssueTokens() {
    assertThat(anonymous.post("/tokens/dataplane", "{\"mesh\":\"default\"}").json()).isEqualTo(
        error(403, "Access Denied", ANONYMOUS + " cannot access generate dataplane token"));
    assertThat(anonymous.post("/tokens/zone", "{\"zone\":\"zone-1\",\"scope\":[\"egress\"]}").json()).isEqualTo(
        error(403, "Access Denied", ANONYMOUS + " cannot access generate zone token for zone 'zone-1'"));
    assertThat(anonymous.post("/tokens/user", "{\"name\":\"john\",\"validFor\":\"1h\"}").json()).isEqualTo(
        error(403, "Access Denied", "action not allowed"));
    // Kuma validates a dataplane token request before the access check, the others after it
    assertThat(anonymous.post("/tokens/dataplane", "{}").status()).isEqualTo(400);
    assertThat(anonymous.post("/tokens/user", "{}").status()).isEqualTo(403);
  }

  @Test
  void zoneToken() throws Exception {
    ApiClient.Response r = admin.post("/tokens/zone", "{\"zone\":\"zone-1\",\"scope\":[\"ingress\"],\"validFor\":\"24h\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JWTClaimsSet claims = SignedJWT.parse(r.body()).getJWTClaimsSet();
    assertThat(claims.getStringClaim("Zone")).isEqualTo("zone-1");
    assertThat(claims.getStringListClaim("Scope")).containsExactly("ingress");
    assertThat(cp.bean(ZoneTokenValidator.class).validate(r.body()))
        .isEqualTo(new ZoneIdentity("zone-1", List.of("ingress")));
    ApiClient.Response missing = admin.post("/tokens/zone", "{\"zone\":\"zone-1\"}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().path("invalid_parameters").get(0).path("field").asText()).isEqualTo("scope");
    assertThat(admin.post("/tokens/zone", "{\"scope\":\"ingress\"}").json().path("invalid_parameters").get(0)
        .path("reason").asText()).isEqualTo("must be a list of strings");
  }

  @Test
  void userToken() {
    ApiClient.Response r = admin.post("/tokens/user", "{\"name\":\"john\",\"groups\":[\"team-a\"],\"validFor\":\"1h\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(cp.bean(UserTokenValidator.class).validate(r.body()))
        .isEqualTo(new UserTokenValidator.UserIdentity("john", List.of("team-a")));
  }

  /** Kuma's own goldens, {@code pkg/plugins/authn/api-server/tokens/ws/testdata/ws-*.golden.json}. */
  @Test
  void userTokenValidationMatchesKumasGoldens() {
    assertThat(admin.post("/tokens/user", "{\"validFor\":\"1h\"}").json())
        .isEqualTo(invalid("name", "cannot be empty"));
    assertThat(admin.post("/tokens/user", "{\"name\":\"john\"}").json())
        .isEqualTo(invalid("validFor", "cannot be empty"));
    assertThat(admin.post("/tokens/user", "{\"name\":\"john\",\"validFor\":\"0s\"}").json())
        .isEqualTo(invalid("validFor", "cannot be empty or nil"));
    assertThat(new ApiClient(disabled.apiUrl()).post("/tokens/user", "{\"name\":\"john\",\"validFor\":\"1h\"}").json())
        .isEqualTo(error(400, "Could not issue a token", "issuing tokens using the control plane is disabled."));
  }

  @Test
  void disabledIssuersAnswer400() {
    ApiClient client = new ApiClient(disabled.apiUrl());
    JsonNode expected = error(400, "Could not issue a token", "issuing tokens using the control plane is disabled.");
    assertThat(client.post("/tokens/dataplane", "{\"mesh\":\"default\"}").json()).isEqualTo(expected);
    assertThat(client.post("/tokens/zone", "{\"zone\":\"z\",\"scope\":[]}").json()).isEqualTo(expected);
  }

  static JsonNode error(int status, String title, String detail) {
    return Json.mapper().valueToTree(KumaError.of(status, title, detail));
  }

  static JsonNode invalid(String field, String reason) {
    return Json.mapper().valueToTree(KumaError.invalid(400, "Invalid request", "Resource is not valid",
        List.of(new org.kumaj.model.validation.Violation(field, reason))));
  }
}
