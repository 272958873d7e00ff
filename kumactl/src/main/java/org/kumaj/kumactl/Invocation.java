package org.kumaj.kumactl;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kumaj.model.BuildInfo;

/**
 * One parsed kumactl run: the command, its positional arguments, typed flag values, the loaded
 * configuration and, on first use, the API client of the current context (Kuma's
 * {@code RootContext}). Not thread-safe.
 */
final class Invocation {
  final Cmd cmd;
  final List<String> args;
  final Env env;
  private final Map<String, Object> values;
  private final Set<String> changed;
  KumactlConfig config = KumactlConfig.defaults();
  Path configFile;
  private ApiClient api;

  Invocation(Cmd cmd, List<String> args, Env env, Map<String, Object> values, Set<String> changed) {
    this.cmd = cmd;
    this.args = args;
    this.env = env;
    this.values = values;
    this.changed = changed;
  }

  PrintStream out() {
    return env.stdout();
  }

  PrintStream err() {
    return env.stderr();
  }

  Clock clock() {
    return env.clock();
  }

  String string(String flag) {
    Object v = values.get(flag);
    return v == null ? "" : (String) v;
  }

  boolean bool(String flag) {
    return Boolean.TRUE.equals(values.get(flag));
  }

  int integer(String flag) {
    Object v = values.get(flag);
    return v == null ? 0 : (Integer) v;
  }

  Duration duration(String flag) {
    Object v = values.get(flag);
    return v == null ? Duration.ZERO : (Duration) v;
  }

  @SuppressWarnings("unchecked")
  Map<String, String> map(String flag) {
    Object v = values.get(flag);
    return v == null ? Map.of() : (Map<String, String>) v;
  }

  @SuppressWarnings("unchecked")
  List<String> list(String flag) {
    Object v = values.get(flag);
    return v == null ? List.of() : (List<String>) v;
  }

  /** Whether the flag was given on the command line. */
  boolean changed(String flag) {
    return changed.contains(flag);
  }

  /** Kuma's {@code CurrentMesh}: {@code -m/--mesh}, else {@code default}. */
  String mesh() {
    String mesh = string("mesh");
    return mesh.isEmpty() ? "default" : mesh;
  }

  void saveConfig() throws KumactlException {
    ConfigStore.save(configFile, config);
  }

  /** Kuma's {@code CurrentContext}. */
  KumactlConfig.Context currentContext() throws KumactlException {
    if (config.currentContext.isEmpty()) {
      throw new KumactlException("active Control Plane is not set. Use `kumactl config control-planes add` to add a"
          + " Control Plane and make it active");
    }
    KumactlConfig.Context ctx = config.current();
    if (ctx == null) {
      throw broken();
    }
    return ctx;
  }

  /** Kuma's {@code CurrentControlPlane} ({@code --context} names the control plane to use). */
  KumactlConfig.ControlPlane currentControlPlane() throws KumactlException {
    KumactlConfig.Context ctx = currentContext();
    String name = string("context").isEmpty() ? ctx.controlPlane : string("context");
    KumactlConfig.ControlPlane cp = config.controlPlane(name);
    if (cp == null) {
      throw broken();
    }
    return cp;
  }

  private static KumactlException broken() {
    return new KumactlException("apparently, configuration is broken. Use `kumactl config control-planes add` to add"
        + " a Control Plane and make it active");
  }

  /** The API client of the current control plane, created on first use. */
  ApiClient api() throws KumactlException {
    if (api == null) {
      KumactlConfig.Context ctx = currentContext();
      KumactlConfig.ControlPlane cp = currentControlPlane();
      api = ApiClient.create(cp, ctx.name, duration("api-timeout"));
      if (string("log-level").equals("debug")) {
        api.debugLog = err();
      }
    }
    return api;
  }

  /** {@code GET /} of the current control plane (Kuma's {@code FetchServerVersion}). */
  JsonNode serverIndex() throws KumactlException {
    ApiClient.Response r = api().get("/");
    if (r.status() != 200) {
      throw r.unexpected();
    }
    return r.json();
  }

  /**
   * Kuma's {@code CheckCompatibility}: warns on stderr when the server's product or version
   * differs from ours (preview versions excepted) or when the version cannot be read. When the
   * control plane cannot be reached at all nothing is printed here: the command's own error names
   * the address and context.
   *
   * @return the server's index, or null
   */
  JsonNode checkCompatibility() {
    String warning = "WARNING: Failed to retrieve server version, can't check compatibility: ";
    try {
      api();
    } catch (KumactlException e) {
      err().println(warning + e.getMessage());
      return null;
    }
    JsonNode index;
    try {
      index = serverIndex();
    } catch (ApiClient.Unreachable unreachable) {
      return null;
    } catch (KumactlException e) {
      err().println(warning + "Unable to retrieve server version: " + e.getMessage());
      return null;
    }
    String version = index.path("version").asText("");
    String product = index.path("product").asText("");
    if (version.contains("preview")) {
      return index;
    }
    BuildInfo build = BuildInfo.current();
    if (!version.equals(build.version()) || !product.equals(build.product())) {
      // Kuma prints the server's product where it says "version" and vice versa; kept as is.
      err().println("WARNING: You are using kumactl version " + build.version() + " for " + build.product()
          + ", but the server returned version: " + product + " for " + version);
    }
    return index;
  }
}
