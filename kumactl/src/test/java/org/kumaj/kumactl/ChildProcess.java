package org.kumaj.kumactl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built kumactl (the shaded jar or the launcher script) as a child process with its own
 * {@code HOME}, feeding stdin and capturing both outputs.
 *
 * @param exit the exit status
 * @param out standard output
 * @param err standard error
 */
record ChildProcess(int exit, String out, String err) {

  /** The shaded jar the build produced. */
  static Path jar() {
    Path jar = Path.of(System.getProperty("kumactl.jar", "target/kumactl.jar")).toAbsolutePath();
    assertThat(jar).as("the shaded jar (mvn package)").isRegularFile();
    return jar;
  }

  /** {@code java -jar kumactl.jar args...}. */
  static ChildProcess kumactl(Path home, String stdin, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar().toString()));
    cmd.addAll(List.of(args));
    return run(cmd, stdin, home, Map.of());
  }

  static ChildProcess run(List<String> cmd, String stdin, Path home, Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("HOME", home.toString());
    pb.environment().putAll(env);
    Path out = Files.createTempFile(home, "out-", ".txt");
    Path err = Files.createTempFile(home, "err-", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    try (OutputStream in = p.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("kumactl finished").isTrue();
    ChildProcess result = new ChildProcess(p.exitValue(), Files.readString(out), Files.readString(err));
    Files.delete(out);
    Files.delete(err);
    return result;
  }
}
