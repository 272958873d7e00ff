package org.kumaj.cp.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kumaj.cp.config.ConfigLoader;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.events.EventBus;
import org.kumaj.model.ResourceKey;

/**
 * Durability under {@code kill -9}: a child JVM writes through the store and reports each
 * acknowledged create; it is killed mid-stream; every acknowledged write must be there when the
 * store is opened again, and the store must open cleanly.
 */
class StoreKillTest {
  /** How many acknowledged writes to wait for before killing the writer. */
  private static final int BEFORE_KILL = 150;

  @TempDir
  Path dir;

  @Test
  void h2KeepsEveryAcknowledgedWrite() throws Exception {
    Map<String, String> env = Map.of("KUMA_STORE_TYPE", "h2", "KUMA_STORE_H2_FILE", dir.resolve("store").toString());

    killMidStreamAndCheck(env);
  }

  @Test
  void postgresKeepsEveryAcknowledgedWrite() throws Exception {
    try (PostgresTestDatabase pg = PostgresTestDatabase.create()) {
      Map<String, String> env = pg.env(Map.of());
      SchemaMigrations.migrateUp(config(env));

      killMidStreamAndCheck(env);
    }
  }

  private void killMidStreamAndCheck(Map<String, String> env) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), StoreWriterMain.class.getName()));
    env.forEach((k, v) -> command.add(k + "=" + v));
    Path log = dir.resolve("writer.log");
    Process child = new ProcessBuilder(command).redirectErrorStream(false)
        .redirectError(log.toFile()).start();
    List<String> acknowledged = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertThat(line).as("writer did not open the store; its log: %s", readLog(log)).isEqualTo("open");
      while (acknowledged.size() < BEFORE_KILL && (line = out.readLine()) != null) {
        acknowledged.add(line);
      }
      assertThat(acknowledged).as("writer stopped early; its log: %s", readLog(log)).hasSize(BEFORE_KILL);
      // SIGKILL through the handle: Process.destroyForcibly() would also close our end of the pipe,
      // and what the writer printed before it died was acknowledged too.
      assertThat(child.toHandle().destroyForcibly()).isTrue();
      while ((line = out.readLine()) != null) {
        acknowledged.add(line);
      }
    } finally {
      child.destroyForcibly();
    }
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as("killed, not exited").isNotZero();

    try (JpaResourceStore store = JpaResourceStore.open(config(env), Clock.systemUTC(), new EventBus(),
        ContractTypes.LOOKUP)) {
      store.ping();
      for (String name : acknowledged) {
        assertThat(store.get(new ResourceKey(ContractTypes.WIDGET, "m1", name)))
            .as("acknowledged write %s of %d", name, acknowledged.size()).isPresent();
      }
      long stored = store.list(ResourceQuery.all(ContractTypes.WIDGET, "m1")).total();
      assertThat(stored).isBetween((long) acknowledged.size(), acknowledged.size() + 1L);
      store.create(ResourceStoreContract.widget("m1", "after-restart"), null);
      assertThat(store.get(new ResourceKey(ContractTypes.WIDGET, "m1", "after-restart"))).isPresent();
    }
  }

  private static KumaConfig config(Map<String, String> env) {
    return new ConfigLoader().load(null, new HashMap<>(env), Map.of(), w -> {});
  }

  private static String readLog(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log) : "(none)";
    } catch (IOException e) {
      return e.toString();
    }
  }
}
