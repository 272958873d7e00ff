package org.kumaj.kumactl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Runs kumactl in-process with captured streams, a given home directory and clock.
 *
 * @param exit the exit status
 * @param out what was written to standard output
 * @param err what was written to standard error
 */
record Run(int exit, String out, String err) {
  /** A clock so far ahead that every age saturates to Go's maximum duration, {@code 292y}. */
  static final Clock FAR_FUTURE = Clock.fixed(Instant.parse("2500-01-01T00:00:00Z"), ZoneOffset.UTC);

  static Run kumactl(Path home, Clock clock, String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    Env env = new Env(new ByteArrayInputStream((stdin == null ? "" : stdin).getBytes(StandardCharsets.UTF_8)),
        outStream, errStream, home, clock);
    int exit = Kumactl.run(args, env);
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Run kumactl(Path home, String... args) {
    return kumactl(home, FAR_FUTURE, null, args);
  }

  @Override
  public String toString() {
    return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
