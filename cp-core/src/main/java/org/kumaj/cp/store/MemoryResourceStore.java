package org.kumaj.cp.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.kumaj.cp.events.EventBus;
import org.kumaj.cp.events.ResourceChangedEvent;
import org.kumaj.cp.events.ResourceChangedEvent.Operation;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceKey;

/**
 * The {@code memory} store: everything in a map, lost on restart. Offsets are list indexes, as in
 * Kuma's memory store. Thread-safe (one read-write lock).
 */
final class MemoryResourceStore implements ResourceStore {
  private static final Comparator<Resource> ORDER = Comparator
      .comparing((Resource r) -> r.meta().name())
      .thenComparing(r -> r.key().mesh());

  private final Clock clock;
  private final EventBus events;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<ResourceKey, Resource> resources = new HashMap<>();
  private final Map<ResourceKey, ResourceKey> owners = new HashMap<>();

  MemoryResourceStore(Clock clock, EventBus events) {
    this.clock = clock;
    this.events = events;
  }

  @Override
  public Optional<Resource> get(ResourceKey key) {
    lock.readLock().lock();
    try {
      return Optional.ofNullable(resources.get(key));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public ResourceList list(ResourceQuery q) {
    long offset = StoreOffsets.parse(q.offset());
    List<Resource> matching = new ArrayList<>();
    lock.readLock().lock();
    try {
      for (Resource r : resources.values()) {
        if (r.type().equals(q.type()) && StoreFilters.matches(q, r)) {
          matching.add(r);
        }
      }
    } finally {
      lock.readLock().unlock();
    }
    matching.sort(ORDER);
    return StoreOffsets.page(matching, matching.size(), offset, q.size());
  }

  @Override
  public Resource create(Resource resource, ResourceKey owner) {
    ResourceKey key = resource.key();
    Resource stored;
    lock.writeLock().lock();
    try {
      if (resources.containsKey(key)) {
        throw new ResourceAlreadyExistsException(key + " already exists");
      }
      if (owner != null && !resources.containsKey(owner)) {
        throw new ResourceNotFoundException("owner " + owner + " of " + key + " does not exist");
      }
      Instant now = clock.instant();
      stored = resource.withMeta(resource.meta().stored(now, now, "1"));
      resources.put(key, stored);
      if (owner != null) {
        owners.put(key, owner);
      }
    } finally {
      lock.writeLock().unlock();
    }
    events.publish(new ResourceChangedEvent(Operation.CREATE, resource.type(), key.mesh(), key.name()));
    return stored;
  }

  @Override
  public Resource update(Resource resource) {
    ResourceKey key = resource.key();
    Resource stored;
    lock.writeLock().lock();
    try {
      Resource current = resources.get(key);
      if (current == null) {
        throw new ResourceNotFoundException(key + " does not exist");
      }
      if (!current.meta().version().equals(resource.meta().version())) {
        throw new ResourceConflictException("version conflict on " + key + ": stored "
            + current.meta().version() + ", given " + resource.meta().version());
      }
      String next = Long.toString(Long.parseLong(current.meta().version()) + 1);
      stored = resource.withMeta(resource.meta().stored(current.meta().creationTime(), clock.instant(), next));
      resources.put(key, stored);
    } finally {
      lock.writeLock().unlock();
    }
    events.publish(new ResourceChangedEvent(Operation.UPDATE, resource.type(), key.mesh(), key.name()));
    return stored;
  }

  @Override
  public void delete(ResourceKey key) {
    List<ResourceKey> deleted = new ArrayList<>();
    lock.writeLock().lock();
    try {
      if (!resources.containsKey(key)) {
        throw new ResourceNotFoundException(key + " does not exist");
      }
      deleteTree(key, deleted);
    } finally {
      lock.writeLock().unlock();
    }
    for (ResourceKey k : deleted) {
      events.publish(new ResourceChangedEvent(Operation.DELETE, k.type(), k.mesh(), k.name()));
    }
  }

  private void deleteTree(ResourceKey key, List<ResourceKey> deleted) {
    List<ResourceKey> children = owners.entrySet().stream()
        .filter(e -> e.getValue().equals(key)).map(Map.Entry::getKey).toList();
    for (ResourceKey child : children) {
      deleteTree(child, deleted);
    }
    resources.remove(key);
    owners.remove(key);
    deleted.add(key);
  }

  @Override
  public void ping() {
    // always answers
  }

  @Override
  public void close() {
    // nothing to release
  }
}
