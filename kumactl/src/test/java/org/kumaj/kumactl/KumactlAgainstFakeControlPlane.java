package org.kumaj.kumactl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the command tests that run kumactl in-process against a {@link FakeControlPlane}: a fresh
 * home directory, a fake control plane started before and closed after each test, and a
 * configuration file whose current context points at it.
 */
abstract class KumactlAgainstFakeControlPlane {
  /** kumactl's home directory, fresh for each test. */
  @TempDir
  Path home;
  /** The fake control plane, started before each test. */
  FakeControlPlane server;
  /** A configuration file in {@link #home} whose current context points at {@link #server}. */
  Path config;

  @BeforeEach
  void startFakeControlPlane() {
    server = new FakeControlPlane();
    config = ConfigFiles.pointingAt(home, server.url());
  }

  @AfterEach
  void stopFakeControlPlane() {
    server.close();
  }

  /** Runs {@code kumactl --config-file <config> args...} with an empty standard input. */
  Run kumactl(String... args) {
    return kumactlWithStdin(null, args);
  }

  /**
   * Runs {@code kumactl --config-file <config> args...} with {@code stdin} (none if null) as its
   * standard input, at {@link Run#FAR_FUTURE}.
   */
  Run kumactlWithStdin(String stdin, String... args) {
    List<String> all = new ArrayList<>(List.of("--config-file", config.toString()));
    all.addAll(List.of(args));
    return Run.kumactl(home, Run.FAR_FUTURE, stdin, all.toArray(String[]::new));
  }

  /** {@code command} followed by {@code args}, for tests that run one sub-command throughout. */
  static String[] prefixed(String command, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = command;
    System.arraycopy(args, 0, all, 1, args.length);
    return all;
  }
}
