package org.kumaj.cp.tokens;

import com.nimbusds.jwt.JWTClaimsSet;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.function.Function;

/**
 * Kuma's {@code jwtTokenValidator} for one kind of token: the public key comes from the first
 * source that knows the token's {@code kid} (static keys from the configuration, then the signing
 * key Secrets), then the token must not be revoked. Failures carry Kuma's wording. Immutable;
 * thread-safe when its sources are.
 */
final class TokenVerifier {
  private static final String MEMORY_HINT = "could not parse token. kuma-cp runs with an in-memory database and"
      + " its state isn't preserved between restarts. Keep in mind that an in-memory database cannot be used"
      + " with multiple instances of the control plane";

  private final JwtTokens jwt;
  private final List<Function<String, RSAPublicKey>> sources;
  private final String prefix;
  private final String mesh;
  private final Revocations revocations;
  private final boolean memoryStore;

  /**
   * @param sources public keys by kid, each returning null when it does not know the kid
   * @param prefix the signing-key Secret prefix, named in "not found" messages (null for static keys only)
   * @param mesh the mesh of meshed keys, or null
   */
  TokenVerifier(JwtTokens jwt, List<Function<String, RSAPublicKey>> sources, String prefix, String mesh,
      Revocations revocations, boolean memoryStore) {
    this.jwt = jwt;
    this.sources = List.copyOf(sources);
    this.prefix = prefix;
    this.mesh = mesh;
    this.revocations = revocations;
    this.memoryStore = memoryStore;
  }

  /**
   * Verifies {@code token} and returns its claims.
   *
   * @throws InvalidTokenException with the reason it is not accepted
   */
  JWTClaimsSet verify(String token) {
    JWTClaimsSet claims;
    try {
      claims = jwt.verifyWith(token, this::key);
    } catch (SigningKeyNotFoundException e) {
      throw new InvalidTokenException(e.getMessage());
    } catch (InvalidTokenException e) {
      if (e.getMessage().equals(JwtTokens.NOT_VALID_YET)) {
        throw new InvalidTokenException("token is not yet valid: 'valid_from' date is in the future. Check if the"
            + " system clock on the instance that issued the token is set correctly: " + e.getMessage());
      }
      throw new InvalidTokenException((memoryStore ? MEMORY_HINT : "could not parse token") + ": " + e.getMessage());
    }
    if (revocations.isRevoked(claims.getJWTID())) {
      throw new InvalidTokenException("token is revoked");
    }
    return claims;
  }

  private RSAPublicKey key(String kid) {
    for (Function<String, RSAPublicKey> source : sources) {
      RSAPublicKey key = source.apply(kid);
      if (key != null) {
        return key;
      }
    }
    throw new SigningKeyNotFoundException(kid, prefix, mesh);
  }
}
