package org.kumaj.cp.store;

import java.util.Optional;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceKey;

/**
 * Durable storage of resources. Implementations: {@code memory}, {@code h2} and {@code postgres};
 * all pass the same contract suite. Every successful write is durable when the method returns and
 * publishes one {@link org.kumaj.cp.events.ResourceChangedEvent} per changed resource (including
 * cascaded deletes) after the transaction commits. Implementations are thread-safe.
 *
 * <p>Only the resource manager writes through this interface; it owns validation, defaulting and
 * labels. The store owns times, versions, owners and cascades.
 */
public interface ResourceStore extends AutoCloseable {

  /** Returns the resource, or empty. */
  Optional<Resource> get(ResourceKey key);

  /**
   * Lists resources of one type, filtered and paged in the backend.
   *
   * @throws InvalidOffsetException if the query's offset is not one this store issued
   */
  ResourceList list(ResourceQuery query);

  /**
   * Stores a new resource. The store sets creation and modification time and the first version;
   * the given meta's times and version are ignored.
   *
   * @param owner the resource whose deletion deletes this one too, or {@code null}
   * @throws ResourceAlreadyExistsException if the key is taken
   * @throws ResourceNotFoundException if {@code owner} does not exist
   */
  Resource create(Resource resource, ResourceKey owner);

  /**
   * Replaces an existing resource's labels, spec and status. The given meta's version must equal
   * the stored one (optimistic concurrency); the store then bumps it and the modification time.
   *
   * @throws ResourceNotFoundException if there is no such resource
   * @throws ResourceConflictException if the version is stale
   */
  Resource update(Resource resource);

  /**
   * Deletes a resource and, recursively, everything it owns.
   *
   * @throws ResourceNotFoundException if there is no such resource
   */
  void delete(ResourceKey key);

  /**
   * Checks that the backend answers (used by readiness).
   *
   * @throws StoreException if it does not
   */
  void ping();

  @Override
  void close();
}
