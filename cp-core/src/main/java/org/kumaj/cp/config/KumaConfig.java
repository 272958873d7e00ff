package org.kumaj.cp.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.kumaj.model.GoDuration;

/**
 * The effective control-plane configuration: Kuma's YAML tree with every key present. Values are
 * read by their Kuma path ({@code apiServer.http.port}). Immutable; thread-safe.
 */
public final class KumaConfig {
  /** What Kuma prints instead of a secret value. */
  public static final String MASK = "*****";
  private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(password|secret|token)$");

  private final ObjectNode tree;

  KumaConfig(ObjectNode tree) {
    this.tree = tree;
  }

  /** The configuration with only built-in defaults. */
  public static KumaConfig defaults() {
    return new ConfigLoader().load(null, Map.of(), Map.of(), w -> {});
  }

  /** Returns the raw value at {@code path}. */
  public JsonNode get(String path) {
    JsonNode node = tree;
    for (String part : path.split("\\.")) {
      node = node.path(part);
    }
    if (node.isMissingNode()) {
      throw new IllegalArgumentException("unknown configuration key " + path);
    }
    return node;
  }

  /** The text at {@code path}; an unset value is the empty string. */
  public String string(String path) {
    JsonNode n = get(path);
    return n.isNull() ? "" : n.asText();
  }

  public long number(String path) {
    return get(path).asLong();
  }

  public int integer(String path) {
    return Math.toIntExact(number(path));
  }

  public boolean bool(String path) {
    return get(path).asBoolean();
  }

  public Duration duration(String path) {
    return GoDuration.parse(string(path)).toDuration();
  }

  public List<String> strings(String path) {
    List<String> out = new ArrayList<>();
    get(path).forEach(n -> out.add(n.asText()));
    return out;
  }

  /** Kuma's {@code mode} after resolving the deprecated {@code standalone} alias to {@code zone}. */
  public String mode() {
    String mode = string("mode");
    return mode.equals("standalone") ? "zone" : mode;
  }

  /** Whether this is a zone control plane connected to a global one. */
  public boolean isFederatedZone() {
    return mode().equals("zone") && !string("multizone.zone.globalAddress").isEmpty();
  }

  public boolean isGlobal() {
    return mode().equals("global");
  }

  /** The store backend: {@code memory}, {@code h2} or {@code postgres}. */
  public String storeType() {
    return string("store.type");
  }

  /** {@code general.workDir}, defaulting to {@code $HOME/.kuma} as Kuma does. */
  public Path workDir() {
    String dir = string("general.workDir");
    return dir.isEmpty() ? Path.of(System.getProperty("user.home"), ".kuma") : Path.of(dir);
  }

  /**
   * The configuration as JSON, in Kuma's key order, with secret values replaced by
   * {@value #MASK}, ready for {@code GET /config}.
   */
  public ObjectNode toMaskedJson() {
    ObjectNode copy = tree.deepCopy();
    mask(copy);
    return copy;
  }

  private static void mask(ObjectNode node) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      if (f.getValue() instanceof ObjectNode child) {
        mask(child);
      } else if (f.getValue().isTextual() && !f.getValue().asText().isEmpty()
          && SECRET_KEY.matcher(f.getKey()).matches()) {
        f.setValue(node.textNode(MASK));
      }
    }
  }

  /** Renders a key for messages: {@code apiServer.http.port (KUMA_API_SERVER_HTTP_PORT)}. */
  static String describeKey(ConfigKeyTable.Key key) {
    return key.env().isEmpty() ? key.path() : key.path() + " (" + key.env() + ")";
  }

  /** Renders the key at {@code path} for messages, with its environment variable. */
  public static String describeKey(String path) {
    return ConfigKeyTable.instance().key(path).map(KumaConfig::describeKey).orElse(path);
  }
}
