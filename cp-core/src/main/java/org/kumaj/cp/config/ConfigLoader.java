package org.kumaj.cp.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;
import org.kumaj.model.GoDuration;
import org.kumaj.model.codec.Json;

/**
 * Builds the effective configuration the way {@code kuma-cp} does: built-in defaults, then the
 * {@code -c} file, then {@code KUMA_*} environment variables (the environment wins). Unknown keys in
 * the file are reported as warnings; a value of the wrong type, or outside a key's allowed values,
 * is a {@link ConfigException} naming the key. Stateless.
 */
public final class ConfigLoader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final ConfigKeyTable table = ConfigKeyTable.instance();

  /**
   * Loads the configuration.
   *
   * @param file the {@code -c} file, or {@code null}
   * @param env the process environment (only {@code KUMA_*} entries matter)
   * @param baseDefaults values that replace built-in defaults before the file is applied (the
   *     executable's role sets {@code mode} this way)
   * @param warnings receives one line per unknown key in the file
   * @throws ConfigException if the file cannot be read or a value is invalid
   */
  public KumaConfig load(Path file, Map<String, String> env, Map<String, JsonNode> baseDefaults,
      Consumer<String> warnings) {
    ObjectNode tree = NODES.objectNode();
    for (ConfigKeyTable.Key key : table.keys()) {
      put(tree, key.path(), key.defaultValue().deepCopy());
    }
    baseDefaults.forEach((path, value) -> put(tree, path, value.deepCopy()));
    if (file != null) {
      JsonNode fromFile = readFile(file);
      if (fromFile != null && !fromFile.isNull()) {
        if (!fromFile.isObject()) {
          throw new ConfigException("configuration file " + file + " must contain a YAML mapping");
        }
        mergeFile((ObjectNode) fromFile, "", tree, warnings);
      }
    }
    for (ConfigKeyTable.Key key : table.keys()) {
      if (key.env().isEmpty()) {
        continue;
      }
      String value = env.get(key.env());
      if (value != null) {
        put(tree, key.path(), fromEnv(key, value));
      }
    }
    KumaConfig config = new KumaConfig(tree);
    ConfigRules.check(config);
    return config;
  }

  private static JsonNode readFile(Path file) {
    try {
      String text = Files.readString(file);
      return text.isBlank() ? null : Json.yaml().readTree(text);
    } catch (JsonProcessingException e) {
      throw new ConfigException("could not parse configuration file " + file + ": "
          + e.getOriginalMessage().replace('\n', ' '));
    } catch (IOException e) {
      throw new ConfigException("could not read configuration file " + file + ": " + e.getMessage());
    }
  }

  private void mergeFile(ObjectNode source, String prefix, ObjectNode tree, Consumer<String> warnings) {
    Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      JsonNode value = field.getValue();
      var key = table.key(path);
      if (key.isPresent()) {
        put(tree, path, fromFile(key.get(), value));
      } else if (table.isSection(path)) {
        if (value.isObject()) {
          mergeFile((ObjectNode) value, path, tree, warnings);
        } else if (!value.isNull()) {
          throw new ConfigException(path + ": expected a mapping of settings, got " + describe(value));
        }
      } else {
        warnings.accept("unknown configuration key \"" + path + "\" in the configuration file is ignored");
      }
    }
  }

  private static JsonNode fromFile(ConfigKeyTable.Key key, JsonNode value) {
    JsonNode def = key.defaultValue();
    if (value.isNull()) {
      return def.isTextual() || def.isNull() ? NODES.nullNode() : def.deepCopy();
    }
    if (def.isIntegralNumber()) {
      if (!value.isIntegralNumber()) {
        throw invalid(key, value.isValueNode() ? value.asText() : describe(value), "an integer");
      }
      return value;
    }
    if (def.isBoolean()) {
      if (!value.isBoolean()) {
        throw invalid(key, value.isValueNode() ? value.asText() : describe(value), "true or false");
      }
      return value;
    }
    if (def.isArray()) {
      if (!value.isArray()) {
        throw invalid(key, describe(value), "a list");
      }
      return value;
    }
    if (def.isObject()) {
      if (!value.isObject()) {
        throw invalid(key, describe(value), "a mapping");
      }
      return value;
    }
    if (!value.isValueNode()) {
      throw invalid(key, describe(value), "a single value");
    }
    return checkDuration(key, NODES.textNode(value.asText()));
  }

  private static JsonNode fromEnv(ConfigKeyTable.Key key, String raw) {
    JsonNode def = key.defaultValue();
    String value = raw.trim();
    if (def.isIntegralNumber()) {
      try {
        return NODES.numberNode(Long.parseLong(value));
      } catch (NumberFormatException e) {
        throw invalid(key, raw, "an integer");
      }
    }
    if (def.isBoolean()) {
      if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
        throw invalid(key, raw, "true or false");
      }
      return NODES.booleanNode(Boolean.parseBoolean(value));
    }
    if (def.isArray()) {
      ArrayNode list = NODES.arrayNode();
      if (!value.isEmpty()) {
        for (String item : value.split(",")) {
          list.add(item.trim());
        }
      }
      return list;
    }
    if (def.isObject()) {
      ObjectNode map = NODES.objectNode();
      if (!value.isEmpty()) {
        for (String pair : value.split(",")) {
          int colon = pair.indexOf(':');
          if (colon <= 0) {
            throw invalid(key, raw, "key:value pairs separated by commas");
          }
          map.put(pair.substring(0, colon).trim(), pair.substring(colon + 1).trim());
        }
      }
      return map;
    }
    return checkDuration(key, NODES.textNode(raw));
  }

  /** A key whose default is a duration only takes durations. */
  private static JsonNode checkDuration(ConfigKeyTable.Key key, JsonNode value) {
    if (isDuration(key.defaultValue()) && !value.asText().isEmpty()) {
      try {
        GoDuration.parse(value.asText());
      } catch (IllegalArgumentException e) {
        throw invalid(key, value.asText(), "a duration such as 10s, 1m30s or 2h");
      }
    }
    return value;
  }

  private static boolean isDuration(JsonNode def) {
    if (!def.isTextual() || !def.asText().matches("[0-9.]+(ns|us|ms|s|m|h)([0-9.]+(ns|us|ms|s|m|h))*")) {
      return false;
    }
    try {
      GoDuration.parse(def.asText());
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static ConfigException invalid(ConfigKeyTable.Key key, String value, String expected) {
    return new ConfigException("invalid value \"" + value + "\" for " + KumaConfig.describeKey(key)
        + ": expected " + expected);
  }

  private static String describe(JsonNode value) {
    if (value.isObject()) {
      return "a mapping";
    }
    if (value.isArray()) {
      return "a list";
    }
    return value.asText();
  }

  static void put(ObjectNode tree, String path, JsonNode value) {
    String[] parts = path.split("\\.");
    ObjectNode node = tree;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = node.get(parts[i]);
      if (!(child instanceof ObjectNode)) {
        child = node.putObject(parts[i]);
      }
      node = (ObjectNode) child;
    }
    node.set(parts[parts.length - 1], value);
  }
}
