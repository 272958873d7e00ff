package org.kumaj.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers of the unpacked tarball: {@code bin/kuma-cp-standalone} records a class-data
 * sharing archive on its first {@code run}, moves it into place on SIGTERM and maps it on the next
 * start; {@code bin/kumactl} runs from the tarball.
 */
class LauncherIT {
  @TempDir
  Path dir;

  @Test
  void firstRunRecordsTheClassArchiveAndTheNextRunMapsIt() throws IOException {
    Path cds = dir.resolve("cds");
    Map<String, String> env = env(cds);
    List<String> cmd = List.of(ControlPlaneProcess.distribution().resolve("bin/kuma-cp-standalone").toString(), "run");

    try (ControlPlaneProcess first = ControlPlaneProcess.start(cmd, env, dir.resolve("work"))) {
      first.awaitReady();
      first.terminate();
      assertThat(first.awaitExit(Duration.ofSeconds(60))).as(first.output()).isIn(0, 143);
    }
    List<Path> archives = archives(cds);
    assertThat(archives).as("one archive, no temporary file left").singleElement()
        .satisfies(a -> assertThat(a.getFileName().toString()).startsWith("kuma-cp-standalone-").endsWith(".jsa"));
    assertThat(Files.size(archives.get(0))).isPositive();

    try (ControlPlaneProcess second = ControlPlaneProcess.start(cmd, env, dir.resolve("work"))) {
      second.awaitReady();
      String commandLine = Files.readString(Path.of("/proc", Long.toString(second.pid()), "cmdline"))
          .replace('\0', ' ');
      assertThat(commandLine).contains("-XX:SharedArchiveFile=" + archives.get(0));
    }
  }

  @Test
  void otherCommandsAndKumaCdsOffRecordNothing() throws Exception {
    Path cds = dir.resolve("cds");
    Path bin = ControlPlaneProcess.distribution().resolve("bin");
    Process version = command(env(cds), bin.resolve("kuma-cp-standalone").toString(), "version");
    assertThat(version.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(version.exitValue()).isZero();

    Map<String, String> off = env(cds);
    off.put("KUMA_CDS", "off");
    List<String> cmd = List.of(bin.resolve("kuma-cp-standalone").toString(), "run");
    try (ControlPlaneProcess cp = ControlPlaneProcess.start(cmd, off, dir.resolve("work"))) {
      cp.awaitReady();
    }
    assertThat(archives(cds)).isEmpty();
  }

  @Test
  void kumactlRunsFromTheTarball() throws Exception {
    Map<String, String> env = env(dir.resolve("cds"));
    env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
    env.put("HOME", dir.toString());
    Process kumactl = command(env, ControlPlaneProcess.distribution().resolve("bin/kumactl").toString(),
        "version", "--detailed=false");
    assertThat(kumactl.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String out = new String(kumactl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(kumactl.exitValue()).as(out).isZero();
    assertThat(out).contains("Client:");
  }

  private Map<String, String> env(Path cds) {
    Map<String, String> env = new HashMap<>(ControlPlaneProcess.freePorts());
    env.put("KUMA_STORE_TYPE", "memory");
    env.put("KUMA_CDS_DIR", cds.toString());
    env.put("JAVA", ControlPlaneProcess.javaBin());
    env.put("JAVA_HOME", Path.of(System.getProperty("java.home")).toString());
    env.put("JAVA_OPTS", "-Xmx256m");
    return env;
  }

  private static Process command(Map<String, String> env, String... cmd) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("KUMA_"));
    pb.environment().putAll(env);
    return pb.start();
  }

  private static List<Path> archives(Path cds) throws IOException {
    if (!Files.isDirectory(cds)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(cds)) {
      return files.toList();
    }
  }
}
