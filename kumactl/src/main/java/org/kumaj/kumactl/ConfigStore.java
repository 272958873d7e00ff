package org.kumaj.kumactl;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Reads and writes kumactl's configuration file the way Kuma's {@code pkg/config/io.go} does:
 * YAML on disk, the directory created {@code 0755} and the file {@code 0600} when missing, Kuma's
 * error messages. Stateless.
 */
final class ConfigStore {
  private ConfigStore() {}

  static Path defaultFile(Env env) {
    return env.home().resolve(".kumactl").resolve("config");
  }

  /** The file a run uses: {@code --config-file} when given, else {@code ~/.kumactl/config}. */
  static Path file(Env env, String configFileFlag) {
    return configFileFlag == null || configFileFlag.isEmpty() ? defaultFile(env) : Path.of(configFileFlag);
  }

  static KumactlConfig load(Path file, boolean explicit) throws KumactlException {
    if (!Files.isRegularFile(file)) {
      if (explicit) {
        throw new KumactlException("Failed to access configuration file \"" + file + "\"");
      }
      return new KumactlConfig();
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new KumactlException("Failed to read configuration from file \"" + file + "\": " + e.getMessage(), e);
    }
    try {
      JsonNode tree = text.isBlank() ? null : Trees.yaml(text);
      return KumactlConfig.fromJson(tree);
    } catch (IOException | IllegalArgumentException e) {
      throw new KumactlException("Failed to parse configuration from file \"" + file + "\": "
          + Trees.yamlProblem(e), e);
    }
  }

  static void save(Path file, KumactlConfig cfg) throws KumactlException {
    String yaml = GoYaml.write(cfg.toJson());
    Path dir = file.toAbsolutePath().getParent();
    try {
      if (dir != null && !Files.exists(dir)) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
      }
    } catch (IOException | UnsupportedOperationException e) {
      throw new KumactlException("Failed to create a directory \"" + dir + "\": " + e.getMessage(), e);
    }
    try {
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (FileAlreadyExistsException exists) {
        // Go's WriteFile keeps the mode of an existing file
      } catch (UnsupportedOperationException noPosix) {
        Files.createFile(file);
      }
      Files.writeString(file, yaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new KumactlException("Failed to write configuration into file \"" + file + "\": " + e.getMessage(), e);
    }
  }
}
