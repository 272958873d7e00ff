package org.kumaj.cp.events;

import org.kumaj.model.ResourceType;

/**
 * One resource was created, updated or deleted (by this instance or, on PostgreSQL, by another).
 *
 * @param operation what happened
 * @param type the resource type
 * @param mesh the mesh ({@code ""} for global types)
 * @param name the resource name
 */
public record ResourceChangedEvent(Operation operation, ResourceType type, String mesh, String name) {
  /** The kind of change. */
  public enum Operation {
    CREATE,
    UPDATE,
    DELETE
  }
}
