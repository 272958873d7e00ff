package org.kumaj.cp.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kumaj.cp.store.ContractTypes.GADGET;
import static org.kumaj.cp.store.ContractTypes.PART;
import static org.kumaj.cp.store.ContractTypes.WIDGET;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kumaj.cp.events.EventBus;
import org.kumaj.cp.events.ResourceChangedEvent;
import org.kumaj.cp.events.ResourceChangedEvent.Operation;
import org.kumaj.cp.store.ContractTypes.GadgetSpec;
import org.kumaj.cp.store.ContractTypes.Nested;
import org.kumaj.cp.store.ContractTypes.PartSpec;
import org.kumaj.cp.store.ContractTypes.WidgetSpec;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.ResourceType;
import org.kumaj.model.codec.Json;
import org.kumaj.testing.MutableClock;

/**
 * The behaviour every {@link ResourceStore} must have. Each backend runs this class unchanged
 * through a subclass that says how to open a store and how to empty its database.
 */
abstract class ResourceStoreContract {
  static final Instant T0 = Instant.parse("2026-01-02T03:04:05.123456Z");

  protected final MutableClock clock = new MutableClock(T0);
  protected final EventRecorder received = new EventRecorder();
  protected EventBus events;
  protected ResourceStore store;

  /** Opens a store of the backend under test; durable backends open the same database each time. */
  protected abstract ResourceStore open(Clock clock, EventBus events);

  /** Removes every resource while no store is open (durable backends share one database per class). */
  protected abstract void wipe();

  @BeforeEach
  void openStore() {
    wipe();
    events = new EventBus();
    events.subscribe(received);
    store = open(clock, events);
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  // ---- fixtures ----

  static WidgetSpec widgetSpec(String color) {
    return new WidgetSpec(color, 3, List.of("a", "b"), Map.of("x", 1, "y", 2), new Nested(true, 0.25));
  }

  static Resource widget(String mesh, String name, Map<String, String> labels) {
    return new Resource(WIDGET, ResourceMeta.of(mesh, name, labels), widgetSpec("red"));
  }

  static Resource widget(String mesh, String name) {
    return widget(mesh, name, Map.of());
  }

  static Resource gadget(String name) {
    return new Resource(GADGET, ResourceMeta.of(null, name, Map.of()), new GadgetSpec("k", 1));
  }

  static Resource part(String mesh, String name) {
    return new Resource(PART, ResourceMeta.of(mesh, name, Map.of()), new PartSpec("s-" + name));
  }

  static ObjectNode status(String phase) {
    return Json.mapper().createObjectNode().put("phase", phase).set("counts",
        Json.mapper().createObjectNode().put("ok", 2));
  }

  static List<String> keys(ResourceList list) {
    return list.items().stream().map(r -> r.key().mesh() + "/" + r.meta().name()).toList();
  }

  static ResourceChangedEvent event(Operation op, ResourceType type, String mesh, String name) {
    return new ResourceChangedEvent(op, type, mesh, name);
  }

  ResourceList list(ResourceType type, String mesh) {
    return store.list(ResourceQuery.all(type, mesh));
  }

  // ---- create / get ----

  @Test
  void createStoresSpecLabelsAndStatusAndGetReturnsThem() {
    Resource created = store.create(widget("m1", "w1", Map.of("env", "prod", "kuma.io/zone", "zone-ü"))
        .withStatus(status("ok")), null);

    assertThat(created.meta().version()).isEqualTo("1");
    assertThat(created.meta().creationTime()).isEqualTo(T0);
    assertThat(created.meta().modificationTime()).isEqualTo(T0);
    Resource got = store.get(new ResourceKey(WIDGET, "m1", "w1")).orElseThrow();
    assertThat(got.meta()).isEqualTo(created.meta());
    assertThat(got.meta().labels()).isEqualTo(Map.of("env", "prod", "kuma.io/zone", "zone-ü"));
    assertThat(got.spec()).isEqualTo(widgetSpec("red"));
    assertThat(got.status()).isEqualTo(status("ok"));
    assertThat(got.type()).isSameAs(WIDGET);
  }

  @Test
  void getOfAnotherMeshTypeOrNameIsEmpty() {
    store.create(widget("m1", "x"), null);

    assertThat(store.get(new ResourceKey(WIDGET, "m1", "x"))).isPresent();
    assertThat(store.get(new ResourceKey(WIDGET, "m2", "x"))).isEmpty();
    assertThat(store.get(new ResourceKey(PART, "m1", "x"))).isEmpty();
    assertThat(store.get(new ResourceKey(WIDGET, "m1", "y"))).isEmpty();
  }

  @Test
  void globalResourcesHaveNoMeshAndNoStatus() {
    store.create(gadget("g1"), null);

    Resource got = store.get(ResourceKey.global(GADGET, "g1")).orElseThrow();
    assertThat(got.meta().mesh()).isNull();
    assertThat(got.key().mesh()).isEmpty();
    assertThat(got.status()).isNull();
    assertThat(got.spec()).isEqualTo(new GadgetSpec("k", 1));
    assertThat(received.all()).containsExactly(event(Operation.CREATE, GADGET, "", "g1"));
  }

  @Test
  void createOfATakenKeyFailsAndKeepsTheFirst() {
    store.create(widget("m1", "w1"), null);
    Resource second = new Resource(WIDGET, ResourceMeta.of("m1", "w1", Map.of("b", "2")), widgetSpec("blue"));

    assertThatThrownBy(() -> store.create(second, null)).isInstanceOf(ResourceAlreadyExistsException.class);
    Resource got = store.get(second.key()).orElseThrow();
    assertThat(got.spec()).isEqualTo(widgetSpec("red"));
    assertThat(got.meta().labels()).isEmpty();
    assertThat(received.all()).containsExactly(event(Operation.CREATE, WIDGET, "m1", "w1"));
  }

  @Test
  void theSameNameInAnotherMeshOrTypeIsAnotherResource() {
    store.create(widget("m1", "same"), null);
    store.create(widget("m2", "same"), null);
    store.create(part("m1", "same"), null);

    assertThat(keys(list(WIDGET, null))).containsExactly("m1/same", "m2/same");
    assertThat(keys(list(PART, null))).containsExactly("m1/same");
  }

  @Test
  void createWithAMissingOwnerFailsAndStoresNothing() {
    ResourceKey owner = ResourceKey.global(GADGET, "nope");

    assertThatThrownBy(() -> store.create(widget("m1", "w1"), owner)).isInstanceOf(ResourceNotFoundException.class);
    assertThat(store.get(new ResourceKey(WIDGET, "m1", "w1"))).isEmpty();
    assertThat(received.all()).isEmpty();
  }

  // ---- update ----

  @Test
  void updateReplacesSpecLabelsAndStatusAndBumpsTheVersion() {
    Resource created = store.create(widget("m1", "w1", Map.of("a", "1", "b", "2")).withStatus(status("old")), null);
    clock.advance(Duration.ofSeconds(5));

    Resource changed = created.withSpec(widgetSpec("green"))
        .withMeta(created.meta().withLabels(Map.of("b", "3", "c", "4")))
        .withStatus(status("new"));
    Resource updated = store.update(changed);

    assertThat(updated.meta().version()).isEqualTo("2");
    assertThat(updated.meta().creationTime()).isEqualTo(T0);
    assertThat(updated.meta().modificationTime()).isEqualTo(T0.plusSeconds(5));
    Resource got = store.get(created.key()).orElseThrow();
    assertThat(got.meta()).isEqualTo(updated.meta());
    assertThat(got.meta().labels()).isEqualTo(Map.of("b", "3", "c", "4"));
    assertThat(got.spec()).isEqualTo(widgetSpec("green"));
    assertThat(got.status()).isEqualTo(status("new"));

    Resource again = store.update(got.withMeta(got.meta().withLabels(Map.of())).withStatus(null));
    assertThat(again.meta().version()).isEqualTo("3");
    Resource last = store.get(created.key()).orElseThrow();
    assertThat(last.meta().labels()).isEmpty();
    assertThat(last.status()).isNull();
    assertThat(last.meta().version()).isEqualTo("3");
  }

  @Test
  void updateWithAStaleVersionConflictsAndChangesNothing() {
    Resource v1 = store.create(widget("m1", "w1"), null);
    store.update(v1.withSpec(widgetSpec("green")));

    assertThatThrownBy(() -> store.update(v1.withSpec(widgetSpec("blue"))))
        .isInstanceOf(ResourceConflictException.class);
    Resource got = store.get(v1.key()).orElseThrow();
    assertThat(got.spec()).isEqualTo(widgetSpec("green"));
    assertThat(got.meta().version()).isEqualTo("2");
    assertThat(received.all()).extracting(ResourceChangedEvent::operation)
        .containsExactly(Operation.CREATE, Operation.UPDATE);
  }

  @Test
  void updateWithoutAVersionConflicts() {
    Resource v1 = store.create(widget("m1", "w1"), null);

    assertThatThrownBy(() -> store.update(v1.withMeta(ResourceMeta.of("m1", "w1", Map.of()))))
        .isInstanceOf(ResourceConflictException.class);
  }

  @Test
  void updateOfAMissingResourceFails() {
    Resource ghost = widget("m1", "ghost");
    Resource withVersion = ghost.withMeta(ghost.meta().stored(T0, T0, "1"));

    assertThatThrownBy(() -> store.update(withVersion)).isInstanceOf(ResourceNotFoundException.class);
    assertThat(received.all()).isEmpty();
  }

  @Test
  void concurrentUpdatesOfOneVersionHaveExactlyOneWinner() throws Exception {
    Resource v1 = store.create(widget("m1", "w1"), null);
    List<String> colors = IntStream.range(0, 6).mapToObj(i -> "c" + i).toList();

    List<Object> outcomes = race(colors.stream()
        .<Callable<Object>>map(c -> () -> store.update(v1.withSpec(widgetSpec(c)))).toList());

    List<Resource> winners = outcomes.stream().filter(Resource.class::isInstance).map(Resource.class::cast).toList();
    assertThat(winners).hasSize(1);
    assertThat(outcomes).filteredOn(ResourceConflictException.class::isInstance).hasSize(colors.size() - 1);
    Resource got = store.get(v1.key()).orElseThrow();
    assertThat(got.meta().version()).isEqualTo("2");
    assertThat(got.spec()).isEqualTo(winners.get(0).spec());
  }

  // ---- delete ----

  @Test
  void deleteRemovesTheResourceOnce() {
    Resource w = store.create(widget("m1", "w1", Map.of("a", "1")), null);

    store.delete(w.key());

    assertThat(store.get(w.key())).isEmpty();
    assertThat(list(WIDGET, null).items()).isEmpty();
    assertThatThrownBy(() -> store.delete(w.key())).isInstanceOf(ResourceNotFoundException.class);
    assertThat(received.all()).containsExactly(
        event(Operation.CREATE, WIDGET, "m1", "w1"), event(Operation.DELETE, WIDGET, "m1", "w1"));
    Resource again = store.create(widget("m1", "w1"), null);
    assertThat(again.meta().version()).isEqualTo("1");
    assertThat(store.get(w.key()).orElseThrow().meta().labels()).isEmpty();
  }

  @Test
  void deleteCascadesToOwnedResourcesAtEveryLevel() {
    Resource g = store.create(gadget("g"), null);
    Resource w1 = store.create(widget("m1", "w1"), g.key());
    store.create(widget("m2", "w2"), g.key());
    store.create(part("m1", "p1"), w1.key());
    store.create(part("m1", "p2"), w1.key());
    Resource w3 = store.create(widget("m1", "w3"), null);
    store.create(part("m1", "p3"), w3.key());
    received.clear();

    store.delete(g.key());

    assertThat(store.get(g.key())).isEmpty();
    assertThat(keys(list(WIDGET, null))).containsExactly("m1/w3");
    assertThat(keys(list(PART, null))).containsExactly("m1/p3");
    assertThat(received.all()).containsExactlyInAnyOrder(
        event(Operation.DELETE, GADGET, "", "g"),
        event(Operation.DELETE, WIDGET, "m1", "w1"),
        event(Operation.DELETE, WIDGET, "m2", "w2"),
        event(Operation.DELETE, PART, "m1", "p1"),
        event(Operation.DELETE, PART, "m1", "p2"));
    assertThat(received.last()).isEqualTo(event(Operation.DELETE, GADGET, "", "g"));

    received.clear();
    store.delete(w3.key());
    assertThat(list(PART, null).items()).isEmpty();
    assertThat(received.all()).containsExactly(
        event(Operation.DELETE, PART, "m1", "p3"), event(Operation.DELETE, WIDGET, "m1", "w3"));
  }

  @Test
  void anOwnedResourceCanBeDeletedAlone() {
    Resource w = store.create(widget("m1", "w1"), null);
    Resource p = store.create(part("m1", "p1"), w.key());

    store.delete(p.key());

    assertThat(store.get(w.key())).isPresent();
    assertThat(store.get(p.key())).isEmpty();
  }

  // ---- list ----

  @Test
  void listOrdersByNameThenMeshAcrossMeshes() {
    List<String> names = List.of("b", "a", "A", "a-b", "a.b", "a_b", "Z", "a0", "ab");
    for (String n : names) {
      store.create(widget("m2", n), null);
      store.create(widget("m1", n), null);
    }
    store.create(part("m1", "not-a-widget"), null);

    List<String> expected = names.stream().sorted()
        .flatMap(n -> java.util.stream.Stream.of("m1/" + n, "m2/" + n)).toList();
    ResourceList all = list(WIDGET, null);
    assertThat(keys(all)).containsExactlyElementsOf(expected);
    assertThat(all.total()).isEqualTo(expected.size());
    assertThat(all.nextOffset()).isNull();
  }

  @Test
  void listFiltersByMeshOnlyForMeshScopedTypes() {
    store.create(widget("m1", "a"), null);
    store.create(widget("m2", "b"), null);
    store.create(widget("m1", "c"), null);
    store.create(gadget("g1"), null);
    store.create(gadget("g2"), null);

    assertThat(keys(list(WIDGET, "m1"))).containsExactly("m1/a", "m1/c");
    assertThat(list(WIDGET, "m1").total()).isEqualTo(2);
    assertThat(keys(list(WIDGET, "m3"))).isEmpty();
    assertThat(keys(list(WIDGET, null))).containsExactly("m1/a", "m2/b", "m1/c");
    assertThat(keys(list(GADGET, null))).containsExactly("/g1", "/g2");
    assertThat(keys(list(GADGET, "m1"))).containsExactly("/g1", "/g2");
  }

  @Test
  void pagesCarryOffsetsNextTokensAndTotals() {
    List<String> all = IntStream.range(0, 25).mapToObj(i -> String.format("w%02d", i)).toList();
    for (String n : all) {
      store.create(widget("m1", n), null);
    }

    ResourceList p1 = store.list(new ResourceQuery(WIDGET, "m1", null, Map.of(), 10, null));
    assertThat(keys(p1)).containsExactlyElementsOf(all.subList(0, 10).stream().map(n -> "m1/" + n).toList());
    assertThat(p1.total()).isEqualTo(25);
    assertThat(p1.nextOffset()).isEqualTo("10");
    ResourceList p2 = store.list(new ResourceQuery(WIDGET, "m1", null, Map.of(), 10, p1.nextOffset()));
    assertThat(keys(p2)).containsExactlyElementsOf(all.subList(10, 20).stream().map(n -> "m1/" + n).toList());
    assertThat(p2.nextOffset()).isEqualTo("20");
    assertThat(p2.total()).isEqualTo(25);
    ResourceList p3 = store.list(new ResourceQuery(WIDGET, "m1", null, Map.of(), 10, p2.nextOffset()));
    assertThat(keys(p3)).containsExactlyElementsOf(all.subList(20, 25).stream().map(n -> "m1/" + n).toList());
    assertThat(p3.nextOffset()).isNull();
    assertThat(p3.total()).isEqualTo(25);

    ResourceList beyond = store.list(new ResourceQuery(WIDGET, "m1", null, Map.of(), 10, "30"));
    assertThat(beyond.items()).isEmpty();
    assertThat(beyond.total()).isEqualTo(25);
    assertThat(beyond.nextOffset()).isNull();
    ResourceList exact = store.list(new ResourceQuery(WIDGET, "m1", null, Map.of(), 5, "20"));
    assertThat(exact.items()).hasSize(5);
    assertThat(exact.nextOffset()).isNull();
    ResourceList unlimited = store.list(new ResourceQuery(WIDGET, "m1", null, Map.of(), 0, "5"));
    assertThat(unlimited.items()).hasSize(20);
    assertThat(unlimited.total()).isEqualTo(25);
    assertThat(unlimited.nextOffset()).isNull();
  }

  @Test
  void pagingAppliesToTheFilteredResources() {
    for (int i = 0; i < 20; i++) {
      store.create(widget(i % 3 == 0 ? "m2" : "m1", String.format("w%02d", i),
          i % 2 == 0 ? Map.of("env", "prod") : Map.of("env", "dev")), null);
    }
    List<String> expected = IntStream.range(0, 20).filter(i -> i % 2 == 0)
        .mapToObj(i -> (i % 3 == 0 ? "m2" : "m1") + "/" + String.format("w%02d", i)).toList();

    List<String> seen = new ArrayList<>();
    String offset = null;
    int pages = 0;
    do {
      ResourceList page = store.list(new ResourceQuery(WIDGET, null, null, Map.of("env", "prod"), 4, offset));
      assertThat(page.total()).isEqualTo(10);
      seen.addAll(keys(page));
      offset = page.nextOffset();
      pages++;
    } while (offset != null);
    assertThat(seen).containsExactlyElementsOf(expected);
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void nameContainsIsALiteralSubstring() {
    for (String n : List.of("web-1", "web_1", "webx1", "db-1", "a%b", "axb", "x!y")) {
      store.create(widget("m1", n), null);
    }

    assertThat(names("_")).containsExactly("web_1");
    assertThat(names("%")).containsExactly("a%b");
    assertThat(names("!")).containsExactly("x!y");
    assertThat(names("web")).containsExactly("web-1", "web_1", "webx1");
    assertThat(names("-1")).containsExactly("db-1", "web-1");
    assertThat(names("WEB")).isEmpty();
    assertThat(names("")).hasSize(7);
    assertThat(store.list(new ResourceQuery(WIDGET, null, "web", Map.of(), 2, null)).total()).isEqualTo(3);
  }

  private List<String> names(String contains) {
    return store.list(new ResourceQuery(WIDGET, null, contains, Map.of(), 0, null)).items().stream()
        .map(r -> r.meta().name()).toList();
  }

  @Test
  void labelFiltersMustAllMatch() {
    store.create(widget("m1", "r1", Map.of("env", "prod", "team", "a")), null);
    store.create(widget("m1", "r2", Map.of("env", "prod", "team", "b")), null);
    store.create(widget("m1", "r3", Map.of("env", "dev", "team", "a")), null);
    store.create(widget("m1", "r4"), null);

    assertThat(labelled(Map.of("env", "prod"))).containsExactly("r1", "r2");
    assertThat(labelled(Map.of("env", "prod", "team", "a"))).containsExactly("r1");
    assertThat(labelled(Map.of("team", "a"))).containsExactly("r1", "r3");
    assertThat(labelled(Map.of("env", "prod", "team", "c"))).isEmpty();
    assertThat(labelled(Map.of("missing", "x"))).isEmpty();
    assertThat(labelled(Map.of())).containsExactly("r1", "r2", "r3", "r4");
    ResourceList page = store.list(new ResourceQuery(WIDGET, "m1", "r", Map.of("env", "prod"), 1, null));
    assertThat(page.total()).isEqualTo(2);
    assertThat(page.nextOffset()).isEqualTo("1");
    assertThat(page.items().get(0).meta().labels()).isEqualTo(Map.of("env", "prod", "team", "a"));
  }

  private List<String> labelled(Map<String, String> labels) {
    return store.list(new ResourceQuery(WIDGET, null, null, labels, 0, null)).items().stream()
        .map(r -> r.meta().name()).toList();
  }

  @Test
  void listedResourcesAreComplete() {
    Resource created = store.create(widget("m1", "w1", Map.of("a", "1", "b", "2")).withStatus(status("s")), null);
    store.create(widget("m1", "w2"), null);

    List<Resource> items = list(WIDGET, "m1").items();
    assertThat(items).hasSize(2);
    assertThat(items.get(0).meta()).isEqualTo(created.meta());
    assertThat(items.get(0).spec()).isEqualTo(created.spec());
    assertThat(items.get(0).status()).isEqualTo(status("s"));
    assertThat(items.get(1).meta().labels()).isEmpty();
  }

  @Test
  void offsetsThatAreNotNumbersAreRejectedWithKumasMessage() {
    store.create(widget("m1", "w1"), null);

    assertThatThrownBy(() -> store.list(new ResourceQuery(WIDGET, null, null, Map.of(), 10, "abc")))
        .isInstanceOf(InvalidOffsetException.class)
        .hasMessage("invalid offset: strconv.Atoi: parsing \"abc\": invalid syntax");
    assertThatThrownBy(() -> store.list(new ResourceQuery(WIDGET, null, null, Map.of(), 10, "-5")))
        .isInstanceOf(InvalidOffsetException.class)
        .hasMessage("invalid offset: -5");
  }

  // ---- concurrency and events ----

  @Test
  void concurrentCreatesOfOneKeyHaveExactlyOneWinner() throws Exception {
    List<String> colors = IntStream.range(0, 8).mapToObj(i -> "c" + i).toList();

    List<Object> outcomes = race(colors.stream().<Callable<Object>>map(c -> () -> store.create(
        new Resource(WIDGET, ResourceMeta.of("m1", "contested", Map.of("by", c)), widgetSpec(c)), null)).toList());

    List<Resource> winners = outcomes.stream().filter(Resource.class::isInstance).map(Resource.class::cast).toList();
    assertThat(winners).hasSize(1);
    assertThat(outcomes).filteredOn(ResourceAlreadyExistsException.class::isInstance).hasSize(colors.size() - 1);
    Resource got = store.get(new ResourceKey(WIDGET, "m1", "contested")).orElseThrow();
    assertThat(got.spec()).isEqualTo(winners.get(0).spec());
    assertThat(got.meta().labels()).isEqualTo(winners.get(0).meta().labels());
    assertThat(received.all()).containsExactly(event(Operation.CREATE, WIDGET, "m1", "contested"));
  }

  @Test
  void everySuccessfulWritePublishesOneEventAndFailuresNone() {
    Resource w = store.create(widget("m1", "w1"), null);
    Resource g = store.create(gadget("g1"), null);
    store.update(w.withSpec(widgetSpec("blue")));
    assertThatThrownBy(() -> store.update(w)).isInstanceOf(ResourceConflictException.class);
    assertThatThrownBy(() -> store.create(gadget("g1"), null)).isInstanceOf(ResourceAlreadyExistsException.class);
    store.delete(w.key());
    store.delete(g.key());
    assertThatThrownBy(() -> store.delete(g.key())).isInstanceOf(ResourceNotFoundException.class);

    assertThat(received.all()).containsExactly(
        event(Operation.CREATE, WIDGET, "m1", "w1"),
        event(Operation.CREATE, GADGET, "", "g1"),
        event(Operation.UPDATE, WIDGET, "m1", "w1"),
        event(Operation.DELETE, WIDGET, "m1", "w1"),
        event(Operation.DELETE, GADGET, "", "g1"));
  }

  @Test
  void pingAnswers() {
    store.ping();
    assertThat(store.get(ResourceKey.global(GADGET, "any"))).isEmpty();
  }

  /** Runs the tasks at once (as far as threads allow); returns each result or exception, in order. */
  static List<Object> race(List<Callable<Object>> tasks) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      CountDownLatch ready = new CountDownLatch(tasks.size());
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Object>> futures = new ArrayList<>();
      for (Callable<Object> task : tasks) {
        futures.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          return task.call();
        }));
      }
      assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
      go.countDown();
      List<Object> outcomes = new ArrayList<>();
      for (Future<Object> f : futures) {
        try {
          outcomes.add(f.get(60, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
          outcomes.add(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
          throw new AssertionError("a racing task did not finish", e);
        }
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }
}
