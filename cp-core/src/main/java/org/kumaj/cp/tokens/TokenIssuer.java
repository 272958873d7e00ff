package org.kumaj.cp.tokens;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.manager.ResourceManager;

/**
 * Issues Kuma's three kinds of tokens, signed with the newest signing key of their kind
 * ({@code pkg/tokens/builtin}, {@code pkg/plugins/authn/api-server/tokens}):
 * <ul>
 *   <li>dataplane tokens: claims {@code Name, Mesh, Tags, Type, Workload}, key Secret
 *       {@code dataplane-token-signing-key-<mesh>-<kid>};</li>
 *   <li>zone tokens: claims {@code Zone, Scope}, key GlobalSecret {@code zone-token-signing-key-<kid>};</li>
 *   <li>user tokens: claims {@code Name, Groups}, key GlobalSecret {@code user-token-signing-key-<kid>}.</li>
 * </ul>
 * Each kind can be disabled ({@code dpServer.authn.dpProxy.dpToken.enableIssuer},
 * {@code dpServer.authn.zoneProxy.zoneToken.enableIssuer}, {@code apiServer.authn.tokens.enableIssuer}).
 * Thread-safe.
 */
@Singleton
public final class TokenIssuer {
  private final SigningKeys keys;
  private final JwtTokens jwt;
  private final boolean dataplaneEnabled;
  private final boolean zoneEnabled;
  private final boolean userEnabled;

  TokenIssuer(ResourceManager manager, KumaConfig config, Clock clock) {
    this.keys = new SigningKeys(manager);
    this.jwt = new JwtTokens(clock);
    this.dataplaneEnabled = config.bool("dpServer.authn.dpProxy.dpToken.enableIssuer");
    this.zoneEnabled = config.bool("dpServer.authn.zoneProxy.zoneToken.enableIssuer");
    this.userEnabled = config.bool("apiServer.authn.tokens.enableIssuer");
  }

  /**
   * Issues a dataplane token. Tag values are de-duplicated and sorted, as Kuma's
   * {@code MultiValueTagSet} does.
   *
   * @throws IssuerDisabledException when dataplane tokens are not issued by this control plane
   * @throws SigningKeyNotFoundException when the mesh has no signing key
   */
  public String issueDataplane(DataplaneIdentity identity, Duration validFor) {
    if (!dataplaneEnabled) {
      throw new IssuerDisabledException();
    }
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("Name", identity.name());
    claims.put("Mesh", identity.mesh());
    Map<String, List<String>> tags = new TreeMap<>();
    identity.tags().forEach((tag, values) -> tags.put(tag, new ArrayList<>(new TreeSet<>(values))));
    claims.put("Tags", tags);
    claims.put("Type", identity.type());
    claims.put("Workload", identity.workload());
    String prefix = SigningKeys.dataplanePrefix(identity.mesh());
    return sign(prefix, identity.mesh(), claims, validFor);
  }

  /**
   * Issues a zone token.
   *
   * @throws IssuerDisabledException when zone tokens are not issued by this control plane
   * @throws SigningKeyNotFoundException when there is no zone token signing key
   */
  public String issueZone(String zone, List<String> scope, Duration validFor) {
    if (!zoneEnabled) {
      throw new IssuerDisabledException();
    }
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("Zone", zone);
    claims.put("Scope", scope);
    return sign(SigningKeys.ZONE_TOKEN_PREFIX, null, claims, validFor);
  }

  /**
   * Issues a user token for the API.
   *
   * @throws IssuerDisabledException when user tokens are not issued by this control plane
   * @throws SigningKeyNotFoundException when there is no user token signing key
   */
  public String issueUser(String name, List<String> groups, Duration validFor) {
    if (!userEnabled) {
      throw new IssuerDisabledException();
    }
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("Name", name);
    claims.put("Groups", groups);
    return sign(SigningKeys.USER_TOKEN_PREFIX, null, claims, validFor);
  }

  private String sign(String prefix, String mesh, Map<String, Object> claims, Duration validFor) {
    SigningKeys.SigningKey key = keys.latest(prefix, mesh)
        .orElseThrow(() -> new SigningKeyNotFoundException(SigningKeys.DEFAULT_KID, prefix, mesh));
    return jwt.issue(key, claims, validFor);
  }
}
