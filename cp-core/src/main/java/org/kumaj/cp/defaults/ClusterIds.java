package org.kumaj.cp.defaults;

import jakarta.inject.Singleton;
import java.util.UUID;
import org.kumaj.cp.store.ResourceAlreadyExistsException;
import org.kumaj.cp.store.ResourceStore;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.system.Config;

/**
 * The cluster id: a UUID kept in the {@code kuma-cluster-id} Config resource, created by the first
 * instance that starts and shared by every instance on the same store. Thread-safe.
 */
@Singleton
public final class ClusterIds {
  /** Kuma's name of the Config resource holding the cluster id. */
  public static final String CLUSTER_ID_CONFIG = "kuma-cluster-id";
  private final ResourceStore store;

  ClusterIds(ResourceStore store) {
    this.store = store;
  }

  /** Returns the stored cluster id, creating it if this is the first start. */
  public String ensure() {
    ResourceKey key = ResourceKey.global(Config.TYPE, CLUSTER_ID_CONFIG);
    var existing = store.get(key);
    if (existing.isPresent()) {
      return existing.get().spec(Config.class).config();
    }
    try {
      Resource created = store.create(new Resource(Config.TYPE,
          ResourceMeta.of(null, CLUSTER_ID_CONFIG, null), new Config(UUID.randomUUID().toString())), null);
      return created.spec(Config.class).config();
    } catch (ResourceAlreadyExistsException raced) {
      return store.get(key).orElseThrow().spec(Config.class).config();
    }
  }
}
