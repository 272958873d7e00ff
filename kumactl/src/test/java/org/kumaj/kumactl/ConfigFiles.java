package org.kumaj.kumactl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes kumactl configuration files for tests. */
final class ConfigFiles {
  private ConfigFiles() {}

  /** A configuration whose current context {@code test} points at {@code url}. */
  static Path pointingAt(Path dir, String url) {
    try {
      Files.createDirectories(dir);
      Path file = Files.createTempFile(dir, "kumactl-", ".config");
      Files.writeString(file, "contexts:\n- controlPlane: test\n  name: test\ncontrolPlanes:\n- coordinates:\n"
          + "    apiServer:\n      url: " + url + "\n  name: test\ncurrentContext: test\n");
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
