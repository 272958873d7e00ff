package org.kumaj.cp.ca;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.system.DataSource;
import org.kumaj.model.system.Secret;

/**
 * Kuma's dynamic data source loader ({@code pkg/core/datasource}): a Secret of the mesh, a file on
 * the control plane, inline base64 bytes or an inline string. Stateless.
 */
final class DataSources {
  private DataSources() {}

  /**
   * The bytes {@code source} names, decoded as UTF-8 (PEM is ASCII).
   *
   * @throws CaException {@code could not load data: <reason>} when the source is empty, the Secret
   *     or file is missing, or the base64 is broken
   */
  static String load(ResourceManager manager, String mesh, DataSource source) {
    if (source == null || (source.secret() == null && source.file() == null
        && source.inline() == null && source.inlineString() == null)) {
      throw new CaException("unsupported type of the DataSource");
    }
    try {
      byte[] data;
      if (source.secret() != null) {
        data = secret(manager, mesh, source.secret());
      } else if (source.file() != null) {
        data = Files.readAllBytes(Path.of(source.file()));
      } else if (source.inline() != null) {
        data = Base64.getDecoder().decode(source.inline());
      } else {
        data = source.inlineString().getBytes(StandardCharsets.UTF_8);
      }
      return new String(data, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CaException("could not load data: open " + source.file() + ": " + reason(e), e);
    } catch (IllegalArgumentException | CaException e) {
      throw new CaException("could not load data: " + e.getMessage(), e);
    }
  }

  /**
   * The decoded data of Secret {@code name} in {@code mesh}.
   *
   * @throws CaException Kuma's {@code Resource not found} when there is none
   * @throws IllegalArgumentException when its data is not base64
   */
  static byte[] secret(ResourceManager manager, String mesh, String name) {
    Resource secret = manager.get(new ResourceKey(Secret.TYPE, mesh, name))
        .orElseThrow(() -> new CaException(notFound(mesh, name)));
    String data = secret.spec(Secret.class).data();
    return Base64.getDecoder().decode(data == null ? "" : data);
  }

  /** Kuma's store error for a missing Secret. */
  static String notFound(String mesh, String name) {
    return "Resource not found: type=\"Secret\" name=\"" + name + "\" mesh=\"" + mesh + "\"";
  }

  private static String reason(IOException e) {
    return e instanceof java.nio.file.NoSuchFileException ? "no such file or directory" : String.valueOf(e.getMessage());
  }
}
