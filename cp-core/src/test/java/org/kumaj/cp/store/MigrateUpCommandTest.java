package org.kumaj.cp.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kumaj.cp.launcher.KumaCp;
import org.kumaj.cp.launcher.Role;
import org.kumaj.model.BuildInfo;

/** {@code kuma-cp migrate up -c FILE}: Kuma's two messages, exit 0; one error line, exit 1. */
class MigrateUpCommandTest {
  private static final String MIGRATED = "DB has been migrated for Kuma " + BuildInfo.current().version();
  private static final String ALREADY = "DB has already been migrated for Kuma " + BuildInfo.current().version();

  @TempDir
  Path dir;

  /** Exit status, stdout and stderr of one command. */
  private record Run(int status, String out, String err) {}

  private Run migrateUp(String yaml) throws IOException {
    Path file = dir.resolve("kuma-cp.yaml");
    Files.writeString(file, yaml);
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
      int status = KumaCp.execute(Role.STANDALONE, new String[] {"migrate", "up", "-c", file.toString()});
      return new Run(status, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void postgresTwicePrintsMigratedThenAlreadyMigrated() throws IOException {
    try (PostgresTestDatabase pg = PostgresTestDatabase.create()) {
      Run first = migrateUp(pg.yaml(false));
      Run second = migrateUp(pg.yaml(false));

      assertThat(first).isEqualTo(new Run(0, MIGRATED + "\n", ""));
      assertThat(second).isEqualTo(new Run(0, ALREADY + "\n", ""));
    }
  }

  @Test
  void postgresNewerThanTheBinaryIsOneErrorLineUnlessTolerated() throws IOException {
    try (PostgresTestDatabase pg = PostgresTestDatabase.create()) {
      migrateUp(pg.yaml(false));
      pg.sql("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
          + " installed_by, execution_time, success) VALUES (99, '9999999999', 'future', 'SQL', 'V9999999999__f.sql',"
          + " 0, 'test', 0, true)");

      Run strict = migrateUp(pg.yaml(false));
      Run tolerant = migrateUp(pg.yaml(true));

      assertThat(strict.status()).isEqualTo(1);
      assertThat(strict.out()).isEmpty();
      assertThat(strict.err()).isEqualTo("Error: DB is migrated to newer version than Kuma. DB migration version "
          + "9999999999. Kuma migration version " + StoreDatabase.Kind.POSTGRES.newestMigration
          + ". Run newer version of Kuma\n");
      assertThat(tolerant).isEqualTo(new Run(0, ALREADY + "\n", ""));
    }
  }

  @Test
  void h2IsMigratedInPlace() throws IOException {
    String yaml = """
        store:
          type: h2
          h2:
            file: %s
        """.formatted(dir.resolve("store"));

    assertThat(migrateUp(yaml)).isEqualTo(new Run(0, MIGRATED + "\n", ""));
    assertThat(migrateUp(yaml)).isEqualTo(new Run(0, ALREADY + "\n", ""));
    assertThat(dir.resolve("store.mv.db")).exists();
  }

  @Test
  void memoryHasNothingToMigrate() throws IOException {
    Run run = migrateUp("store:\n  type: memory\n");

    assertThat(run).isEqualTo(new Run(1, "", "Error: migrations are not supported for Memory resource store\n"));
  }

  @Test
  void anUnreachableDatabaseIsOneErrorLine() throws IOException {
    Run run = migrateUp("""
        store:
          type: postgres
          postgres:
            host: 127.0.0.1
            port: 1
            connectionTimeout: 2
        """);

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).startsWith("Error: cannot connect to DB (PostgreSQL database kuma at 127.0.0.1:1): ")
        .endsWith("\n");
    assertThat(run.err().lines()).hasSize(1);
  }
}
