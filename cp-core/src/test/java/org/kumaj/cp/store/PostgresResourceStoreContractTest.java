package org.kumaj.cp.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kumaj.cp.store.ContractTypes.GADGET;
import static org.kumaj.cp.store.ContractTypes.PART;
import static org.kumaj.cp.store.ContractTypes.WIDGET;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.events.EventBus;
import org.kumaj.cp.events.ResourceChangedEvent;
import org.kumaj.cp.events.ResourceChangedEvent.Operation;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceMeta;

/**
 * The contract on the {@code postgres} store, on a fresh database of the local server, plus what
 * only PostgreSQL does: other instances' changes arrive through LISTEN/NOTIFY.
 */
class PostgresResourceStoreContractTest extends JpaResourceStoreChecks {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static PostgresTestDatabase pg;
  private static KumaConfig config;

  @BeforeAll
  static void createDatabase() {
    pg = PostgresTestDatabase.create();
    config = pg.config();
    assertThat(SchemaMigrations.migrateUp(config)).isEqualTo(SchemaMigrations.Outcome.MIGRATED);
  }

  @AfterAll
  static void dropDatabase() {
    if (pg != null) {
      pg.close();
    }
  }

  @Override
  protected ResourceStore open(Clock clock, EventBus events) {
    return JpaResourceStore.open(StoreDatabase.of(config), clock, events, ContractTypes.LOOKUP,
        Duration.ofMillis(100), Duration.ofSeconds(1));
  }

  @Override
  protected void wipe() {
    pg.sql("DELETE FROM resources");
  }

  @Test
  void changesOfAnotherInstanceArriveOnThisInstancesBus() throws InterruptedException {
    EventBus otherEvents = new EventBus();
    EventRecorder otherReceived = new EventRecorder();
    otherEvents.subscribe(otherReceived);
    try (ResourceStore other = open(clock, otherEvents)) {
      Resource g = other.create(gadget("g"), null);
      Resource w = other.create(widget("m1", "w1", Map.of("a", "1")), g.key());
      other.create(part("m1", "p1"), w.key());
      other.update(other.get(w.key()).orElseThrow().withSpec(widgetSpec("blue")));
      other.delete(g.key());

      List<ResourceChangedEvent> expected = List.of(
          event(Operation.CREATE, GADGET, "", "g"),
          event(Operation.CREATE, WIDGET, "m1", "w1"),
          event(Operation.CREATE, PART, "m1", "p1"),
          event(Operation.UPDATE, WIDGET, "m1", "w1"));
      List<ResourceChangedEvent> seen = received.await(r -> r.size() >= 7, WAIT);
      assertThat(seen.subList(0, 4)).containsExactlyElementsOf(expected);
      assertThat(seen.subList(4, 7)).containsExactlyInAnyOrder(
          event(Operation.DELETE, GADGET, "", "g"),
          event(Operation.DELETE, WIDGET, "m1", "w1"),
          event(Operation.DELETE, PART, "m1", "p1"));
      assertThat(store.get(w.key())).isEmpty();

      // The writer published its own events once, directly, and skipped their notifications: a
      // marker written here reaches it after those notifications (one connection, commit order).
      store.create(gadget("marker"), null);
      List<ResourceChangedEvent> writer =
          otherReceived.await(r -> r.contains(event(Operation.CREATE, GADGET, "", "marker")), WAIT);
      assertThat(writer).hasSize(8);
      assertThat(writer.subList(0, 4)).containsExactlyElementsOf(expected);
      assertThat(received.all()).hasSize(8);
    }
  }

  @Test
  void changesMadeOutsideAnyControlPlaneArriveToo() throws InterruptedException {
    Resource w = store.create(widget("m1", "w1"), null);
    received.clear();

    pg.sql("UPDATE resources SET version = version + 1 WHERE name = 'w1'");

    assertThat(received.await(r -> !r.isEmpty(), WAIT)).containsExactly(event(Operation.UPDATE, WIDGET, "m1", "w1"));
    assertThat(store.get(w.key()).orElseThrow().meta().version()).isEqualTo("2");
  }

  @Test
  void concurrentCreatesOfOneKeyFromTwoInstancesHaveExactlyOneWinner() throws Exception {
    try (ResourceStore other = open(clock, new EventBus())) {
      List<Callable<Object>> tasks = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        ResourceStore via = i % 2 == 0 ? store : other;
        String color = "c" + i;
        tasks.add(() -> via.create(
            new Resource(WIDGET, ResourceMeta.of("m1", "contested", Map.of()), widgetSpec(color)), null));
      }

      List<Object> outcomes = race(tasks);

      assertThat(outcomes).filteredOn(Resource.class::isInstance).hasSize(1);
      assertThat(outcomes).filteredOn(ResourceAlreadyExistsException.class::isInstance).hasSize(7);
      Resource winner = (Resource) outcomes.stream().filter(Resource.class::isInstance).findFirst().orElseThrow();
      assertThat(other.get(winner.key()).orElseThrow().spec()).isEqualTo(winner.spec());
    }
  }

  @Test
  void theListenerReconnectsWhenItsConnectionIsKilled() throws InterruptedException {
    Resource w = store.create(widget("m1", "w1"), null);
    received.clear();

    pg.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
        + " AND application_name = '" + PostgresEventListener.APPLICATION_NAME + "'");

    // Changes made while it is down are lost (as in Kuma); keep changing until one arrives.
    long deadline = System.nanoTime() + WAIT.toNanos();
    do {
      assertThat(System.nanoTime()).as("no event after the listener was killed").isLessThan(deadline);
      pg.sql("UPDATE resources SET version = version + 1 WHERE name = 'w1'");
    } while (!received.waitFor(r -> !r.isEmpty(), Duration.ofMillis(500)));
    assertThat(received.all()).allMatch(e -> e.equals(event(Operation.UPDATE, WIDGET, "m1", "w1")));
    assertThat(store.get(w.key())).isPresent();
  }
}
