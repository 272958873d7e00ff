package org.kumaj.cp.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kumaj.cp.events.EventBus;
import org.kumaj.model.ResourceKey;

/** The contract on the {@code h2} store: a real database file in a temporary directory. */
class H2ResourceStoreContractTest extends ResourceStoreContract {
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

  @Test
  void resourcesSurviveReopeningTheFile() {
    store.create(widget("m1", "kept", Map.of("a", "1")), null);
    store.close();

    store = open(clock, events);

    assertThat(store.get(new ResourceKey(ContractTypes.WIDGET, "m1", "kept")).orElseThrow().meta().labels())
        .containsEntry("a", "1");
    assertThat(dir.resolve("store.mv.db")).exists();
  }
}
