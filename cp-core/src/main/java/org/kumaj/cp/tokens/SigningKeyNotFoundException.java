package org.kumaj.cp.tokens;

/**
 * No signing key with the wanted key id exists (Kuma's {@code SigningKeyNotFound}); the API answers
 * 404 "Signing Key not found". The message is Kuma's.
 */
public final class SigningKeyNotFoundException extends RuntimeException {
  SigningKeyNotFoundException(String kid, String prefix, String mesh) {
    super(message(kid, prefix, mesh));
  }

  private static String message(String kid, String prefix, String mesh) {
    if (prefix == null) {
      return "there is no signing key with KID " + kid;
    }
    String name = prefix + "-" + kid;
    if (mesh == null || mesh.isEmpty()) {
      return "there is no signing key with KID " + kid + ". GlobalSecret of name \"" + name
          + "\" is not found. If signing key was rotated, regenerate the token";
    }
    return "there is no signing key with KID " + kid + ". Secret of name \"" + name + "\" in mesh \"" + mesh
        + "\" is not found. If signing key was rotated, regenerate the token";
  }
}
