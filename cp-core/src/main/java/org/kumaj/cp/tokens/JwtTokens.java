package org.kumaj.cp.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
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
 * token type's claims plus {@code exp}, {@code nbf} and {@code iat} (5 s in the past, for clock
 * skew) and {@code jti}. Verification follows Kuma's {@code jwtTokenValidator}: RS256 only, the key
 * named by {@code kid}, then the times. Thread-safe.
 */
public final class JwtTokens {
  static final Duration SKEW = Duration.ofSeconds(5);
  /** The jwt library's text for a token whose {@code nbf} is in the future. */
  static final String NOT_VALID_YET = "token has invalid claims: token is not valid yet";
  private final Clock clock;

  public JwtTokens(Clock clock) {
    this.clock = clock;
  }

  /** Signs {@code claims} with {@code key}, valid for {@code validFor}. */
  public String issue(SigningKeys.SigningKey key, Map<String, Object> claims, Duration validFor) {
    Instant now = clock.instant().minus(SKEW);
    JWTClaimsSet.Builder set = new JWTClaimsSet.Builder();
    claims.forEach(set::claim);
    set.expirationTime(Date.from(now.plus(validFor).plus(SKEW)))
        .notBeforeTime(Date.from(now))
        .issueTime(Date.from(now))
        .jwtID(UUID.randomUUID().toString());
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.kid()).build(), set.build());
    try {
      jwt.sign(new RSASSASigner(key.key()));
    } catch (JOSEException e) {
      throw new IllegalStateException("could not sign a token", e);
    }
    return jwt.serialize();
  }

  /**
   * Verifies a token's signature (with the private key its {@code kid} names) and its times.
   *
   * @param keys finds the signing key by kid, or returns null
   * @return the claims
   * @throws InvalidTokenException with a reason when anything is wrong
   */
  public JWTClaimsSet verify(String token, Function<String, SigningKeys.SigningKey> keys) {
    return verifyWith(token, kid -> {
      SigningKeys.SigningKey key = keys.apply(kid);
      if (key == null) {
        throw new InvalidTokenException("there is no signing key with KID " + kid);
      }
      return publicKey(key.key());
    });
  }

  /**
   * Verifies a token's signature with the public key its {@code kid} names, then its times.
   *
   * @param keys finds the public key by kid; throws (e.g. {@link SigningKeyNotFoundException}) when
   *     there is none
   * @return the claims
   * @throws InvalidTokenException with the jwt library's reason (as Go's golang-jwt words it) when
   *     the token is malformed, forged, expired or not valid yet
   */
  public JWTClaimsSet verifyWith(String token, Function<String, RSAPublicKey> keys) {
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(token);
    } catch (ParseException e) {
      throw new InvalidTokenException("token is malformed: " + e.getMessage());
    }
    if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
      throw new InvalidTokenException("token is unverifiable: error while executing keyfunc: unsupported token alg "
          + jwt.getHeader().getAlgorithm() + ". Allowed algorithms are RS256");
    }
    String kid = jwt.getHeader().getKeyID();
    if (kid == null) {
      throw new InvalidTokenException("token is unverifiable: error while executing keyfunc: JWT token must have kid header");
    }
    RSAPublicKey key = keys.apply(kid);
    try {
      if (!jwt.verify(new RSASSAVerifier(key))) {
        throw new InvalidTokenException("token signature is invalid: crypto/rsa: verification error");
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Date now = Date.from(clock.instant());
      if (claims.getExpirationTime() != null && !now.before(claims.getExpirationTime())) {
        throw new InvalidTokenException("token has invalid claims: token is expired");
      }
      if (claims.getNotBeforeTime() != null && now.before(claims.getNotBeforeTime())) {
        throw new InvalidTokenException(NOT_VALID_YET);
      }
      return claims;
    } catch (JOSEException | ParseException e) {
      throw new InvalidTokenException("token is malformed: " + e.getMessage());
    }
  }

  /** The public half of an RSA private key. */
  static RSAPublicKey publicKey(RSAPrivateCrtKey key) {
    try {
      return (RSAPublicKey) KeyFactory.getInstance("RSA")
          .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
