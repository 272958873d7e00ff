package org.kumaj.cp.tokens;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.system.GlobalSecret;
import org.kumaj.model.system.Secret;

/**
 * Kuma's token revocation list: the {@code data} of one Secret (mesh-scoped tokens) or GlobalSecret
 * holds the revoked token ids separated by commas, an optional trailing newline allowed. It is read
 * on every check, so a revocation takes effect at once. Thread-safe.
 */
final class Revocations {
  /** GlobalSecret listing revoked user tokens. */
  static final String USER_TOKENS = "user-token-revocations";
  /** GlobalSecret listing revoked zone tokens. */
  static final String ZONE_TOKENS = "zone-token-revocations";

  private final ResourceManager manager;
  private final ResourceKey key;

  private Revocations(ResourceManager manager, ResourceKey key) {
    this.manager = manager;
    this.key = key;
  }

  /** Revocations kept in GlobalSecret {@code name}. */
  static Revocations global(ResourceManager manager, String name) {
    return new Revocations(manager, ResourceKey.global(GlobalSecret.TYPE, name));
  }

  /** Revocations of dataplane tokens of {@code mesh}: Secret {@code dataplane-token-revocations-<mesh>}. */
  static Revocations dataplane(ResourceManager manager, String mesh) {
    return new Revocations(manager, new ResourceKey(Secret.TYPE, mesh, "dataplane-token-revocations-" + mesh));
  }

  boolean isRevoked(String jti) {
    if (jti == null) {
      return false;
    }
    return manager.get(key).map(Revocations::data).map(data -> {
      String ids = data.endsWith("\n") ? data.substring(0, data.length() - 1) : data;
      return !ids.isEmpty() && List.of(ids.split(",", -1)).contains(jti);
    }).orElse(false);
  }

  private static String data(Resource secret) {
    String b64 = secret.spec() instanceof GlobalSecret g ? g.data() : secret.spec(Secret.class).data();
    if (b64 == null) {
      return "";
    }
    try {
      return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return "";
    }
  }
}
