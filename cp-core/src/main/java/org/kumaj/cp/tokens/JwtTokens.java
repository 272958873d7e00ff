package org.kumaj.cp.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Kuma's token format: an RS256 JWT whose {@code kid} header names the signing key, with the
 * token type's claims plus {@code jti}, {@code iat}, {@code nbf} (5 s in the past, for clock skew)
 * and {@code exp}. Thread-safe.
 */
public final class JwtTokens {
  static final Duration SKEW = Duration.ofSeconds(5);
  private final Clock clock;

  public JwtTokens(Clock clock) {
    this.clock = clock;
  }

  /** Signs {@code claims} with {@code key}, valid for {@code validFor}. */
  public String issue(SigningKeys.SigningKey key, Map<String, Object> claims, Duration validFor) {
    Instant now = clock.instant().minus(SKEW);
    JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plus(validFor).plus(SKEW)));
    claims.forEach(set::claim);
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.kid()).build(), set.build());
    try {
      jwt.sign(new RSASSASigner(key.key()));
    } catch (JOSEException e) {
      throw new IllegalStateException("could not sign a token", e);
    }
    return jwt.serialize();
  }

  /**
   * Verifies a token's signature (with the key its {@code kid} names) and its times.
   *
   * @param keys finds the signing key by kid
   * @return the claims
   * @throws InvalidTokenException with a reason when anything is wrong
   */
  public JWTClaimsSet verify(String token, Function<String, SigningKeys.SigningKey> keys) {
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(token);
    } catch (ParseException e) {
      throw new InvalidTokenException("could not parse the token: " + e.getMessage());
    }
    if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
      throw new InvalidTokenException("token must be signed with RS256");
    }
    String kid = jwt.getHeader().getKeyID();
    if (kid == null || kid.isEmpty()) {
      throw new InvalidTokenException("token has no kid header");
    }
    SigningKeys.SigningKey key = keys.apply(kid);
    if (key == null) {
      throw new InvalidTokenException("there is no signing key with KID " + kid);
    }
    try {
      if (!jwt.verify(new RSASSAVerifier(publicKey(key)))) {
        throw new InvalidTokenException("token signature is invalid");
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Date now = Date.from(clock.instant());
      if (claims.getExpirationTime() != null && now.after(claims.getExpirationTime())) {
        throw new InvalidTokenException("token is expired");
      }
      if (claims.getNotBeforeTime() != null && now.before(claims.getNotBeforeTime())) {
        throw new InvalidTokenException("token is not valid yet");
      }
      return claims;
    } catch (JOSEException | ParseException e) {
      throw new InvalidTokenException("could not verify the token: " + e.getMessage());
    }
  }

  private static RSAPublicKey publicKey(SigningKeys.SigningKey key) {
    try {
      return (RSAPublicKey) KeyFactory.getInstance("RSA")
          .generatePublic(new RSAPublicKeySpec(key.key().getModulus(), key.key().getPublicExponent()));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
