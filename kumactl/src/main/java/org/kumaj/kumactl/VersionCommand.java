package org.kumaj.kumactl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.kumaj.model.BuildInfo;

/**
 * {@code kumactl version [-a/--detailed]}: the client's version, then the server's
 * ({@code GET /}); warns on stderr when they differ. An unreachable server is reported on stderr
 * without failing, as in Kuma, so the client version can be read offline.
 */
final class VersionCommand {
  /** The one-line description shown in {@code kumactl --help}. */
  static final String SHORT = "Print version";
  /** Kuma's {@code IndexResponse} field order. */
  private static final List<String> INDEX_FIELDS =
      List.of("clusterId", "gui", "hostname", "instanceId", "product", "tagline", "version");

  private VersionCommand() {}

  static Cmd build() {
    return new Cmd("version").help(SHORT, "Print version.")
        .persistentFlag(new Flag("detailed", 'a', Flag.Kind.BOOL, "false", "Print detailed version", null, false))
        .action(VersionCommand::run);
  }

  private static void run(Invocation inv) {
    BuildInfo build = BuildInfo.current();
    boolean detailed = inv.bool("detailed");
    if (detailed) {
      inv.out().println(build.detailed());
    } else {
      inv.out().println("Client: " + build.product() + " " + build.version());
    }
    JsonNode index;
    try {
      index = inv.serverIndex();
    } catch (KumactlException e) {
      inv.err().println("Unable to connect to control plane: Unable to retrieve server version: " + message(e));
      return;
    }
    String product = index.path("product").asText("");
    String version = index.path("version").asText("");
    if (detailed) {
      ObjectNode ordered = JsonNodeFactory.instance.objectNode();
      if (index.hasNonNull("basedOnKuma")) {
        ordered.set("basedOnKuma", index.get("basedOnKuma"));
      }
      for (String field : INDEX_FIELDS) {
        ordered.set(field, index.hasNonNull(field) ? index.get(field) : JsonNodeFactory.instance.textNode(""));
      }
      inv.out().println("Server: " + GoJson.indent(ordered, "   "));
    } else {
      inv.out().println("Server: " + product + " " + version);
    }
    if (!version.contains("preview") && (!version.equals(build.version()) || !product.equals(build.product()))) {
      inv.err().println("WARNING: You are using kumactl version " + build.version() + " for " + build.product()
          + ", but the server returned version: " + product + " for " + version);
    }
  }

  private static String message(KumactlException e) {
    return e instanceof ApiError api ? api.getMessage() : e.getMessage();
  }
}
