package org.kumaj.kumactl;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What a kumactl run talks to outside its arguments: standard streams, the home directory (for
 * {@code ~/.kumactl/config}) and the clock (for ages in tables and token times). Tests pass their
 * own; {@link Kumactl#main} passes the process's.
 *
 * @param stdin standard input (apply {@code -f -})
 * @param stdout standard output
 * @param stderr standard error
 * @param home the user's home directory
 * @param clock the current time and the zone dates are shown in
 */
record Env(InputStream stdin, PrintStream stdout, PrintStream stderr, Path home, Clock clock) {

  static Env system() {
    String home = System.getenv("HOME");
    if (home == null || home.isEmpty()) {
      home = System.getProperty("user.home");
    }
    // UTF-8 whatever the locale, as Go writes; flushed per line so stdout and stderr interleave as written
    PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 8192), true,
        StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.err), 1024), true,
        StandardCharsets.UTF_8);
    return new Env(System.in, out, err, Path.of(home), Clock.systemDefaultZone());
  }
}
