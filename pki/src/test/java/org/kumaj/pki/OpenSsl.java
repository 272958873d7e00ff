package org.kumaj.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the {@code openssl} command line as an independent certificate checker. Tests calling it are
 * skipped, with a message, where {@code openssl} is not installed.
 */
final class OpenSsl {
  private OpenSsl() {}

  /** Skips the calling test when {@code openssl} cannot be run. */
  static void assumeAvailable() {
    boolean ok;
    try {
      ok = run(List.of("openssl", "version")).exitCode() == 0;
    } catch (IOException e) {
      ok = false;
    }
    Assumptions.assumeTrue(ok, "openssl is not installed; skipping the independent openssl check");
  }

  /**
   * {@code openssl verify -CAfile <ca> [-purpose <purpose>] -attime <at> <leaf>}.
   *
   * @return the exit code and combined output
   */
  static Result verify(Path dir, String caPem, String leafPem, String purpose, Instant at) throws IOException {
    Path ca = Files.writeString(dir.resolve("ca.pem"), caPem, StandardCharsets.US_ASCII);
    Path leaf = Files.writeString(dir.resolve("leaf.pem"), leafPem, StandardCharsets.US_ASCII);
    List<String> cmd = new ArrayList<>(List.of("openssl", "verify", "-CAfile", ca.toString()));
    if (purpose != null) {
      cmd.addAll(List.of("-purpose", purpose));
    }
    cmd.addAll(List.of("-attime", Long.toString(at.getEpochSecond()), leaf.toString()));
    return run(cmd);
  }

  /** {@code openssl x509 -noout -text} of {@code pem}. */
  static Result text(Path dir, String pem) throws IOException {
    Path cert = Files.writeString(dir.resolve("cert.pem"), pem, StandardCharsets.US_ASCII);
    return run(List.of("openssl", "x509", "-noout", "-text", "-in", cert.toString()));
  }

  private static Result run(List<String> cmd) throws IOException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("timed out: " + cmd);
      }
      return new Result(p.exitValue(), out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + cmd, e);
    }
  }

  /** What openssl said. */
  record Result(int exitCode, String output) {}
}
