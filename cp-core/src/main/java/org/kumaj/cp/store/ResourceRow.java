package org.kumaj.cp.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One row of table {@code resources} (see {@code db/migration}). Mutable, as Hibernate wants it;
 * used only inside {@link JpaResourceStore}, one thread at a time.
 */
@Entity(name = "ResourceRow")
@Table(name = "resources")
class ResourceRow {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "type", nullable = false, updatable = false)
  String type;

  @Column(name = "mesh", nullable = false, updatable = false)
  String mesh;

  @Column(name = "name", nullable = false, updatable = false)
  String name;

  /** The optimistic version; Hibernate adds {@code AND version = ?} to every update and bumps it. */
  @Version
  @Column(name = "version", nullable = false)
  Long version;

  @Column(name = "spec", nullable = false)
  String spec;

  @Column(name = "status")
  String status;

  @Column(name = "creation_time", nullable = false, updatable = false)
  Instant creationTime;

  @Column(name = "modification_time", nullable = false)
  Instant modificationTime;

  @Column(name = "owner_id", updatable = false)
  Long ownerId;

  protected ResourceRow() {}
}
