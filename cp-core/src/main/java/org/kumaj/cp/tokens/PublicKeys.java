package org.kumaj.cp.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.system.GlobalSecret;

/**
 * Where token verification keys come from: the static {@code validator.publicKeys} of the
 * configuration ({@code [{kid, key | keyFile, mesh}]}, PEM public keys), the signing-key Secrets
 * (whose private key's public half verifies), and GlobalSecrets holding only a public key (zone
 * tokens on a federated zone). Stateless.
 */
final class PublicKeys {
  private PublicKeys() {}

  /**
   * The static keys of a {@code validator.publicKeys} list that apply to {@code mesh}: keys of that
   * mesh and keys without a mesh ({@code mesh} null: keys without a mesh only).
   *
   * @throws IllegalArgumentException when an entry has no readable PEM public key
   */
  static Function<String, RSAPublicKey> fromConfig(JsonNode list, String mesh) {
    Map<String, RSAPublicKey> byKid = new HashMap<>();
    if (list != null && list.isArray()) {
      for (JsonNode entry : list) {
        String keyMesh = entry.path("mesh").asText("");
        if (!keyMesh.isEmpty() && !keyMesh.equals(mesh)) {
          continue;
        }
        String pem = entry.path("key").asText("");
        String file = entry.path("keyFile").asText("");
        if (pem.isEmpty() && !file.isEmpty()) {
          try {
            pem = Files.readString(Path.of(file));
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read public key file " + file, e);
          }
        }
        byKid.putIfAbsent(entry.path("kid").asText(""), parse(pem));
      }
    }
    return byKid::get;
  }

  /** The public halves of the signing keys {@code <prefix>-<kid>} (a Secret in {@code mesh}, or a GlobalSecret). */
  static Function<String, RSAPublicKey> fromSigningKeys(SigningKeys keys, String prefix, String mesh) {
    return kid -> {
      try {
        return keys.byKid(prefix, mesh, kid).map(k -> JwtTokens.publicKey(k.key())).orElse(null);
      } catch (IllegalArgumentException | ClassCastException broken) {
        throw new InvalidTokenException("signing key " + prefix + "-" + kid + " is not an RSA private key");
      }
    };
  }

  /** Public keys stored in GlobalSecrets {@code <prefix>-<kid>}. */
  static Function<String, RSAPublicKey> fromPublicKeySecrets(ResourceManager manager, String prefix) {
    return kid -> manager.get(ResourceKey.global(GlobalSecret.TYPE, prefix + "-" + kid))
        .map(r -> parse(new String(Base64.getDecoder().decode(r.spec(GlobalSecret.class).data()),
            StandardCharsets.UTF_8)))
        .orElse(null);
  }

  /**
   * Reads an RSA public key from PEM ({@code PUBLIC KEY} or {@code RSA PUBLIC KEY}).
   *
   * @throws IllegalArgumentException when there is none
   */
  static RSAPublicKey parse(String pem) {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object obj = parser.readObject();
      if (obj instanceof SubjectPublicKeyInfo info) {
        PublicKey key = new JcaPEMKeyConverter().getPublicKey(info);
        if (key instanceof RSAPublicKey rsa) {
          return rsa;
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("invalid PEM public key: " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("no RSA public key found in PEM data");
  }
}
