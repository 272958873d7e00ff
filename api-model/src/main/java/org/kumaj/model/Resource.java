package org.kumaj.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One Kuma resource: its type, metadata, typed spec and (for types with status) the status object.
 * Immutable and thread-safe as long as nobody mutates the status node: {@link #withStatus} copies
 * what it is given, and callers must treat {@link #status()} as read-only.
 */
public final class Resource {
  private final ResourceType type;
  private final ResourceMeta meta;
  private final ResourceSpec spec;
  private final ObjectNode status;

  public Resource(ResourceType type, ResourceMeta meta, ResourceSpec spec, ObjectNode status) {
    this.type = Objects.requireNonNull(type, "type");
    this.meta = Objects.requireNonNull(meta, "meta");
    this.spec = Objects.requireNonNull(spec, "spec");
    if (!type.specClass().isInstance(spec)) {
      throw new IllegalArgumentException(
          "spec of " + type.name() + " must be " + type.specClass().getSimpleName());
    }
    if (type.isMeshScoped() && meta.mesh() == null) {
      throw new IllegalArgumentException(type.name() + " is mesh-scoped but has no mesh");
    }
    this.status = status;
  }

  public Resource(ResourceType type, ResourceMeta meta, ResourceSpec spec) {
    this(type, meta, spec, null);
  }

  public ResourceType type() {
    return type;
  }

  public ResourceMeta meta() {
    return meta;
  }

  public ResourceSpec spec() {
    return spec;
  }

  /** Returns the spec cast to its concrete class. */
  public <S extends ResourceSpec> S spec(Class<S> specClass) {
    return specClass.cast(spec);
  }

  /** The status object of types that have one; {@code null} otherwise or when never set. */
  public ObjectNode status() {
    return status;
  }

  public ResourceKey key() {
    return new ResourceKey(type, type.isMeshScoped() ? meta.mesh() : "", meta.name());
  }

  public Resource withMeta(ResourceMeta newMeta) {
    return new Resource(type, newMeta, spec, status);
  }

  public Resource withSpec(ResourceSpec newSpec) {
    return new Resource(type, meta, newSpec, status);
  }

  public Resource withStatus(ObjectNode newStatus) {
    return new Resource(type, meta, spec, newStatus == null ? null : newStatus.deepCopy());
  }

  @Override
  public String toString() {
    return key().toString();
  }
}
