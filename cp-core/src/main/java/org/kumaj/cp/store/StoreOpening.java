package org.kumaj.cp.store;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.kumaj.cp.config.ConfigException;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.events.EventBus;
import org.kumaj.model.ResourceTypes;

/**
 * The store that {@code store.type} names, being opened on a thread of its own from the moment the
 * control plane knows its configuration, so that connecting, migrating and booting Hibernate overlap
 * with the start of everything else. The {@link ResourceStore} bean is {@link #await()}'s result.
 * Thread-safe.
 */
public final class StoreOpening {
  private final CompletableFuture<ResourceStore> opened;
  private volatile boolean claimed;

  private StoreOpening(CompletableFuture<ResourceStore> opened) {
    this.opened = opened;
  }

  /** Starts opening the store of {@code config} on a new daemon thread and returns at once. */
  public static StoreOpening begin(KumaConfig config, Clock clock, EventBus events) {
    CompletableFuture<ResourceStore> opened = new CompletableFuture<>();
    Thread opener = new Thread(() -> {
      try {
        opened.complete(open(config, clock, events));
      } catch (RuntimeException | Error e) {
        opened.completeExceptionally(e);
      }
    }, "store-open");
    opener.setDaemon(true);
    opener.start();
    return new StoreOpening(opened);
  }

  static ResourceStore open(KumaConfig config, Clock clock, EventBus events) {
    return switch (config.storeType()) {
      case "memory" -> new MemoryResourceStore(clock, events);
      case "h2", "postgres" -> JpaResourceStore.open(config, clock, events, ResourceTypes::byName);
      default -> throw new ConfigException("store type \"" + config.storeType() + "\" is not available; "
          + "set " + KumaConfig.describeKey("store.type") + " to memory, h2 or postgres");
    };
  }

  /**
   * Waits for the store; the caller owns it from then on.
   *
   * @throws StoreException or {@link ConfigException} exactly as opening it threw them
   */
  ResourceStore await() {
    claimed = true;
    try {
      return opened.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /** Closes the store once it is open, unless somebody {@link #await()}ed it and so owns it. */
  public void discardUnclaimed() {
    if (!claimed) {
      opened.thenAccept(ResourceStore::close);
    }
  }
}
