package org.kumaj.kumactl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kumaj.pki.Pem;

/** {@code kumactl generate}: tokens from the control plane and offline, keys and certificates. */
class GenerateCommandsTest extends KumactlAgainstFakeControlPlane {
  private Path signingKey() throws Exception {
    Run run = kumactl("generate", "signing-key", "--format", "pem");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("-----BEGIN RSA PRIVATE KEY-----\n").endsWith("-----END RSA PRIVATE KEY-----\n");
    return Files.writeString(home.resolve("key.pem"), run.out());
  }

  @Test
  void signingKeyIsPemBase64ByDefault() {
    Run run = kumactl("generate", "signing-key");
    String pem = new String(Base64.getDecoder().decode(run.out()), StandardCharsets.US_ASCII);
    assertThat(pem).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    assertThat(kumactl("generate", "signing-key", "--format", "der").err()).isEqualTo("Error: invalid format\n");
  }

  @Test
  void publicKeyMatchesTheSigningKey() throws Exception {
    Path key = signingKey();
    Run run = kumactl("generate", "public-key", "--signing-key-path", key.toString());
    assertThat(run.out()).startsWith("-----BEGIN RSA PUBLIC KEY-----\n");
    RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) Pem.privateKey(Files.readString(key));
    assertThat(publicKey(run.out()).getModulus()).isEqualTo(privateKey.getModulus());
    Path notKey = Files.writeString(home.resolve("not-key"), "hello");
    assertThat(kumactl("generate", "public-key", "--signing-key-path", notKey.toString()).err())
        .isEqualTo("Error: provided file is not a PEM-encoded signing key\n");
  }

  /** Reads a PKCS#1 {@code RSA PUBLIC KEY} (SEQUENCE of modulus and exponent). */
  private static RSAPublicKey publicKey(String pem) throws Exception {
    String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    org.bouncycastle.asn1.pkcs.RSAPublicKey asn = org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(
        Base64.getDecoder().decode(b64));
    return (RSAPublicKey) KeyFactory.getInstance("RSA")
        .generatePublic(new RSAPublicKeySpec(asn.getModulus(), asn.getPublicExponent()));
  }

  @Test
  void offlineDataplaneTokenIsSignedWithTheKeyAndKid() throws Exception {
    Path key = signingKey();
    Run run = kumactl("generate", "dataplane-token", "--name", "dp-1", "--mesh", "demo", "--tag",
        "kuma.io/service=web,web-api", "--valid-for", "24h", "--signing-key-path", key.toString(), "--kid", "7");
    assertThat(run.exit()).as(run.toString()).isZero();
    SignedJWT jwt = SignedJWT.parse(run.out());
    RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) Pem.privateKey(Files.readString(key));
    RSAPublicKey pub = (RSAPublicKey) KeyFactory.getInstance("RSA")
        .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
    assertThat(jwt.verify(new RSASSAVerifier(pub))).isTrue();
    assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
    assertThat(jwt.getHeader().getKeyID()).isEqualTo("7");
    Map<String, Object> claims = jwt.getJWTClaimsSet().getClaims();
    assertThat(claims).containsEntry("Name", "dp-1").containsEntry("Mesh", "demo");
    assertThat(claims.get("Tags")).isEqualTo(Map.of("kuma.io/service", List.of("web", "web-api")));
    long lifetime = jwt.getJWTClaimsSet().getExpirationTime().getTime() - jwt.getJWTClaimsSet().getIssueTime().getTime();
    assertThat(lifetime).isEqualTo(24 * 3600 * 1000L + 5000L);
    assertThat(server.requests.stream().noneMatch(r -> r.pathAndQuery().startsWith("/tokens"))).isTrue();
  }

  @Test
  void offlineTokensNeedAKid() throws Exception {
    Path key = signingKey();
    assertThat(kumactl("generate", "user-token", "--name", "u", "--valid-for", "1h", "--signing-key-path",
        key.toString()).err()).isEqualTo("Error: --kid is required when --signing-key-path is used\n");
    assertThat(kumactl("generate", "zone-token", "--zone", "z", "--valid-for", "1h", "--kid", "1").err())
        .isEqualTo("Error: --kid cannot be used when --signing-key-path is used\n");
  }

  @Test
  void offlineZoneAndUserTokensCarryTheirClaims() throws Exception {
    Path key = signingKey();
    SignedJWT zone = SignedJWT.parse(kumactl("generate", "zone-token", "--zone", "zone-1", "--scope", "egress",
        "--valid-for", "1h", "--signing-key-path", key.toString(), "--kid", "1").out());
    assertThat(zone.getJWTClaimsSet().getClaims()).containsEntry("Zone", "zone-1")
        .containsEntry("Scope", List.of("egress"));
    SignedJWT user = SignedJWT.parse(kumactl("generate", "user-token", "--name", "john", "--group", "a,b",
        "--valid-for", "1h", "--signing-key-path", key.toString(), "--kid", "1").out());
    assertThat(user.getJWTClaimsSet().getClaims()).containsEntry("Name", "john")
        .containsEntry("Groups", List.of("a", "b"));
  }

  @Test
  void tokensFromTheControlPlaneArePostedAsKumaDoes() throws Exception {
    server.answer("POST /tokens/dataplane", 200, "dp-token");
    server.answer("POST /tokens/zone", 200, "zone-token");
    server.answer("POST /tokens/user", 200, "user-token");
    assertThat(kumactl("generate", "dataplane-token", "--name", "dp-1", "--tag", "kuma.io/service=web",
        "--valid-for", "24h").out()).isEqualTo("dp-token");
    assertThat(kumactl("generate", "zone-token", "--zone", "zone-1", "--valid-for", "90m").out())
        .isEqualTo("zone-token");
    assertThat(kumactl("generate", "user-token", "--name", "john", "--valid-for", "1h").out())
        .isEqualTo("user-token");
    List<FakeControlPlane.Request> posts = server.requests.stream().filter(r -> r.method().equals("POST")).toList();
    assertThat(posts).extracting(FakeControlPlane.Request::pathAndQuery)
        .containsExactly("/tokens/dataplane", "/tokens/zone", "/tokens/user");
    JsonNode dp = Trees.json(posts.get(0).body());
    assertThat(dp.toString()).isEqualTo("{\"name\":\"dp-1\",\"mesh\":\"default\",\"tags\":{\"kuma.io/service\":"
        + "[\"web\"]},\"type\":\"\",\"workload\":\"\",\"validFor\":\"24h0m0s\"}");
    assertThat(Trees.json(posts.get(1).body()).toString())
        .isEqualTo("{\"zone\":\"zone-1\",\"scope\":[\"ingress\",\"egress\"],\"validFor\":\"1h30m0s\"}");
    assertThat(Trees.json(posts.get(2).body()).toString())
        .isEqualTo("{\"name\":\"john\",\"groups\":null,\"validFor\":\"1h0m0s\"}");
  }

  @Test
  void tokenErrorsFromTheControlPlaneAreKumaErrors() {
    server.answer("POST /tokens/user", 400, "{\"title\":\"Could not issue a token\","
        + "\"detail\":\"issuing tokens using the control plane is disabled.\"}");
    Run run = kumactl("generate", "user-token", "--name", "john", "--valid-for", "1h");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("Error: Could not issue a token (issuing tokens using the control plane is"
        + " disabled.)\n");
  }

  @Test
  void tokenFlagsAreChecked() {
    assertThat(kumactl("generate", "zone-token", "--zone", "z", "--valid-for", "1h", "--scope", "ingress,bogus")
        .err()).isEqualTo("Error: invalid --scope values: [bogus] (supported scopes: [ingress egress])\n");
    assertThat(kumactl("generate", "dataplane-token").err()).isEqualTo("Error: required flag(s) \"valid-for\" not"
        + " set\n");
  }

  @Test
  void tlsCertificateWritesKeyAndCertificate() throws Exception {
    Path key = home.resolve("tls.key");
    Path cert = home.resolve("tls.crt");
    Run run = kumactl("generate", "tls-certificate", "--type=server", "--hostname=localhost,127.0.0.1",
        "--hostname", "cp.example", "--key-type", "ecdsa", "--key-file", key.toString(), "--cert-file",
        cert.toString());
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("Private key saved in " + key + "\nCertificate saved in " + cert + "\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("r--------");
    assertThat(Files.readString(key)).startsWith("-----BEGIN EC PRIVATE KEY-----");
    X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(cert)));
    List<Object> sans = x509.getSubjectAlternativeNames().stream().map(san -> (Object) san.get(1)).toList();
    assertThat(sans).containsExactlyInAnyOrder("localhost", "127.0.0.1", "cp.example");
    assertThat(x509.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
  }

  @Test
  void tlsCertificateToStdoutAndErrors() {
    Run run = kumactl("generate", "tls-certificate", "--type=client", "--hostname=dp-1", "--key-file=-",
        "--cert-file=-");
    assertThat(run.out()).startsWith("-----BEGIN RSA PRIVATE KEY-----").contains("-----BEGIN CERTIFICATE-----");
    assertThat(kumactl("generate", "tls-certificate", "--type=peer", "--hostname=x").err())
        .isEqualTo("Error: invalid certificate type \"peer\"\n");
    assertThat(kumactl("generate", "tls-certificate", "--type=server", "--hostname=x", "--key-type=dsa").err())
        .isEqualTo("Error: invalid key type \"dsa\"\n");
    assertThat(kumactl("generate", "tls-certificate").err())
        .isEqualTo("Error: required flag(s) \"hostname\", \"type\" not set\n");
  }
}
