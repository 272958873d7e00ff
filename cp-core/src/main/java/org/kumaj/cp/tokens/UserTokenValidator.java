package org.kumaj.cp.tokens;

import jakarta.inject.Singleton;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.manager.ResourceManager;

/**
 * Checks API user tokens ({@code pkg/plugins/authn/api-server/tokens}): an RS256 JWT whose
 * {@code kid} names a static key of {@code apiServer.authn.tokens.validator.publicKeys} or, with
 * {@code validator.useSecrets}, GlobalSecret {@code user-token-signing-key-<kid>}; not expired and
 * not listed in GlobalSecret {@code user-token-revocations}. Thread-safe.
 */
@Singleton
public final class UserTokenValidator {
  private final TokenVerifier verifier;

  UserTokenValidator(ResourceManager manager, KumaConfig config, Clock clock) {
    List<Function<String, RSAPublicKey>> sources = new ArrayList<>();
    sources.add(PublicKeys.fromConfig(config.get("apiServer.authn.tokens.validator.publicKeys"), null));
    if (config.bool("apiServer.authn.tokens.validator.useSecrets")) {
      sources.add(PublicKeys.fromSigningKeys(new SigningKeys(manager), SigningKeys.USER_TOKEN_PREFIX, null));
    }
    this.verifier = new TokenVerifier(new JwtTokens(clock), sources, SigningKeys.USER_TOKEN_PREFIX, null,
        Revocations.global(manager, Revocations.USER_TOKENS), config.storeType().equals("memory"));
  }

  /**
   * Verifies {@code token} and returns the user it names.
   *
   * @throws InvalidTokenException when it is not valid
   */
  public UserIdentity validate(String token) {
    var claims = verifier.verify(token);
    return new UserIdentity(TokenClaims.string(claims, "Name"),
        TokenClaims.strings(claims, "Groups"));
  }

  /**
   * The user a token names.
   *
   * @param name the user name
   * @param groups the groups the token lists (without the implicit {@code mesh-system:authenticated})
   */
  public record UserIdentity(String name, List<String> groups) {
    public UserIdentity {
      groups = List.copyOf(groups);
    }
  }
}
