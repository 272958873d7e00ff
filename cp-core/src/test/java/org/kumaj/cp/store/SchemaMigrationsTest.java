package org.kumaj.cp.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kumaj.cp.config.ConfigLoader;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.events.EventBus;
import org.kumaj.model.ResourceKey;

/** The schema gate: H2 migrates itself, PostgreSQL must be migrated by {@code migrate up}, with Kuma's messages. */
class SchemaMigrationsTest {
  private static final String NEWER = "DB is migrated to newer version than Kuma. DB migration version 9999999999. "
      + "Kuma migration version " + StoreDatabase.Kind.POSTGRES.newestMigration + ". Run newer version of Kuma";

  @TempDir
  Path dir;

  private static JpaResourceStore open(KumaConfig config) {
    return JpaResourceStore.open(config, Clock.systemUTC(), new EventBus(), ContractTypes.LOOKUP);
  }

  private static KumaConfig h2Config(Path file) {
    return new ConfigLoader().load(null, Map.of("KUMA_STORE_TYPE", "h2", "KUMA_STORE_H2_FILE", file.toString()),
        Map.of(), w -> {});
  }

  @Test
  void theNewestVersionsTheStoreChecksAreThoseOfTheMigrationFiles() throws IOException, URISyntaxException {
    List<String> common = versions("db/migration/common");
    List<String> postgres = versions("db/migration/postgresql");

    assertThat(StoreDatabase.Kind.H2.newestMigration).isEqualTo(common.get(common.size() - 1));
    assertThat(StoreDatabase.Kind.POSTGRES.newestMigration).isEqualTo(Stream.concat(common.stream(), postgres.stream())
        .max(Comparator.comparingLong(Long::parseLong)).orElseThrow());
  }

  /** The versions of the migration files in {@code location}, in order. */
  private static List<String> versions(String location) throws IOException, URISyntaxException {
    Path path = Path.of(SchemaMigrationsTest.class.getClassLoader().getResource(location).toURI());
    try (Stream<Path> files = Files.list(path)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.matches("V\\d+__.*\\.sql"))
          .map(n -> n.substring(1, n.indexOf("__")))
          .sorted(Comparator.comparingLong(Long::parseLong))
          .toList();
    }
  }

  @Test
  void h2MigratesItselfOnceAndReopensWithoutMigrating() throws SQLException, IOException, URISyntaxException {
    Path file = dir.resolve("nested/dir/kuma-store");
    KumaConfig config = h2Config(file);

    open(config).close();
    open(config).close();

    assertThat(dir.resolve("nested/dir/kuma-store.mv.db")).exists();
    List<String> applied = new ArrayList<>();
    try (Connection c = StoreDatabase.of(config).connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\""
            + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
      while (rs.next()) {
        assertThat(rs.getBoolean(2)).isTrue();
        applied.add(rs.getString(1));
      }
    }
    assertThat(applied).isEqualTo(versions("db/migration/common"));
    assertThat(SchemaMigrations.migrateUp(config)).isEqualTo(SchemaMigrations.Outcome.ALREADY_MIGRATED);
  }

  @Test
  void h2FileNamedWithItsExtensionIsTheSameDatabase() {
    Path base = dir.resolve("store");
    try (JpaResourceStore s = open(h2Config(base))) {
      s.create(ResourceStoreContract.gadget("g"), null);
    }
    try (JpaResourceStore s = open(h2Config(dir.resolve("store.mv.db")))) {
      assertThat(s.get(ResourceKey.global(ContractTypes.GADGET, "g"))).isPresent();
    }
  }

  @Test
  void h2NewerThanTheBinaryIsRefused() throws SQLException {
    KumaConfig config = h2Config(dir.resolve("store"));
    open(config).close();
    try (Connection c = StoreDatabase.of(config).connect(); Statement s = c.createStatement()) {
      s.execute(futureMigrationRow());
    }

    assertThatThrownBy(() -> open(config)).isInstanceOf(StoreException.class).hasMessage(
        "DB is migrated to newer version than Kuma. DB migration version 9999999999. Kuma migration version "
            + StoreDatabase.Kind.H2.newestMigration + ". Run newer version of Kuma");
  }

  @Test
  void memoryHasNoMigrations() {
    KumaConfig config = new ConfigLoader().load(null, Map.of("KUMA_STORE_TYPE", "memory"), Map.of(), w -> {});

    assertThatThrownBy(() -> SchemaMigrations.migrateUp(config)).isInstanceOf(StoreException.class)
        .hasMessage("migrations are not supported for Memory resource store");
  }

  @Test
  void postgresUnmigratedIsRefusedWithKumasMessageUntilMigrateUp() {
    try (PostgresTestDatabase pg = PostgresTestDatabase.create()) {
      KumaConfig config = pg.config();

      assertThatThrownBy(() -> open(config)).isInstanceOf(StoreException.class)
          .hasMessage("database is not migrated. Run \"kuma-cp migrate up\" to update database to the newest schema");
      assertThat(SchemaMigrations.migrateUp(config)).isEqualTo(SchemaMigrations.Outcome.MIGRATED);
      assertThat(SchemaMigrations.migrateUp(config)).isEqualTo(SchemaMigrations.Outcome.ALREADY_MIGRATED);
      try (JpaResourceStore store = open(config)) {
        store.create(ResourceStoreContract.gadget("g"), null);
        assertThat(store.get(ResourceKey.global(ContractTypes.GADGET, "g"))).isPresent();
      }
    }
  }

  @Test
  void postgresBehindTheBinaryIsRefused() {
    try (PostgresTestDatabase pg = PostgresTestDatabase.create()) {
      KumaConfig config = pg.config();
      SchemaMigrations.migrateUp(config);
      pg.sql("DELETE FROM flyway_schema_history WHERE version = '" + StoreDatabase.Kind.POSTGRES.newestMigration + "'");

      assertThatThrownBy(() -> open(config)).isInstanceOf(StoreException.class)
          .hasMessage(SchemaMigrations.NOT_MIGRATED);
    }
  }

  @Test
  void postgresNewerThanTheBinaryIsRefusedUnlessTolerated() {
    try (PostgresTestDatabase pg = PostgresTestDatabase.create()) {
      KumaConfig strict = pg.config();
      KumaConfig tolerant = pg.config(Map.of("KUMA_STORE_POSTGRES_TOLERATE_NEWER_DB_VERSIONS", "true"));
      SchemaMigrations.migrateUp(strict);
      pg.sql(futureMigrationRow());

      assertThatThrownBy(() -> open(strict)).isInstanceOf(StoreException.class).hasMessage(NEWER);
      assertThatThrownBy(() -> SchemaMigrations.migrateUp(strict)).isInstanceOf(StoreException.class)
          .hasMessage(NEWER);
      assertThat(SchemaMigrations.migrateUp(tolerant)).isEqualTo(SchemaMigrations.Outcome.ALREADY_MIGRATED);
      try (JpaResourceStore store = open(tolerant)) {
        store.ping();
        assertThat(store.list(ResourceQuery.all(ContractTypes.GADGET, null)).total()).isZero();
      }
    }
  }

  @Test
  void postgresWithAFailedMigrationIsRefused() {
    try (PostgresTestDatabase pg = PostgresTestDatabase.create()) {
      KumaConfig config = pg.config(Map.of("KUMA_STORE_POSTGRES_TOLERATE_NEWER_DB_VERSIONS", "true"));
      SchemaMigrations.migrateUp(config);
      pg.sql(futureMigrationRow().replace("true)", "false)"));

      assertThatThrownBy(() -> open(config)).isInstanceOf(StoreException.class)
          .hasMessageContaining("failed at version 9999999999").hasMessageContaining("refusing to boot");
    }
  }

  @Test
  void postgresThatDoesNotAnswerIsReportedAsSuch() {
    KumaConfig config = new ConfigLoader().load(null, Map.of("KUMA_STORE_TYPE", "postgres",
        "KUMA_STORE_POSTGRES_HOST", "127.0.0.1", "KUMA_STORE_POSTGRES_PORT", "1",
        "KUMA_STORE_POSTGRES_CONNECTION_TIMEOUT", "2"), Map.of(), w -> {});

    assertThatThrownBy(() -> open(config)).isInstanceOf(StoreException.class)
        .hasMessageStartingWith("cannot connect to DB (PostgreSQL database kuma at 127.0.0.1:1): ");
    assertThatThrownBy(() -> SchemaMigrations.migrateUp(config)).isInstanceOf(StoreException.class)
        .hasMessageStartingWith("cannot connect to DB");
  }

  /** A history row of a migration this binary does not have. */
  private static String futureMigrationRow() {
    return "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
        + " \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
        + " VALUES (99, '9999999999', 'future', 'SQL', 'V9999999999__future.sql', 0, 'test', 0, true)";
  }
}
