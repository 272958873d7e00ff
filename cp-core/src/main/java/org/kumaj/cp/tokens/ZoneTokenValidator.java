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
 * Checks zone tokens, used by zone ingress and egress proxies on Universal
 * ({@code pkg/tokens/builtin/zone/validator.go}, {@code authZoneEntity}): an RS256 JWT whose
 * {@code kid} names a static key of {@code dpServer.authn.zoneProxy.zoneToken.validator.publicKeys}
 * or, with {@code validator.useSecrets}, GlobalSecret {@code zone-token-signing-key-<kid>} (on a
 * federated zone the public key GlobalSecret {@code zone-token-signing-public-key-<kid>}); not
 * expired and not listed in GlobalSecret {@code zone-token-revocations}; its scope must include the
 * proxy's kind and its zone, when set, must be this control plane's zone. Thread-safe.
 */
@Singleton
public final class ZoneTokenValidator {
  /** Prefix of the GlobalSecrets holding zone-token public keys on a federated zone. */
  public static final String PUBLIC_KEY_PREFIX = "zone-token-signing-public-key";

  private final TokenVerifier verifier;
  private final String zone;

  ZoneTokenValidator(ResourceManager manager, KumaConfig config, Clock clock) {
    List<Function<String, RSAPublicKey>> sources = new ArrayList<>();
    sources.add(PublicKeys.fromConfig(config.get("dpServer.authn.zoneProxy.zoneToken.validator.publicKeys"), null));
    String prefix = config.isFederatedZone() ? PUBLIC_KEY_PREFIX : SigningKeys.ZONE_TOKEN_PREFIX;
    if (config.bool("dpServer.authn.zoneProxy.zoneToken.validator.useSecrets")) {
      sources.add(config.isFederatedZone()
          ? PublicKeys.fromPublicKeySecrets(manager, prefix)
          : PublicKeys.fromSigningKeys(new SigningKeys(manager), prefix, null));
    }
    this.verifier = new TokenVerifier(new JwtTokens(clock), sources, prefix, null,
        Revocations.global(manager, Revocations.ZONE_TOKENS), config.storeType().equals("memory"));
    this.zone = config.string("multizone.zone.name");
  }

  /**
   * Verifies {@code token} and returns what it binds.
   *
   * @throws InvalidTokenException when it is not valid
   */
  public ZoneIdentity validate(String token) {
    var claims = verifier.verify(token);
    return new ZoneIdentity(TokenClaims.string(claims, "Zone"),
        TokenClaims.strings(claims, "Scope"));
  }

  /**
   * Kuma's {@code authZoneEntity}: validates {@code token} for a zone proxy of kind {@code scope}
   * ({@link ZoneIdentity#INGRESS_SCOPE} or {@link ZoneIdentity#EGRESS_SCOPE}) served by this zone.
   *
   * @throws InvalidTokenException with the reason the proxy may not use the token
   */
  public ZoneIdentity authenticate(String token, String scope) {
    ZoneIdentity id = validate(token);
    if (!id.scope().contains(scope)) {
      throw new InvalidTokenException("token cannot be used to authenticate zone entity (" + scope
          + " is out of token's scope: [" + String.join(" ", id.scope()) + "])");
    }
    if (!id.zone().isEmpty() && !zone.equals(id.zone())) {
      throw new InvalidTokenException("zone from requestor: " + zone + " is different than in token: " + id.zone());
    }
    return id;
  }
}
