package org.kumaj.cp.store;

import java.time.Clock;
import org.kumaj.cp.events.EventBus;

/** The contract on the {@code memory} store. */
class MemoryResourceStoreContractTest extends ResourceStoreContract {
  @Override
  protected ResourceStore open(Clock clock, EventBus events) {
    return new MemoryResourceStore(clock, events);
  }

  @Override
  protected void wipe() {
    // every test gets a new, empty store
  }
}
