package org.kumaj.cp.store;

import java.nio.file.Files;
import java.nio.file.Path;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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

  /**
   * A page is read off an index in listing order, not by fetching and sorting every matching row
   * (H2 does not see that {@code ORDER BY name, mesh} is the order of the index (type, mesh, name)
   * when type and mesh are fixed; with 10,000 Dataplanes that made each page of 100 cost 12-23 ms).
   */
  @Test
  void aPageIsReadOffAnIndexInListingOrder() {
    for (int i = 0; i < 30; i++) {
      store.create(widget("m1", String.format("w%02d", i)), null);
      store.create(widget("m2", String.format("w%02d", i)), null);
    }
    ResourceQuery oneMesh = new ResourceQuery(ContractTypes.WIDGET, "m1", null, Map.of(), 5, "10");
    ResourceQuery allMeshes = new ResourceQuery(ContractTypes.WIDGET, null, "w", Map.of(), 5, "10");
    ResourceQuery byLabel = new ResourceQuery(ContractTypes.WIDGET, "m1", null, Map.of("env", "prod"), 5, null);

    for (ResourceQuery q : new ResourceQuery[] {oneMesh, allMeshes, byLabel}) {
      assertThat(plan(StoreQueries.Filter.of(q))).as(q.toString()).contains("/* index sorted */");
    }
    assertThat(store.list(oneMesh).items()).extracting(r -> r.meta().name())
        .containsExactly("w10", "w11", "w12", "w13", "w14");
    assertThat(store.list(allMeshes).items()).extracting(r -> r.meta().name() + "@" + r.meta().mesh())
        .containsExactly("w05@m1", "w05@m2", "w06@m1", "w06@m2", "w07@m1");
  }

  /** H2's plan of a listing's page query (parameters inlined, offset 10, limit 5). */
  private static String plan(StoreQueries.Filter filter) {
    String sql = filter.page();
    for (Map.Entry<String, Object> p : filter.params().entrySet()) {
      sql = sql.replaceAll(":" + p.getKey() + "\\b", "'" + p.getValue().toString().replace("'", "''") + "'");
    }
    try (Connection c = db.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("EXPLAIN " + sql + " OFFSET 10 ROWS FETCH NEXT 5 ROWS ONLY")) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
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
