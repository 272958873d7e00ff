package org.kumaj.cp.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-process fan-out of {@link ResourceChangedEvent}s. Listeners run synchronously on the
 * publishing thread and must return quickly (hand off heavy work); a failing listener is logged and
 * does not affect the others. Thread-safe. One instance per control plane, created before its
 * context (the store, opened early, publishes to it) and registered as a singleton.
 */
public final class EventBus {
  private static final Logger LOG = LoggerFactory.getLogger("events");
  private final List<Consumer<ResourceChangedEvent>> listeners = new CopyOnWriteArrayList<>();

  /** Registers a listener; returns a handle that unregisters it. */
  public AutoCloseable subscribe(Consumer<ResourceChangedEvent> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  public void publish(ResourceChangedEvent event) {
    for (Consumer<ResourceChangedEvent> l : listeners) {
      try {
        l.accept(event);
      } catch (RuntimeException e) {
        LOG.error("event listener failed on {}", event, e);
      }
    }
  }
}
