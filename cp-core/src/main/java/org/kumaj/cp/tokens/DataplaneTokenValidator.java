package org.kumaj.cp.tokens;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.model.Resource;
import org.kumaj.model.mesh.Dataplane;

/**
 * Checks dataplane tokens the way Kuma's data-plane server does on Universal
 * ({@code pkg/tokens/builtin/issuer/validator.go} and {@code pkg/xds/auth/universal/authenticator.go}):
 * <ol>
 *   <li>the token is an RS256 JWT whose {@code kid} names a key of the Dataplane's mesh: a static key
 *       of {@code dpServer.authn.dpProxy.dpToken.validator.publicKeys} or, with
 *       {@code validator.useSecrets}, Secret {@code dataplane-token-signing-key-<mesh>-<kid>};</li>
 *   <li>it is neither expired nor not yet valid, and its {@code jti} is not listed in Secret
 *       {@code dataplane-token-revocations-<mesh>};</li>
 *   <li>every claim it sets matches the Dataplane: {@code Name}, {@code Mesh}, each token tag (the
 *       Dataplane must have the tag, and every value it has for it must be allowed), and
 *       {@code Workload} (the {@code kuma.io/workload} label).</li>
 * </ol>
 * Failures throw {@link InvalidTokenException} with Kuma's reason. Keys and revocations are read
 * from the store on each call, so rotation and revocation apply at once. Thread-safe.
 */
@Singleton
public final class DataplaneTokenValidator {
  static final String WORKLOAD_LABEL = "kuma.io/workload";

  private final ResourceManager manager;
  private final SigningKeys keys;
  private final JwtTokens jwt;
  private final KumaConfig config;
  private final boolean useSecrets;
  private final boolean memoryStore;

  DataplaneTokenValidator(ResourceManager manager, KumaConfig config, Clock clock) {
    this.manager = manager;
    this.keys = new SigningKeys(manager);
    this.jwt = new JwtTokens(clock);
    this.config = config;
    this.useSecrets = config.bool("dpServer.authn.dpProxy.dpToken.validator.useSecrets");
    this.memoryStore = config.storeType().equals("memory");
  }

  /**
   * Kuma's {@code Validator.Validate}: verifies {@code token} against the keys and revocations of
   * {@code mesh} and returns what it binds.
   *
   * @throws InvalidTokenException when the token is not valid for the mesh
   */
  public DataplaneIdentity validate(String token, String mesh) {
    List<java.util.function.Function<String, java.security.interfaces.RSAPublicKey>> sources = new ArrayList<>();
    sources.add(PublicKeys.fromConfig(config.get("dpServer.authn.dpProxy.dpToken.validator.publicKeys"), mesh));
    if (useSecrets) {
      sources.add(PublicKeys.fromSigningKeys(keys, SigningKeys.dataplanePrefix(mesh), mesh));
    }
    TokenVerifier verifier = new TokenVerifier(jwt, sources, SigningKeys.dataplanePrefix(mesh), mesh,
        Revocations.dataplane(manager, mesh), memoryStore);
    var claims = verifier.verify(token);
    return new DataplaneIdentity(TokenClaims.string(claims, "Name"), TokenClaims.string(claims, "Mesh"),
        TokenClaims.tags(claims), TokenClaims.string(claims, "Type"), TokenClaims.string(claims, "Workload"));
  }

  /**
   * Authenticates a Dataplane with a token, for Dataplanes whose identity does not derive from their
   * {@code kuma.io/workload} label.
   *
   * @see #authenticate(String, Resource, BooleanSupplier)
   */
  public DataplaneIdentity authenticate(String token, Resource dataplane) {
    return authenticate(token, dataplane, () -> false);
  }

  /**
   * Kuma's {@code authDataplane}: validates {@code token} for the Dataplane's mesh and checks each
   * claim it sets against the Dataplane.
   *
   * @param identityDerivesFromWorkloadLabel whether a MeshIdentity derives this Dataplane's identity
   *     from its {@code kuma.io/workload} label; asked only when the token is not bound to a workload
   *     and the Dataplane has that label (then a workload-bound token is required)
   * @return what the token binds
   * @throws InvalidTokenException with the reason the Dataplane may not use the token
   */
  public DataplaneIdentity authenticate(String token, Resource dataplane,
      BooleanSupplier identityDerivesFromWorkloadLabel) {
    String mesh = dataplane.meta().mesh();
    DataplaneIdentity id = validate(token, mesh);
    String name = dataplane.meta().name();
    if (!id.name().isEmpty() && !name.equals(id.name())) {
      throw new InvalidTokenException("proxy name from requestor: " + name + " is different than in token: "
          + id.name());
    }
    if (!id.mesh().isEmpty() && !mesh.equals(id.mesh())) {
      throw new InvalidTokenException("proxy mesh from requestor: " + mesh + " is different than in token: "
          + id.mesh());
    }
    checkTags(id.tags(), tagSet(dataplane.spec(Dataplane.class)));
    checkWorkload(id.workload(), dataplane, identityDerivesFromWorkloadLabel);
    return id;
  }

  private static void checkTags(Map<String, List<String>> allowed, Map<String, Set<String>> dpTags) {
    for (Map.Entry<String, List<String>> tag : allowed.entrySet()) {
      Set<String> values = dpTags.get(tag.getKey());
      if (values == null) {
        throw new InvalidTokenException("dataplane has no tag \"" + tag.getKey() + "\" required by the token");
      }
      for (String value : values) {
        if (!tag.getValue().contains(value)) {
          throw new InvalidTokenException("dataplane contains tag \"" + tag.getKey() + "\" with value \"" + value
              + "\" which is not allowed with this token. Allowed values in token are "
              + goQuotedList(new TreeSet<>(tag.getValue())));
        }
      }
    }
  }

  private static void checkWorkload(String tokenWorkload, Resource dataplane, BooleanSupplier fromWorkload) {
    String dpWorkload = dataplane.meta().label(WORKLOAD_LABEL);
    if (tokenWorkload.isEmpty()) {
      if (dpWorkload != null && fromWorkload.getAsBoolean()) {
        throw new InvalidTokenException("dataplane with \"" + WORKLOAD_LABEL + "\" label \"" + dpWorkload
            + "\" derives its identity from the workload, so it requires a workload-bound token");
      }
      return;
    }
    if (dpWorkload == null) {
      throw new InvalidTokenException("dataplane has no workload label required by the token");
    }
    if (!dpWorkload.equals(tokenWorkload)) {
      throw new InvalidTokenException("dataplane workload \"" + dpWorkload
          + "\" is not allowed with this token. Allowed workload in token is \"" + tokenWorkload + "\"");
    }
  }

  /** Kuma's {@code Dataplane.TagSet}: the values of each tag over every inbound and the gateway. */
  static Map<String, Set<String>> tagSet(Dataplane dp) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (Map<String, String> tags : dp.tagSets()) {
      tags.forEach((k, v) -> out.computeIfAbsent(k, x -> new TreeSet<>()).add(v));
    }
    return out;
  }

  /** Go's {@code %q} of a string slice: {@code ["a" "b"]}. */
  static String goQuotedList(Iterable<String> values) {
    StringBuilder sb = new StringBuilder("[");
    for (String v : values) {
      if (sb.length() > 1) {
        sb.append(' ');
      }
      sb.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return sb.append(']').toString();
  }
}
