package org.kumaj.cp.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kumaj.model.ResourceKey;

/**
 * What the database-backed stores must do beyond the contract: keep data across reopening, and
 * read a page with a constant number of queries whatever its size (no query per resource).
 */
abstract class JpaResourceStoreChecks extends ResourceStoreContract {

  private long statements() {
    return ((JpaResourceStore) store).statementsExecuted();
  }

  @Test
  void resourcesSurviveReopening() {
    store.create(widget("m1", "kept", Map.of("a", "1")), null);
    store.close();

    store = open(clock, events);

    assertThat(store.get(new ResourceKey(ContractTypes.WIDGET, "m1", "kept")).orElseThrow().meta().labels())
        .isEqualTo(Map.of("a", "1"));
  }

  @Test
  void aPageCostsTheSameFewQueriesWhateverItsSize() {
    for (int i = 0; i < 60; i++) {
      store.create(widget("m1", String.format("w%02d", i), Map.of("env", "prod", "n", Integer.toString(i))), null);
    }

    long before = statements();
    ResourceList small = store.list(new ResourceQuery(ContractTypes.WIDGET, "m1", null, Map.of("env", "prod"), 5, null));
    long forSmall = statements() - before;
    before = statements();
    ResourceList big = store.list(new ResourceQuery(ContractTypes.WIDGET, "m1", null, Map.of("env", "prod"), 50, null));
    long forBig = statements() - before;
    before = statements();
    ResourceList last = store.list(new ResourceQuery(ContractTypes.WIDGET, "m1", null, Map.of(), 50, "50"));
    long forLast = statements() - before;

    assertThat(small.items()).hasSize(5);
    assertThat(big.items()).hasSize(50);
    assertThat(big.items()).allSatisfy(r -> assertThat(r.meta().labels()).containsKeys("env", "n"));
    assertThat(forSmall).as("page, labels of the page, count").isEqualTo(3);
    assertThat(forBig).isEqualTo(forSmall);
    assertThat(last.items()).hasSize(10);
    assertThat(forLast).as("the last page needs no count").isEqualTo(2);
    before = statements();
    store.get(new ResourceKey(ContractTypes.WIDGET, "m1", "w07"));
    assertThat(statements() - before).as("get: the row and its labels in one query").isEqualTo(1);
  }
}
