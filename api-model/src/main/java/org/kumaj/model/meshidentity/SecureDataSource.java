package org.kumaj.model.meshidentity;

/**
 * A secure way to provide data such as a CA key; the block named by {@code type} must be set.
 *
 * @param type {@code File}, {@code Secret}, {@code EnvVar} or {@code InsecureInline}
 * @param file a file on the control plane's host
 * @param envVar an environment variable of the control plane
 * @param insecureInline the data itself (insecure)
 * @param secretRef a Secret of the mesh
 */
public record SecureDataSource(
    String type, File file, EnvVar envVar, Inline insecureInline, SecretRef secretRef) {
  public static final String FILE = "File";
  public static final String SECRET = "Secret";
  public static final String ENV_VAR = "EnvVar";
  public static final String INSECURE_INLINE = "InsecureInline";

  /**
   * A file of the control plane's host.
   *
   * @param path absolute path, without {@code ..}
   */
  public record File(String path) {}

  /**
   * An environment variable of the control plane.
   *
   * @param name the variable's name
   */
  public record EnvVar(String name) {}

  /**
   * Inline data.
   *
   * @param value the data
   */
  public record Inline(String value) {}

  /**
   * A reference to a Secret.
   *
   * @param kind only {@code Secret}
   * @param name the Secret's name
   */
  public record SecretRef(String kind, String name) {}
}
