package org.kumaj.kumactl;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.kumaj.model.validation.GoStrings;
import org.kumaj.pki.Pem;

/**
 * Tokens issued without the control plane ({@code generate *-token --signing-key-path --kid}), as
 * Kuma's {@code jwtTokenIssuer} issues them. Kept apart so that other commands never load the JWT
 * library. Stateless.
 */
final class OfflineTokens {
  private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

  private OfflineTokens() {}

  /** Kuma's offline issuer: RS256, {@code kid} header, jti, issued/not-before 5 s ago, expiry after {@code validFor}. */
  static String sign(Invocation inv, Map<String, Object> claims, Duration validFor) throws KumactlException {
    String path = inv.string("signing-key-path");
    PrivateKey key;
    try {
      String pem = Files.readString(Path.of(path), StandardCharsets.UTF_8);
      if (!pem.contains("-----BEGIN RSA PRIVATE KEY-----")) {
        String type = pem.contains("-----BEGIN ") ? pem.substring(pem.indexOf("-----BEGIN ") + 11).split("-----")[0] : "";
        throw new KumactlException("invalid key encoding " + GoStrings.quote(type));
      }
      key = Pem.privateKey(pem);
    } catch (NoSuchFileException e) {
      throw new KumactlException("open " + path + ": no such file or directory", e);
    } catch (IOException | IllegalArgumentException e) {
      throw new KumactlException(e.getMessage(), e);
    }
    Clock clock = inv.clock();
    Instant now = clock.instant().minus(CLOCK_SKEW);
    JWTClaimsSet.Builder set = new JWTClaimsSet.Builder();
    claims.forEach(set::claim);
    set.jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plus(validFor).plus(CLOCK_SKEW)));
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
        .keyID(inv.string("kid")).build(), set.build());
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new KumactlException("could not sign a token: " + e.getMessage(), e);
    }
    return jwt.serialize();
  }

}
