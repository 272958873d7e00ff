package org.kumaj.cp.xds;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.cp.tokens.InvalidTokenException;
import org.kumaj.cp.tokens.JwtTokens;
import org.kumaj.cp.tokens.SigningKeys;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.mesh.Dataplane;
import org.kumaj.model.system.Secret;

/**
 * {@code dpServer.authn.dpProxy.type}: {@code dpToken} (the Universal default, also when empty) or
 * {@code none}. A dataplane token must be signed by its mesh's signing key, not be expired or revoked
 * (Secret {@code dataplane-token-revocations-<mesh>}), and every claim it sets must match the
 * Dataplane: name, mesh, each tag (the Dataplane's values must be among the token's), workload.
 * Thread-safe.
 */
@Singleton
@Requires(property = "kumaj.listeners.dp-server.port")
final class DpTokenAuthenticator implements ProxyAuthenticator {
  private final boolean required;
  private final ResourceManager manager;
  private final SigningKeys signingKeys;
  private final JwtTokens tokens;

  DpTokenAuthenticator(KumaConfig config, ResourceManager manager, Clock clock) {
    String type = config.string("dpServer.authn.dpProxy.type");
    this.required = !type.equals("none");
    this.manager = manager;
    this.signingKeys = new SigningKeys(manager);
    this.tokens = new JwtTokens(clock);
  }

  @Override
  public boolean credentialRequired() {
    return required;
  }

  @Override
  public void authenticate(String credential, ProxyId id, Resource dataplane) {
    if (!required) {
      return;
    }
    if (credential == null || credential.isEmpty()) {
      throw new InvalidTokenException("a dataplane token is required");
    }
    String prefix = SigningKeys.dataplanePrefix(id.mesh());
    JWTClaimsSet claims = tokens.verify(credential,
        kid -> signingKeys.byKid(prefix, id.mesh(), kid).orElse(null));
    if (revoked(id.mesh(), claims.getJWTID())) {
      throw new InvalidTokenException("token is revoked");
    }
    check(claims, "Mesh", id.mesh());
    check(claims, "Name", id.name());
    String workload = dataplane.meta().label("kuma.io/workload");
    String tokenWorkload = string(claims, "Workload");
    if (!tokenWorkload.isEmpty() && !tokenWorkload.equals(workload)) {
      throw new InvalidTokenException("the token is for workload \"" + tokenWorkload + "\", the Dataplane has \""
          + (workload == null ? "" : workload) + "\"");
    }
    Map<String, Object> tags = map(claims);
    for (Map<String, String> tagSet : dataplane.spec(Dataplane.class).tagSets()) {
      for (Map.Entry<String, Object> allowed : tags.entrySet()) {
        String value = tagSet.get(allowed.getKey());
        if (value != null && allowed.getValue() instanceof List<?> values && !values.contains(value)) {
          throw new InvalidTokenException("the token does not allow " + allowed.getKey() + "=" + value);
        }
      }
    }
  }

  private boolean revoked(String mesh, String jti) {
    if (jti == null) {
      return false;
    }
    return manager.get(new ResourceKey(Secret.TYPE, mesh, "dataplane-token-revocations-" + mesh))
        .map(s -> new String(java.util.Base64.getDecoder().decode(s.spec(Secret.class).data()),
            java.nio.charset.StandardCharsets.UTF_8))
        .map(list -> List.of(list.trim().split("\\s*,\\s*")).contains(jti))
        .orElse(false);
  }

  private static void check(JWTClaimsSet claims, String claim, String expected) {
    String value = string(claims, claim);
    if (!value.isEmpty() && !value.equals(expected)) {
      throw new InvalidTokenException("the token is for " + claim.toLowerCase(java.util.Locale.ROOT) + " \""
          + value + "\", not \"" + expected + "\"");
    }
  }

  private static String string(JWTClaimsSet claims, String claim) {
    try {
      String value = claims.getStringClaim(claim);
      return value == null ? "" : value;
    } catch (ParseException e) {
      throw new InvalidTokenException("claim " + claim + " is not a string");
    }
  }

  private static Map<String, Object> map(JWTClaimsSet claims) {
    try {
      Map<String, Object> tags = claims.getJSONObjectClaim("Tags");
      return tags == null ? Map.of() : tags;
    } catch (ParseException e) {
      throw new InvalidTokenException("claim Tags is not an object");
    }
  }
}
