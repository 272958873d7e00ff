package org.kumaj.cp.store;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The {@link ResourceStore} bean: the store {@link StoreOpening} has been opening since start-up. */
@Factory
final class StoreFactory {

  @Singleton
  @Bean(preDestroy = "close")
  ResourceStore store(StoreOpening opening) {
    return opening.await();
  }
}
