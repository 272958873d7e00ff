package org.kumaj.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A control-plane executable running as a child process, started from the jar the build produced,
 * with its output captured to a file. Closing it stops the process (SIGTERM, then SIGKILL).
 */
final class ControlPlaneProcess implements AutoCloseable {
  static final Duration START_DEADLINE = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final Path output;
  private final int diagnosticsPort;

  private ControlPlaneProcess(Process process, Path output, int diagnosticsPort) {
    this.process = process;
    this.output = output;
    this.diagnosticsPort = diagnosticsPort;
  }

  /** The shaded jar of {@code role} ({@code standalone}, {@code zone} or {@code global}). */
  static Path jar(String role) {
    Path jar = Path.of(System.getProperty("kumaj.repo.root", "..")).resolve("cp-" + role)
        .resolve("target").resolve("kuma-cp-" + role + ".jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing; build the role modules first (mvn package)");
    }
    return jar;
  }

  /** Starts {@code java -jar <role jar> <args>} with {@code env} added to this process's environment. */
  static ControlPlaneProcess start(String role, Map<String, String> env, Path workDir, String... args) {
    List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx256m", "-jar", jar(role).toString()));
    cmd.addAll(List.of(args));
    return start(cmd, env, workDir);
  }

  /** The unpacked distribution ({@code target/kumaj-<version>/kumaj-<version>}). */
  static Path distribution() {
    Path dir = Path.of(System.getProperty("kumaj.dist.dir", "target/dist-missing"));
    if (!Files.isDirectory(dir.resolve("bin"))) {
      throw new IllegalStateException(dir + " is missing; run the package phase first");
    }
    return dir;
  }

  /** Starts {@code command} with {@code env} added to this process's environment (no KUMA_* inherited). */
  static ControlPlaneProcess start(List<String> cmd, Map<String, String> env, Path workDir) {
    try {
      Files.createDirectories(workDir);
      Path output = Files.createTempFile(workDir, "kuma-cp-", ".log");
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile());
      Map<String, String> environment = pb.environment();
      environment.keySet().removeIf(k -> k.startsWith("KUMA_"));
      environment.put("KUMA_GENERAL_WORK_DIR", workDir.toString());
      environment.putAll(env);
      int diag = Integer.parseInt(environment.getOrDefault("KUMA_DIAGNOSTICS_SERVER_PORT", "5680"));
      return new ControlPlaneProcess(pb.start(), output, diag);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * Environment putting every listener of every role on a free port, all different: the probe
   * sockets stay open until every port is chosen, so the kernel cannot hand out one port twice.
   */
  static Map<String, String> freePorts() {
    Map<String, String> env = new HashMap<>();
    List<ServerSocket> probes = new ArrayList<>();
    try {
      for (String var : List.of("KUMA_API_SERVER_HTTP_PORT", "KUMA_API_SERVER_HTTPS_PORT",
          "KUMA_DIAGNOSTICS_SERVER_PORT", "KUMA_DP_SERVER_PORT", "KUMA_MONITORING_ASSIGNMENT_SERVER_PORT",
          "KUMA_INTER_CP_SERVER_PORT", "KUMA_MULTIZONE_GLOBAL_KDS_GRPC_PORT",
          "KUMA_RUNTIME_KUBERNETES_ADMISSION_SERVER_PORT")) {
        ServerSocket probe = new ServerSocket(0);
        probes.add(probe);
        env.put(var, Integer.toString(probe.getLocalPort()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      for (ServerSocket probe : probes) {
        try {
          probe.close();
        } catch (IOException ignored) {
          // closing a probe that never accepted anything
        }
      }
    }
    return env;
  }

  long pid() {
    return process.pid();
  }

  /** Sends SIGTERM, as a service manager stopping the unit does. */
  void terminate() {
    process.destroy();
  }

  /** Waits until {@code /ready} answers 200; fails with the process output otherwise. */
  void awaitReady() {
    poll(START_DEADLINE, () -> {
      if (!process.isAlive()) {
        throw new AssertionError("control plane exited with " + process.exitValue() + ":\n" + output());
      }
      return status("http://127.0.0.1:" + diagnosticsPort + "/ready") == 200;
    }, "control plane did not become ready");
  }

  /** Waits for the process to exit and returns its exit code. */
  int awaitExit(Duration deadline) {
    try {
      if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("control plane still running after " + deadline + ":\n" + output());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  String output() {
    try {
      return Files.readString(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "<no output: " + e.getMessage() + ">";
    }
  }

  /** The TCP ports this process listens on, read from /proc (IPv4 and IPv6). */
  Set<Integer> listeningPorts() {
    Set<String> inodes = new HashSet<>();
    try (var fds = Files.list(Path.of("/proc", Long.toString(process.pid()), "fd"))) {
      for (Path fd : fds.toList()) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring(8, target.length() - 1));
          }
        } catch (IOException gone) {
          // the descriptor closed while we were listing
        }
      }
      Set<Integer> ports = new TreeSet<>();
      for (String table : List.of("tcp", "tcp6")) {
        List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "net", table));
        for (String line : lines.subList(1, lines.size())) {
          String[] f = line.trim().split("\\s+");
          boolean listening = f[3].equals("0A");
          if (listening && inodes.contains(f[9])) {
            ports.add(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16));
          }
        }
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int status(String url) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  static String get(String url) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static void poll(Duration deadline, BooleanSupplier condition, String failure) {
    Instant end = Instant.now().plus(deadline);
    while (Instant.now().isBefore(end)) {
      if (condition.getAsBoolean()) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError(failure + " within " + deadline);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }
}
