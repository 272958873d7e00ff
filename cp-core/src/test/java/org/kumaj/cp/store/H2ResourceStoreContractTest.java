package org.kumaj.cp.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.kumaj.cp.events.EventBus;

/** The contract on the {@code h2} store: a real database file in a temporary directory. */
class H2ResourceStoreContractTest extends JpaResourceStoreChecks {
  @TempDir
  static Path dir;
  private static StoreDatabase db;

  @BeforeAll
  static void createDatabase() {
    db = StoreDatabase.h2(dir.resolve("store"));
  }

  @Override
  protected ResourceStore open(Clock clock, EventBus events) {
    return JpaResourceStore.open(db, clock, events, ContractTypes.LOOKUP, Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Override
  protected void wipe() {
    if (!Files.exists(dir.resolve("store.mv.db"))) {
      return;
    }
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("DELETE FROM resources");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
