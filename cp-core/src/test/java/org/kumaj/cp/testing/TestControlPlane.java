package org.kumaj.cp.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.kumaj.cp.config.ConfigLoader;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.defaults.StartupDefaults;
import org.kumaj.cp.launcher.ControlPlane;
import org.kumaj.cp.launcher.Role;
import org.kumaj.cp.listeners.ListenerStartException;
import org.kumaj.cp.store.ResourceStore;

/**
 * A control plane started in-process on free ports (memory store unless the environment says
 * otherwise), for tests that talk to it over real sockets; {@link #start} returns once it is ready
 * and its start-up defaults exist. Close it to stop it.
 */
public final class TestControlPlane implements AutoCloseable {
  private static final String[] PORT_VARS = {"KUMA_API_SERVER_HTTP_PORT", "KUMA_API_SERVER_HTTPS_PORT",
      "KUMA_DIAGNOSTICS_SERVER_PORT", "KUMA_DP_SERVER_PORT", "KUMA_MONITORING_ASSIGNMENT_SERVER_PORT",
      "KUMA_INTER_CP_SERVER_PORT", "KUMA_MULTIZONE_GLOBAL_KDS_GRPC_PORT", "KUMA_RUNTIME_KUBERNETES_ADMISSION_SERVER_PORT"};

  private static final int START_ATTEMPTS = 3;

  private final ControlPlane controlPlane;
  private final Map<String, String> env;

  private TestControlPlane(ControlPlane controlPlane, Map<String, String> env) {
    this.controlPlane = controlPlane;
    this.env = env;
  }

  /**
   * Starts a control plane of {@code role} with {@code extraEnv} on top of free ports. A free port
   * can be taken by another process between choosing and binding it; then the start is retried on
   * other ports, up to {@value #START_ATTEMPTS} times.
   */
  public static TestControlPlane start(Role role, Path workDir, Map<String, String> extraEnv) {
    for (int attempt = 1; ; attempt++) {
      Map<String, String> env = freePortEnvironment(workDir);
      env.putAll(extraEnv);
      KumaConfig config = new ConfigLoader().load(null, env, role.defaults(), w -> {});
      ControlPlane controlPlane;
      try {
        controlPlane = ControlPlane.start(config);
      } catch (ListenerStartException e) {
        if (attempt == START_ATTEMPTS) {
          throw e;
        }
        continue;
      }
      TestControlPlane cp = new TestControlPlane(controlPlane, env);
      cp.awaitStartupDefaults();
      return cp;
    }
  }

  /**
   * The {@code KUMA_*} environment of a control plane on the memory store in {@code workDir} with
   * every port set to a distinct free one.
   */
  public static Map<String, String> freePortEnvironment(Path workDir) {
    Map<String, String> env = new HashMap<>();
    Set<Integer> chosen = new HashSet<>();
    for (String var : PORT_VARS) {
      int port = freePort();
      while (!chosen.add(port)) {
        port = freePort();
      }
      env.put(var, Integer.toString(port));
    }
    env.put("KUMA_GENERAL_WORK_DIR", workDir.toString());
    env.put("KUMA_STORE_TYPE", "memory");
    return env;
  }

  /**
   * Waits for the start-up defaults (default mesh, signing keys), which the control plane creates
   * in the background after it is ready, so that tests can rely on them.
   */
  private void awaitStartupDefaults() {
    try {
      bean(StartupDefaults.class).done().get(2, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      close();
      throw new IllegalStateException("the start-up defaults were not created", e);
    }
  }

  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:<api port>}. */
  public String apiUrl() {
    return "http://127.0.0.1:" + env.get("KUMA_API_SERVER_HTTP_PORT");
  }

  /** {@code https://127.0.0.1:<api https port>}. */
  public String apiHttpsUrl() {
    return "https://127.0.0.1:" + env.get("KUMA_API_SERVER_HTTPS_PORT");
  }

  public String diagnosticsUrl() {
    return "http://127.0.0.1:" + env.get("KUMA_DIAGNOSTICS_SERVER_PORT");
  }

  public int port(String envVar) {
    return Integer.parseInt(env.get(envVar));
  }

  public <T> T bean(Class<T> type) {
    return controlPlane.context().getBean(type);
  }

  public ResourceStore store() {
    return bean(ResourceStore.class);
  }

  @Override
  public void close() {
    controlPlane.close();
  }
}
