package org.kumaj.cp.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kumaj.cp.launcher.Role;
import org.kumaj.cp.testing.TestControlPlane;
import org.kumaj.cp.tokens.TokenIssuer;
import org.kumaj.model.codec.Json;

/**
 * API authentication with user tokens ({@code apiServer.authn.type: tokens}) and Kuma's static
 * access rules: 401 for tokens that do not verify, the token's user (plus
 * {@code mesh-system:authenticated}) otherwise, localhost-is-admin first, {@code GET /} without
 * authentication, admin-only types and control-plane metadata guarded by {@code access.static.*}.
 */
class ApiAuthTest {
  private static final JsonNode UNAUTHENTICATED = Json.mapper().valueToTree(
      KumaError.of(401, "Invalid authentication data", "Unauthenticated"));
  @TempDir
  static Path workDir;
  static TestControlPlane cp;
  static ApiClient local;
  static TokenIssuer issuer;

  @BeforeAll
  static void start() {
    cp = TestControlPlane.start(Role.STANDALONE, workDir, Map.of(
        "KUMA_ACCESS_STATIC_CONTROL_PLANE_METADATA_GROUPS", "mesh-system:authenticated",
        "KUMA_ACCESS_STATIC_ADMIN_RESOURCES_GROUPS", "mesh-system:admin,secret-readers"));
    local = new ApiClient(cp.apiUrl());
    issuer = cp.bean(TokenIssuer.class);
  }

  @AfterAll
  static void stop() {
    if (cp != null) {
      cp.close();
    }
  }

  @Test
  void validTokenIsItsUserPlusAuthenticated() {
    String token = issuer.issueUser("john", List.of("team-a"), Duration.ofHours(1));
    JsonNode who = local.withToken(token).get("/who-am-i").json();
    assertThat(who.path("name").asText()).isEqualTo("john");
    assertThat(who.path("groups")).containsExactly(Json.mapper().valueToTree("team-a"),
        Json.mapper().valueToTree("mesh-system:authenticated"));
  }

  @Test
  void tokenIssuedThroughTheApiAuthenticates() {
    String token = local.post("/tokens/user", "{\"name\":\"jane\",\"groups\":[\"mesh-system:admin\"],\"validFor\":\"1h\"}")
        .body();
    ApiClient jane = local.withToken(token);
    assertThat(jane.get("/who-am-i").json().path("name").asText()).isEqualTo("jane");
    assertThat(jane.get("/global-secrets").status()).isEqualTo(200);
  }

  @Test
  void adminTokenBootstrappedAtStartWorks() {
    String data = cp.store().get(org.kumaj.model.ResourceKey.global(org.kumaj.model.system.GlobalSecret.TYPE,
        "admin-user-token")).orElseThrow().spec(org.kumaj.model.system.GlobalSecret.class).data();
    String token = new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8);
    assertThat(local.withToken(token).get("/meshes/default/secrets").status()).isEqualTo(200);
  }

  @Test
  void invalidTokensAre401() {
    for (String bad : List.of("garbage", "a.b.c", "x y")) {
      ApiClient.Response r = local.withToken(bad).get("/meshes");
      assertThat(r.status()).as(bad).isEqualTo(401);
      assertThat(r.json()).isEqualTo(UNAUTHENTICATED);
    }
    String expired = new org.kumaj.cp.tokens.JwtTokens(java.time.Clock.offset(java.time.Clock.systemUTC(),
        Duration.ofHours(-3))).issue(new org.kumaj.cp.tokens.SigningKeys(cp.bean(
            org.kumaj.cp.manager.ResourceManager.class)).latest("user-token-signing-key", null).orElseThrow(),
        Map.of("Name", "old", "Groups", List.of()), Duration.ofHours(1));
    assertThat(local.withToken(expired).get("/meshes").status()).isEqualTo(401);
  }

  @Test
  void revokedTokenIs401() throws Exception {
    String token = issuer.issueUser("revoked", List.of(), Duration.ofHours(1));
    String jti = com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet().getJWTID();
    assertThat(local.withToken(token).get("/meshes").status()).isEqualTo(200);
    String body = "{\"type\":\"GlobalSecret\",\"name\":\"user-token-revocations\",\"data\":\""
        + Base64.getEncoder().encodeToString(jti.getBytes(StandardCharsets.UTF_8)) + "\"}";
    assertThat(local.put("/global-secrets/user-token-revocations", body).status()).isEqualTo(201);
    try {
      assertThat(local.withToken(token).get("/meshes").status()).isEqualTo(401);
    } finally {
      local.delete("/global-secrets/user-token-revocations");
    }
  }

  @Test
  void rootSkipsAuthentication() {
    assertThat(local.withToken("garbage").get("/").status()).isEqualTo(200);
  }

  @Test
  void localhostIsAdminBeforeTokens() {
    ApiClient.Response r = local.with("Authorization", "Bearer garbage").get("/who-am-i");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("name").asText()).isEqualTo("mesh-system:admin");
  }

  @Test
  void otherSchemesAreIgnored() {
    assertThat(local.asAnonymous().with("Authorization", "Basic dTpw").get("/who-am-i").json().path("name").asText())
        .isEqualTo("mesh-system:anonymous");
  }

  @Test
  void adminResourcesFollowTheConfiguredGroups() {
    ApiClient anonymous = local.asAnonymous();
    assertThat(anonymous.get("/meshes/default/secrets").json()).isEqualTo(TokenApiTest.error(403, "Access Denied",
        "user \"mesh-system:anonymous/mesh-system:unauthenticated\" cannot access the resource of type \"Secret\""));
    assertThat(anonymous.get("/global-secrets/admin-user-token").status()).isEqualTo(403);
    assertThat(anonymous.put("/meshes/default/secrets/s", "{\"type\":\"Secret\",\"mesh\":\"default\",\"name\":\"s\","
        + "\"data\":\"YQ==\"}").status()).isEqualTo(403);
    String john = issuer.issueUser("john", List.of("team-a"), Duration.ofHours(1));
    assertThat(local.withToken(john).get("/meshes/default/secrets").json().path("detail").asText())
        .isEqualTo("user \"john/team-a,mesh-system:authenticated\" cannot access the resource of type \"Secret\"");
    String reader = issuer.issueUser("ann", List.of("secret-readers"), Duration.ofHours(1));
    assertThat(local.withToken(reader).get("/meshes/default/secrets").status()).isEqualTo(200);
    assertThat(anonymous.get("/meshes").status()).isEqualTo(200);
  }

  @Test
  void controlPlaneMetadataNeedsTheConfiguredGroup() {
    assertThat(local.asAnonymous().get("/config").json()).isEqualTo(TokenApiTest.error(403, "Access Denied",
        "user \"mesh-system:anonymous/mesh-system:unauthenticated\" cannot access control-plane metadata"));
    String token = issuer.issueUser("john", List.of(), Duration.ofHours(1));
    assertThat(local.withToken(token).get("/config").status()).isEqualTo(200);
  }

  @Test
  void tokenUsersCannotIssueTokensUnlessAdmins() {
    String john = issuer.issueUser("john", List.of(), Duration.ofHours(1));
    assertThat(local.withToken(john).post("/tokens/user", "{\"name\":\"x\",\"validFor\":\"1h\"}").json())
        .isEqualTo(TokenApiTest.error(403, "Access Denied", "action not allowed"));
    String admin = issuer.issueUser("root", List.of("mesh-system:admin"), Duration.ofHours(1));
    assertThat(local.withToken(admin).post("/tokens/user", "{\"name\":\"x\",\"validFor\":\"1h\"}").status())
        .isEqualTo(200);
  }
}
