package org.kumaj.cp.manager;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.store.ResourceList;
import org.kumaj.cp.store.ResourceQuery;
import org.kumaj.cp.store.ResourceStore;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.ResourceType;
import org.kumaj.model.ResourceTypes;
import org.kumaj.model.mesh.Dataplane;
import org.kumaj.model.mesh.Mesh;
import org.kumaj.model.validation.MetaValidation;
import org.kumaj.model.validation.ValidationException;
import org.kumaj.model.validation.Violations;

/**
 * The only writer of the store: validates metadata and spec with the type's descriptor, adds
 * Kuma's computed labels, checks that the mesh exists, sets owners (a mesh owns what lives in it;
 * an insight is owned by its resource) and runs the mesh-created hooks. Reads go straight to the
 * store. Thread-safe.
 */
@Singleton
public final class ResourceManager {
  static final String MESH_IN_USE = "unable to delete mesh, there are still some dataplanes attached";

  private final ResourceStore store;
  private final ComputedLabels labels;
  private final boolean unsafeDelete;
  private final List<MeshCreatedHook> meshHooks;
  private final List<MeshWriteCheck> meshChecks;

  ResourceManager(ResourceStore store, KumaConfig config, List<MeshCreatedHook> meshHooks,
      List<MeshWriteCheck> meshChecks) {
    this.store = store;
    this.labels = new ComputedLabels(config);
    this.unsafeDelete = config.bool("store.unsafeDelete");
    this.meshHooks = meshHooks;
    this.meshChecks = meshChecks;
  }

  public Optional<Resource> get(ResourceKey key) {
    return store.get(key);
  }

  public ResourceList list(ResourceQuery query) {
    return store.list(query);
  }

  /** The computed labels this manager adds; the API compares them for immutable labels. */
  public ComputedLabels computedLabels() {
    return labels;
  }

  /**
   * Validates and stores a new resource.
   *
   * @throws ValidationException with every violation found
   * @throws MeshNotFoundException if a mesh-scoped resource names a missing mesh
   * @throws org.kumaj.cp.store.ResourceAlreadyExistsException if the key is taken
   */
  public WriteResult create(Resource resource) {
    Violations violations = validate(resource, null);
    Resource labelled = withComputedLabels(resource);
    ResourceKey owner = owner(labelled);
    Resource stored = store.create(labelled, owner);
    if (stored.type().equals(Mesh.TYPE)) {
      for (MeshCreatedHook hook : meshHooks) {
        hook.meshCreated(stored, this);
      }
    }
    return new WriteResult(stored, violations.warnings());
  }

  /**
   * Validates and stores a new version of an existing resource. {@code resource.meta().version()}
   * must be the version the caller read.
   *
   * @throws ValidationException with every violation found
   * @throws org.kumaj.cp.store.ResourceConflictException if someone else wrote first
   */
  public WriteResult update(Resource resource) {
    Violations violations = validate(resource,
        resource.type().equals(Mesh.TYPE) ? store.get(resource.key()).orElse(null) : null);
    Resource stored = store.update(withComputedLabels(resource));
    return new WriteResult(stored, violations.warnings());
  }

  /**
   * Deletes a resource and everything it owns. A Mesh with Dataplanes is refused unless
   * {@code store.unsafeDelete}.
   *
   * @throws ValidationException if the mesh is still in use
   * @throws org.kumaj.cp.store.ResourceNotFoundException if there is no such resource
   */
  public void delete(ResourceKey key) {
    if (key.type().equals(Mesh.TYPE) && !unsafeDelete && store.get(key).isPresent()) {
      ResourceList dataplanes = store.list(new ResourceQuery(Dataplane.TYPE, key.name(), null, java.util.Map.of(), 1, null));
      if (dataplanes.total() > 0) {
        throw ValidationException.of("mesh", MESH_IN_USE);
      }
    }
    store.delete(key);
  }

  /** Meta and spec rules, then for a Mesh the {@link MeshWriteCheck}s ({@code previous}: null on create). */
  private Violations validate(Resource resource, Resource previous) {
    Violations violations = new Violations();
    MetaValidation.meta(resource.type(), resource.meta(), violations);
    resource.type().validator().validate(resource.meta(), resource.spec(), violations);
    violations.throwIfAny();
    if (resource.type().equals(Mesh.TYPE)) {
      for (MeshWriteCheck check : meshChecks) {
        check.check(resource, previous, this, violations);
      }
      violations.throwIfAny();
    }
    return violations;
  }

  private Resource withComputedLabels(Resource resource) {
    ResourceMeta meta = resource.meta();
    return resource.withMeta(meta.withLabels(
        labels.compute(resource.type(), resource.spec(), meta.labels(), meta.mesh())));
  }

  private ResourceKey owner(Resource resource) {
    ResourceType type = resource.type();
    if (type.ownerTypeName().isPresent()) {
      ResourceType ownerType = ResourceTypes.byName(type.ownerTypeName().get()).orElseThrow();
      return new ResourceKey(ownerType, resource.key().mesh(), resource.meta().name());
    }
    if (type.isMeshScoped()) {
      ResourceKey mesh = ResourceKey.global(Mesh.TYPE, resource.meta().mesh());
      if (store.get(mesh).isEmpty()) {
        throw new MeshNotFoundException(resource.meta().mesh());
      }
      return mesh;
    }
    return null;
  }
}
