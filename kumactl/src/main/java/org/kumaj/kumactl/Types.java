package org.kumaj.kumactl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kumaj.model.ResourceType;
import org.kumaj.model.ResourceTypes;
import org.kumaj.model.SpecStyle;

/**
 * The resource types kumactl knows, taken from the descriptor registry ({@link ResourceTypes#all()}):
 * only the facts the CLI needs (names, scope, REST path, kumactl arguments). The build writes them
 * to {@code resource-types.tsv} next to this class ({@link TypeIndexGenerator}) so that a kumactl
 * run does not initialise the whole registry (every spec class and validator) just to build its
 * commands; without that file the registry is read directly. Immutable.
 */
final class Types {
  /**
   * One type as kumactl sees it.
   *
   * @param name Kuma's type name
   * @param meshScoped whether resources live in a mesh
   * @param newStyle whether the spec is nested under {@code spec:} (new-style types)
   * @param wsPath the REST collection segment
   * @param kumactlArg the singular kumactl argument, or empty
   * @param kumactlListArg the plural kumactl argument, or empty
   * @param kumactlAlias the alternative singular argument, or empty
   * @param kumactlListAlias the alternative plural argument, or empty
   * @param readOnly whether users may not write it
   * @param inspectable whether {@code kumactl inspect <type> NAME} exists
   * @param adminOnly whether only admins may read or write it (Kuma's {@code AdminOnly}: secrets)
   */
  record Type(String name, boolean meshScoped, boolean newStyle, String wsPath, String kumactlArg,
      String kumactlListArg, String kumactlAlias, String kumactlListAlias, boolean readOnly, boolean inspectable,
      boolean adminOnly) {

    /** The list path: {@code /meshes/<mesh>/<ws>} for mesh-scoped types, {@code /<ws>} otherwise. */
    String collectionPath(String mesh) {
      return meshScoped && !mesh.isEmpty() ? "/meshes/" + segment(mesh) + "/" + wsPath : "/" + wsPath;
    }

    String itemPath(String mesh, String name) {
      return collectionPath(mesh) + "/" + segment(name);
    }
  }

  private Types() {}

  /** The index file the build generates. */
  static final String INDEX = "resource-types.tsv";

  /** The types from the generated index, or from the registry when there is none. */
  static List<Type> all() {
    try (InputStream in = Types.class.getResourceAsStream(INDEX)) {
      return in == null ? fromRegistry() : parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The index text: one tab-separated line per type. */
  static String index(List<Type> types) {
    StringBuilder out = new StringBuilder();
    for (Type t : types) {
      out.append(String.join("\t", t.name(), Boolean.toString(t.meshScoped()), Boolean.toString(t.newStyle()),
          t.wsPath(), t.kumactlArg(), t.kumactlListArg(), t.kumactlAlias(), t.kumactlListAlias(),
          Boolean.toString(t.readOnly()), Boolean.toString(t.inspectable()), Boolean.toString(t.adminOnly())))
          .append('\n');
    }
    return out.toString();
  }

  private static List<Type> parse(InputStream in) throws IOException {
    List<Type> types = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      types.add(new Type(f[0], Boolean.parseBoolean(f[1]), Boolean.parseBoolean(f[2]), f[3], f[4], f[5], f[6], f[7],
          Boolean.parseBoolean(f[8]), Boolean.parseBoolean(f[9]), f.length > 10 && Boolean.parseBoolean(f[10])));
    }
    return types;
  }

  /** Every registry type that has a REST path, in registration order. */
  static List<Type> fromRegistry() {
    return ResourceTypes.all().stream().filter(t -> t.wsPath().isPresent()).map(Types::of).toList();
  }

  static Type of(ResourceType t) {
    return new Type(t.name(), t.isMeshScoped(), t.style() == SpecStyle.NESTED, t.wsPath().orElse(""),
        t.kumactlArg().orElse(""), t.kumactlListArg().orElse(""), t.kumactlAlias().orElse(""),
        t.kumactlListAlias().orElse(""), t.readOnly(), t.allowToInspect(), t.adminOnly());
  }

  static Optional<Type> byName(List<Type> types, String name) {
    return types.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** Percent-encodes one path segment. */
  static String segment(String s) {
    try {
      return new URI(null, null, "/" + s, null).getRawPath().substring(1).replace("/", "%2F");
    } catch (URISyntaxException e) {
      return s;
    }
  }
}
