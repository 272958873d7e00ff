package org.kumaj.cp.store;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.kumaj.cp.config.ConfigException;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.events.EventBus;
import org.kumaj.model.ResourceTypes;

/** Opens the store backend that {@code store.type} names. */
@Factory
final class StoreFactory {

  @Singleton
  @Bean(preDestroy = "close")
  ResourceStore store(KumaConfig config, Clock clock, EventBus events) {
    return switch (config.storeType()) {
      case "memory" -> new MemoryResourceStore(clock, events);
      case "h2", "postgres" -> JpaResourceStore.open(config, clock, events, ResourceTypes::byName);
      default -> throw new ConfigException("store type \"" + config.storeType() + "\" is not available; "
          + "set " + KumaConfig.describeKey("store.type") + " to memory, h2 or postgres");
    };
  }
}
