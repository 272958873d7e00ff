package org.kumaj.cp.tokens;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.cp.store.ResourceAlreadyExistsException;
import org.kumaj.cp.store.ResourceQuery;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.ResourceType;
import org.kumaj.model.system.GlobalSecret;
import org.kumaj.model.system.Secret;
import org.kumaj.pki.KeyType;
import org.kumaj.pki.Pem;

/**
 * Token signing keys kept as Kuma keeps them: an RSA 2048 private key in PEM (PKCS#1), base64 in the
 * {@code data} of a GlobalSecret {@code <prefix>-<kid>} (zone and user tokens) or of a Secret
 * {@code <prefix>-<kid>} in the mesh (dataplane tokens, prefix
 * {@code dataplane-token-signing-key-<mesh>}). The newest key (highest numeric kid) signs.
 * Thread-safe.
 */
public final class SigningKeys {
  /** Prefix of the GlobalSecret signing user tokens. */
  public static final String USER_TOKEN_PREFIX = "user-token-signing-key";
  /** Prefix of the GlobalSecret signing zone tokens. */
  public static final String ZONE_TOKEN_PREFIX = "zone-token-signing-key";
  /** Kuma's first key id. */
  public static final String DEFAULT_KID = "1";
  /** The key id of a key stored without serial. */
  static final String LEGACY_KID = "0";

  private final ResourceManager manager;

  public SigningKeys(ResourceManager manager) {
    this.manager = manager;
  }

  /** The prefix of a mesh's dataplane token signing keys. */
  public static String dataplanePrefix(String mesh) {
    return "dataplane-token-signing-key-" + mesh;
  }

  /**
   * Creates key {@value #DEFAULT_KID} of {@code prefix} unless a key with that prefix exists.
   *
   * @param mesh the mesh for Secrets, or null for GlobalSecrets
   */
  public void ensure(String prefix, String mesh) {
    if (latest(prefix, mesh).isPresent()) {
      return;
    }
    KeyPair pair = KeyType.RSA.generate();
    String data = Base64.getEncoder().encodeToString(Pem.encode(pair.getPrivate()).getBytes(StandardCharsets.UTF_8));
    ResourceType type = mesh == null ? GlobalSecret.TYPE : Secret.TYPE;
    Object spec = mesh == null ? new GlobalSecret(data) : new Secret(data);
    try {
      manager.create(new Resource(type, ResourceMeta.of(mesh, prefix + "-" + DEFAULT_KID, null),
          (org.kumaj.model.ResourceSpec) spec));
    } catch (ResourceAlreadyExistsException raced) {
      // another instance created it first
    }
  }

  /** The newest signing key of {@code prefix}: its kid and private key. */
  public Optional<SigningKey> latest(String prefix, String mesh) {
    ResourceType type = mesh == null ? GlobalSecret.TYPE : Secret.TYPE;
    return manager.list(new ResourceQuery(type, mesh, prefix + "-", java.util.Map.of(), 0, null)).items().stream()
        .filter(r -> kidOf(r.meta().name(), prefix) != null)
        .max(Comparator.comparingLong(r -> Long.parseLong(kidOf(r.meta().name(), prefix))))
        .map(r -> toKey(r, prefix));
  }

  /**
   * The signing key {@code kid} of {@code prefix}, if it exists. Kid {@value #LEGACY_KID} names the
   * key without a serial ({@code <prefix>}), as Kuma 1.3 stored it.
   *
   * @throws IllegalArgumentException if the Secret does not hold a PEM private key
   */
  public Optional<SigningKey> byKid(String prefix, String mesh, String kid) {
    ResourceType type = mesh == null ? GlobalSecret.TYPE : Secret.TYPE;
    String name = kid.equals(LEGACY_KID) ? prefix : prefix + "-" + kid;
    return manager.get(new ResourceKey(type, mesh == null ? "" : mesh, name))
        .map(r -> new SigningKey(kid, privateKey(r)));
  }

  private static String kidOf(String name, String prefix) {
    if (!name.startsWith(prefix + "-")) {
      return null;
    }
    String kid = name.substring(prefix.length() + 1);
    return kid.matches("\\d{1,18}") ? kid : null;
  }

  private static SigningKey toKey(Resource secret, String prefix) {
    return new SigningKey(kidOf(secret.meta().name(), prefix), privateKey(secret));
  }

  private static RSAPrivateCrtKey privateKey(Resource secret) {
    String data = secret.spec() instanceof GlobalSecret g ? g.data() : secret.spec(Secret.class).data();
    String pem = new String(Base64.getDecoder().decode(data == null ? "" : data), StandardCharsets.UTF_8);
    if (!(Pem.privateKey(pem) instanceof RSAPrivateCrtKey key)) {
      throw new IllegalArgumentException("signing key " + secret.meta().name() + " is not an RSA key");
    }
    return key;
  }

  /**
   * One signing key.
   *
   * @param kid the key id carried in the {@code kid} header of tokens it signs
   * @param key the RSA private key (its public half verifies)
   */
  public record SigningKey(String kid, RSAPrivateCrtKey key) {}
}
