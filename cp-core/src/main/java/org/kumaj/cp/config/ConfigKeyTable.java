package org.kumaj.cp.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.kumaj.model.codec.Json;

/**
 * Every configuration key the control plane knows: its YAML path, its {@code KUMA_*} environment
 * variable and its default. Loaded from {@code config-keys.tsv} (generated from Kuma's defaults by
 * {@code tools/gen-config-table.py}) and then {@code config-keys-kumaj.tsv} (keys we add, or whose
 * default we change). Immutable after construction; thread-safe.
 */
final class ConfigKeyTable {
  private static final String[] RESOURCES = {"config-keys.tsv", "config-keys-kumaj.tsv"};
  private static final ConfigKeyTable INSTANCE = load();

  /** One key. {@code env} is empty when Kuma has no environment variable for it. */
  record Key(String path, String env, JsonNode defaultValue) {}

  private final Map<String, Key> byPath;

  private ConfigKeyTable(Map<String, Key> byPath) {
    this.byPath = byPath;
  }

  static ConfigKeyTable instance() {
    return INSTANCE;
  }

  Collection<Key> keys() {
    return byPath.values();
  }

  Optional<Key> key(String path) {
    return Optional.ofNullable(byPath.get(path));
  }

  /** Returns the key whose value is a whole map that contains {@code path}, if any. */
  Optional<Key> enclosingMapKey(String path) {
    int dot = path.lastIndexOf('.');
    while (dot > 0) {
      Key k = byPath.get(path.substring(0, dot));
      if (k != null) {
        return k.defaultValue().isObject() ? Optional.of(k) : Optional.empty();
      }
      dot = path.lastIndexOf('.', dot - 1);
    }
    return Optional.empty();
  }

  /** Whether some key lives below {@code path} (so {@code path} is a section). */
  boolean isSection(String path) {
    String prefix = path + ".";
    return byPath.keySet().stream().anyMatch(p -> p.startsWith(prefix));
  }

  private static ConfigKeyTable load() {
    Map<String, Key> keys = new LinkedHashMap<>();
    for (String resource : RESOURCES) {
      try (InputStream in = ConfigKeyTable.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + resource);
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          String[] cols = line.split("\t", 3);
          keys.put(cols[0], new Key(cols[0], cols[1], Json.mapper().readTree(cols[2])));
        }
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("bad default in " + resource + ": " + e.getOriginalMessage(), e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new ConfigKeyTable(java.util.Collections.unmodifiableMap(keys));
  }
}
