package org.kumaj.cp.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.kumaj.cp.config.KumaConfig;

/**
 * The schema of the durable stores, kept by Flyway from {@code db/migration/common} (portable SQL)
 * plus {@code db/migration/<vendor>}. H2 is migrated when the store opens; PostgreSQL only by
 * {@code kuma-cp migrate up}, and a control plane refuses to open a PostgreSQL store whose schema
 * is older (or, unless {@code store.postgres.tolerateNewerDBVersions}, newer) than this binary's,
 * with Kuma's messages. Opening a store whose schema is current reads Flyway's history table with
 * one query and does not start Flyway at all. Stateless; thread-safe (concurrent migrations of one
 * PostgreSQL database are serialised by Flyway's advisory lock).
 */
public final class SchemaMigrations {
  /** What {@link #migrateUp} did. */
  public enum Outcome {
    /** Migrations were applied. */
    MIGRATED,
    /** The schema was already current (or newer, and that is tolerated). */
    ALREADY_MIGRATED
  }

  /** Kuma's refusal to open a PostgreSQL store whose schema is behind the binary. */
  static final String NOT_MIGRATED =
      "database is not migrated. Run \"kuma-cp migrate up\" to update database to the newest schema";
  private static final String HISTORY_QUERY =
      "SELECT \"version\", \"success\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL";

  private SchemaMigrations() {}

  /**
   * {@code kuma-cp migrate up}: brings the database of {@code store.type} to this binary's schema.
   *
   * @throws StoreException if the store type has no schema ({@code memory}), the database cannot
   *     be reached, is newer than this binary (and that is not tolerated), or a migration fails;
   *     the message is Kuma's where Kuma has one
   */
  public static Outcome migrateUp(KumaConfig config) {
    String type = config.storeType();
    switch (type) {
      case "memory" -> throw new StoreException("migrations are not supported for Memory resource store");
      case "h2", "postgres" -> {
        StoreDatabase db = StoreDatabase.of(config);
        try (HikariDataSource ds = db.openPool("migrate-" + UUID.randomUUID())) {
          return migrate(ds, db);
        }
      }
      default -> throw new StoreException("unknown store type " + type);
    }
  }

  /**
   * What opening a store does to the schema: H2 is migrated if it is behind, PostgreSQL is only
   * checked ({@link #requireMigrated}).
   */
  static void prepare(DataSource ds, StoreDatabase db) {
    if (!db.migratesOnOpen()) {
      requireMigrated(ds, db);
      return;
    }
    Applied applied = applied(ds, db);
    if (applied.failed() == null && applied.current() != null && applied.current().equals(newest(db))) {
      return;
    }
    migrate(ds, db);
  }

  /** Applies pending migrations with Flyway; a newer schema is an error unless tolerated. */
  static Outcome migrate(DataSource ds, StoreDatabase db) {
    Flyway flyway = Flyway.configure(SchemaMigrations.class.getClassLoader())
        .dataSource(ds)
        .locations(db.migrationLocations().toArray(String[]::new))
        .failOnMissingLocations(true)
        .load();
    MigrationInfoService info;
    try {
      info = flyway.info();
    } catch (FlywayException e) {
      throw new StoreException("cannot read the schema version of " + db.description() + ": "
          + StoreDatabase.rootMessage(e), e);
    }
    MigrationVersion newest = MigrationVersion.EMPTY;
    for (MigrationInfo m : info.all()) {
      if (m.getVersion() != null && m.getState().isResolved() && m.getVersion().compareTo(newest) > 0) {
        newest = m.getVersion();
      }
    }
    MigrationInfo current = info.current();
    if (current != null && current.getVersion() != null && current.getVersion().compareTo(newest) > 0) {
      if (db.tolerateNewerSchema()) {
        return Outcome.ALREADY_MIGRATED;
      }
      throw new StoreException(newerMessage(current.getVersion(), newest));
    }
    try {
      MigrateResult result = flyway.migrate();
      return result.migrationsExecuted > 0 ? Outcome.MIGRATED : Outcome.ALREADY_MIGRATED;
    } catch (FlywayException e) {
      throw new StoreException("error while executing up migration: " + StoreDatabase.rootMessage(e), e);
    }
  }

  /**
   * Checks, without changing anything, that the schema is this binary's (Kuma's
   * {@code IsDbMigrated}).
   *
   * @throws StoreException with Kuma's message if it is not
   */
  static void requireMigrated(DataSource ds, StoreDatabase db) {
    Applied applied = applied(ds, db);
    MigrationVersion newest = newest(db);
    if (applied.failed() != null) {
      throw new StoreException("database flyway_schema_history row is failed at version " + applied.failed()
          + " (a migration is in progress or failed); refusing to boot");
    }
    if (applied.current() == null || applied.current().compareTo(newest) < 0) {
      throw new StoreException(NOT_MIGRATED);
    }
    if (applied.current().compareTo(newest) > 0 && !db.tolerateNewerSchema()) {
      throw new StoreException(newerMessage(applied.current(), newest));
    }
  }

  private static String newerMessage(MigrationVersion db, MigrationVersion binary) {
    return "DB is migrated to newer version than Kuma. DB migration version " + db
        + ". Kuma migration version " + binary + ". Run newer version of Kuma";
  }

  private static MigrationVersion newest(StoreDatabase db) {
    return MigrationVersion.fromVersion(db.kind().newestMigration);
  }

  /** The newest applied version ({@code null}: none) and a failed one ({@code null}: none). */
  private record Applied(MigrationVersion current, MigrationVersion failed) {}

  /** Reads Flyway's history table directly: one query, no Flyway start-up. */
  private static Applied applied(DataSource ds, StoreDatabase db) {
    try (Connection c = ds.getConnection()) {
      MigrationVersion current = null;
      MigrationVersion failed = null;
      boolean exists;
      try (ResultSet tables = c.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
        exists = tables.next();
      }
      if (exists) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(HISTORY_QUERY)) {
          while (rs.next()) {
            MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
            if (!rs.getBoolean(2)) {
              failed = v;
            } else if (current == null || v.compareTo(current) > 0) {
              current = v;
            }
          }
        }
      }
      c.rollback();
      return new Applied(current, failed);
    } catch (SQLException e) {
      throw new StoreException("cannot read the schema version of " + db.description() + ": "
          + StoreDatabase.rootMessage(e), e);
    }
  }
}
