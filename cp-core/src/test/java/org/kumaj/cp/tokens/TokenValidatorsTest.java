package org.kumaj.cp.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kumaj.cp.launcher.Role;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.cp.testing.TestControlPlane;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.mesh.Dataplane;
import org.kumaj.model.mesh.Mesh;
import org.kumaj.model.system.GlobalSecret;
import org.kumaj.model.system.Secret;
import org.kumaj.pki.KeyType;

/**
 * Issue and validate round trips of the three token kinds against an in-process control plane,
 * and every way a token is refused: wrong kid, forged signature, expired, not yet valid, revoked,
 * another mesh, name, tags or workload, and zone scope or zone.
 */
class TokenValidatorsTest {
  @TempDir
  static Path workDir;
  static TestControlPlane cp;
  static TokenIssuer issuer;
  static DataplaneTokenValidator dataplanes;
  static ResourceManager manager;
  static SigningKeys keys;

  @BeforeAll
  static void start() {
    cp = TestControlPlane.start(Role.STANDALONE, workDir, Map.of("KUMA_MULTIZONE_ZONE_NAME", "zone-1"));
    issuer = cp.bean(TokenIssuer.class);
    dataplanes = cp.bean(DataplaneTokenValidator.class);
    manager = cp.bean(ResourceManager.class);
    keys = new SigningKeys(manager);
    manager.create(new Resource(Mesh.TYPE, ResourceMeta.of(null, "other", null), Mesh.EMPTY));
    dataplane("web-1", "default", Map.of(), "web", "web-admin");
    dataplane("web-2", "default", Map.of("kuma.io/workload", "web"), "web");
  }

  @AfterAll
  static void stop() {
    if (cp != null) {
      cp.close();
    }
  }

  @Test
  void roundTripWithEveryClaimBound() {
    String token = issuer.issueDataplane(new DataplaneIdentity("web-1", "default",
        Map.of("kuma.io/service", List.of("web", "web-admin")), "dataplane", ""), Duration.ofHours(1));
    DataplaneIdentity id = dataplanes.authenticate(token, dp("web-1"));
    assertThat(id).isEqualTo(new DataplaneIdentity("web-1", "default",
        Map.of("kuma.io/service", List.of("web", "web-admin")), "dataplane", ""));
  }

  @Test
  void meshOnlyTokenFitsEveryDataplaneOfTheMesh() {
    String token = issuer.issueDataplane(new DataplaneIdentity("", "default", Map.of(), "", ""), Duration.ofHours(1));
    dataplanes.authenticate(token, dp("web-1"));
    dataplanes.authenticate(token, dp("web-2"));
  }

  @Test
  void foreignName() {
    String token = issuer.issueDataplane(new DataplaneIdentity("web-2", "default", Map.of(), "", ""), Duration.ofHours(1));
    assertRefused(token, dp("web-1"), "proxy name from requestor: web-1 is different than in token: web-2");
  }

  @Test
  void foreignMeshSignedByTheOtherMesh() {
    String token = issuer.issueDataplane(new DataplaneIdentity("", "other", Map.of(), "", ""), Duration.ofHours(1));
    assertThatThrownBy(() -> dataplanes.authenticate(token, dp("web-1")))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessageContaining("token signature is invalid");
  }

  @Test
  void foreignMeshClaimSignedByThisMesh() {
    String token = sign(keys.latest(SigningKeys.dataplanePrefix("default"), "default").orElseThrow(),
        Map.of("Mesh", "other"), Clock.systemUTC(), Duration.ofHours(1));
    assertRefused(token, dp("web-1"), "proxy mesh from requestor: default is different than in token: other");
  }

  @Test
  void tagValueNotAllowed() {
    String token = issuer.issueDataplane(new DataplaneIdentity("", "default",
        Map.of("kuma.io/service", List.of("web")), "", ""), Duration.ofHours(1));
    assertRefused(token, dp("web-1"), "dataplane contains tag \"kuma.io/service\" with value \"web-admin\" which is"
        + " not allowed with this token. Allowed values in token are [\"web\"]");
    dataplanes.authenticate(token, dp("web-2"));
  }

  @Test
  void tagMissingOnTheDataplane() {
    String token = issuer.issueDataplane(new DataplaneIdentity("", "default",
        Map.of("version", List.of("v1")), "", ""), Duration.ofHours(1));
    assertRefused(token, dp("web-1"), "dataplane has no tag \"version\" required by the token");
  }

  @Test
  void workloadBinding() {
    String token = issuer.issueDataplane(new DataplaneIdentity("", "default", Map.of(), "", "web"), Duration.ofHours(1));
    dataplanes.authenticate(token, dp("web-2"));
    assertRefused(token, dp("web-1"), "dataplane has no workload label required by the token");
    String other = issuer.issueDataplane(new DataplaneIdentity("", "default", Map.of(), "", "api"), Duration.ofHours(1));
    assertRefused(other, dp("web-2"), "dataplane workload \"web\" is not allowed with this token. Allowed workload"
        + " in token is \"api\"");
    String unbound = issuer.issueDataplane(new DataplaneIdentity("", "default", Map.of(), "", ""), Duration.ofHours(1));
    assertThatThrownBy(() -> dataplanes.authenticate(unbound, dp("web-2"), () -> true))
        .hasMessage("dataplane with \"kuma.io/workload\" label \"web\" derives its identity from the workload, so it"
            + " requires a workload-bound token");
  }

  @Test
  void unknownKid() {
    RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyType.RSA.generate().getPrivate();
    String token = sign(new SigningKeys.SigningKey("7", key), Map.of("Mesh", "default"), Clock.systemUTC(),
        Duration.ofHours(1));
    assertRefused(token, dp("web-1"), "there is no signing key with KID 7. Secret of name"
        + " \"dataplane-token-signing-key-default-7\" in mesh \"default\" is not found. If signing key was rotated,"
        + " regenerate the token");
  }

  @Test
  void forgedWithAnotherKeyUnderAnExistingKid() {
    RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyType.RSA.generate().getPrivate();
    String token = sign(new SigningKeys.SigningKey("1", key), Map.of("Mesh", "default"), Clock.systemUTC(),
        Duration.ofHours(1));
    assertThatThrownBy(() -> dataplanes.authenticate(token, dp("web-1")))
        .hasMessageContaining("token signature is invalid");
  }

  @Test
  void expiredAndNotYetValid() {
    SigningKeys.SigningKey key = keys.latest(SigningKeys.dataplanePrefix("default"), "default").orElseThrow();
    Clock past = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
    String expired = sign(key, Map.of("Mesh", "default"), past, Duration.ofHours(1));
    assertThatThrownBy(() -> dataplanes.authenticate(expired, dp("web-1")))
        .hasMessageEndingWith("token has invalid claims: token is expired");
    Clock future = Clock.fixed(Instant.now().plus(Duration.ofHours(2)), ZoneOffset.UTC);
    String early = sign(key, Map.of("Mesh", "default"), future, Duration.ofHours(1));
    assertThatThrownBy(() -> dataplanes.authenticate(early, dp("web-1")))
        .hasMessageStartingWith("token is not yet valid: 'valid_from' date is in the future.");
  }

  @Test
  void revokedByJti() throws Exception {
    String token = issuer.issueDataplane(new DataplaneIdentity("", "default", Map.of(), "", ""), Duration.ofHours(1));
    String jti = com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet().getJWTID();
    manager.create(new Resource(Secret.TYPE, ResourceMeta.of("default", "dataplane-token-revocations-default", null),
        new Secret(b64("some-other-id," + jti + "\n"))));
    try {
      assertRefused(token, dp("web-1"), "token is revoked");
    } finally {
      manager.delete(new org.kumaj.model.ResourceKey(Secret.TYPE, "default", "dataplane-token-revocations-default"));
    }
    dataplanes.authenticate(token, dp("web-1"));
  }

  @Test
  void rotatedKeySignsNewTokensAndOldOnesStillVerify() {
    manager.create(new Resource(Mesh.TYPE, ResourceMeta.of(null, "rotated", null), Mesh.EMPTY));
    String before = issuer.issueDataplane(new DataplaneIdentity("", "rotated", Map.of(), "", ""), Duration.ofHours(1));
    KeyPair pair = KeyType.RSA.generate();
    manager.create(new Resource(Secret.TYPE, ResourceMeta.of("rotated", "dataplane-token-signing-key-rotated-2", null),
        new Secret(b64(org.kumaj.pki.Pem.encode(pair.getPrivate())))));
    String after = issuer.issueDataplane(new DataplaneIdentity("", "rotated", Map.of(), "", ""), Duration.ofHours(1));
    assertThat(dataplanes.validate(before, "rotated").mesh()).isEqualTo("rotated");
    assertThat(dataplanes.validate(after, "rotated").mesh()).isEqualTo("rotated");
    assertThat(after.substring(0, after.indexOf('.'))).isNotEqualTo(before.substring(0, before.indexOf('.')));
  }

  @Test
  void zoneTokens() {
    ZoneTokenValidator zones = cp.bean(ZoneTokenValidator.class);
    String ingress = issuer.issueZone("zone-1", List.of("ingress"), Duration.ofHours(1));
    assertThat(zones.authenticate(ingress, ZoneIdentity.INGRESS_SCOPE).zone()).isEqualTo("zone-1");
    assertThatThrownBy(() -> zones.authenticate(ingress, ZoneIdentity.EGRESS_SCOPE))
        .hasMessage("token cannot be used to authenticate zone entity (egress is out of token's scope: [ingress])");
    String elsewhere = issuer.issueZone("zone-2", List.of("egress"), Duration.ofHours(1));
    assertThatThrownBy(() -> zones.authenticate(elsewhere, ZoneIdentity.EGRESS_SCOPE))
        .hasMessage("zone from requestor: zone-1 is different than in token: zone-2");
    String anyZone = issuer.issueZone("", List.of("egress", "ingress"), Duration.ofHours(1));
    zones.authenticate(anyZone, ZoneIdentity.EGRESS_SCOPE);
  }

  @Test
  void userTokensAndTheirRevocation() throws Exception {
    UserTokenValidator users = cp.bean(UserTokenValidator.class);
    String token = issuer.issueUser("john", List.of("team"), Duration.ofHours(1));
    assertThat(users.validate(token).name()).isEqualTo("john");
    String jti = com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet().getJWTID();
    manager.create(new Resource(GlobalSecret.TYPE, ResourceMeta.of(null, "user-token-revocations", null),
        new GlobalSecret(b64(jti))));
    try {
      assertThatThrownBy(() -> users.validate(token)).hasMessage("token is revoked");
    } finally {
      manager.delete(org.kumaj.model.ResourceKey.global(GlobalSecret.TYPE, "user-token-revocations"));
    }
  }

  @Test
  void staticPublicKeysOfTheConfigurationVerify() throws Exception {
    KeyPair pair = KeyType.RSA.generate();
    String pem = org.kumaj.pki.Pem.encode(pair.getPublic());
    com.fasterxml.jackson.databind.JsonNode config = org.kumaj.model.codec.Json.mapper().readTree(
        "[{\"kid\":\"static-1\",\"key\":" + org.kumaj.model.codec.Json.mapper().writeValueAsString(pem)
            + ",\"mesh\":\"default\"},{\"kid\":\"other-mesh\",\"key\":"
            + org.kumaj.model.codec.Json.mapper().writeValueAsString(pem) + ",\"mesh\":\"other\"}]");
    TokenVerifier verifier = new TokenVerifier(new JwtTokens(Clock.systemUTC()),
        List.of(PublicKeys.fromConfig(config, "default")), SigningKeys.dataplanePrefix("default"), "default",
        Revocations.dataplane(manager, "default"), false);
    String token = sign(new SigningKeys.SigningKey("static-1", (RSAPrivateCrtKey) pair.getPrivate()),
        Map.of("Mesh", "default"), Clock.systemUTC(), Duration.ofHours(1));
    assertThat(verifier.verify(token).getStringClaim("Mesh")).isEqualTo("default");
    String otherMesh = sign(new SigningKeys.SigningKey("other-mesh", (RSAPrivateCrtKey) pair.getPrivate()),
        Map.of("Mesh", "default"), Clock.systemUTC(), Duration.ofHours(1));
    assertThatThrownBy(() -> verifier.verify(otherMesh)).hasMessageStartingWith("there is no signing key with KID other-mesh");
  }

  @Test
  void garbageIsRefusedNotCrashed() {
    for (String garbage : List.of("", "abc", "a.b.c", "eyJhbGciOiJub25lIn0.e30.", "eyJhbGciOiJIUzI1NiIsImtpZCI6IjEifQ.e30.x")) {
      assertThatThrownBy(() -> dataplanes.validate(garbage, "default")).isInstanceOf(InvalidTokenException.class);
    }
  }

  private static void assertRefused(String token, Resource dataplane, String reason) {
    assertThatThrownBy(() -> dataplanes.authenticate(token, dataplane))
        .isInstanceOf(InvalidTokenException.class).hasMessage(reason);
  }

  private static String sign(SigningKeys.SigningKey key, Map<String, Object> claims, Clock clock, Duration validFor) {
    return new JwtTokens(clock).issue(key, new LinkedHashMap<>(claims), validFor);
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static Resource dp(String name) {
    return manager.get(new org.kumaj.model.ResourceKey(Dataplane.TYPE, "default", name)).orElseThrow();
  }

  private static void dataplane(String name, String mesh, Map<String, String> labels, String... services) {
    List<Dataplane.Inbound> inbounds = new java.util.ArrayList<>();
    int port = 8080;
    for (String svc : services) {
      inbounds.add(new Dataplane.Inbound(port++, null, null, null, Map.of("kuma.io/service", svc), null, null, null,
          null, null));
    }
    manager.create(new Resource(Dataplane.TYPE, ResourceMeta.of(mesh, name, labels),
        new Dataplane(new Dataplane.Networking("10.0.0.1", null, null, inbounds, null, null, null, null), null, null)));
  }
}
