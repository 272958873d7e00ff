package org.kumaj.cp.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.kumaj.cp.events.ResourceChangedEvent;

/** Records the events of a bus; tests wait on it (woken by each event, bounded by a deadline). */
final class EventRecorder implements Consumer<ResourceChangedEvent> {
  private final List<ResourceChangedEvent> events = new ArrayList<>();

  @Override
  public synchronized void accept(ResourceChangedEvent e) {
    events.add(e);
    notifyAll();
  }

  synchronized List<ResourceChangedEvent> all() {
    return List.copyOf(events);
  }

  synchronized ResourceChangedEvent last() {
    return events.get(events.size() - 1);
  }

  synchronized void clear() {
    events.clear();
  }

  /**
   * Blocks until the recorded events satisfy {@code condition}.
   *
   * @throws AssertionError if they do not within {@code timeout}
   */
  synchronized List<ResourceChangedEvent> await(Predicate<List<ResourceChangedEvent>> condition, Duration timeout)
      throws InterruptedException {
    if (!waitFor(condition, timeout)) {
      throw new AssertionError("events did not arrive within " + timeout + "; got " + events);
    }
    return List.copyOf(events);
  }

  /** Blocks until the recorded events satisfy {@code condition} or {@code timeout} passes; says which. */
  synchronized boolean waitFor(Predicate<List<ResourceChangedEvent>> condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.test(events)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
