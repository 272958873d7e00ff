package org.kumaj.cp.xds;

import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of the xDS layer: one scheduler for debouncing and NACK backoff, and a small pool for
 * snapshot generation (sized to the CPUs). Daemon threads.
 */
@Singleton
@Requires(property = "kumaj.listeners.dp-server.port")
final class XdsExecutors {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(named("xds-scheduler"));
  private final int parallelism = Math.max(2, Runtime.getRuntime().availableProcessors());
  private final ExecutorService workers = Executors.newFixedThreadPool(parallelism, named("xds-generator"));

  ScheduledExecutorService scheduler() {
    return scheduler;
  }

  ExecutorService workers() {
    return workers;
  }

  /** How many worker threads there are. */
  int parallelism() {
    return parallelism;
  }

  @PreDestroy
  void stop() {
    scheduler.shutdownNow();
    workers.shutdownNow();
  }

  private static java.util.concurrent.ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
