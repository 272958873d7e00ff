package org.kumaj.cp.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One label of one resource: a row of table {@code resource_labels}. Labels live in their own
 * table so that label filters are indexed SQL on every database. Mutable, as Hibernate wants it;
 * used only inside {@link JpaResourceStore}, one thread at a time.
 */
@Entity(name = "LabelRow")
@Table(name = "resource_labels")
@IdClass(LabelRow.Key.class)
class LabelRow {
  @Id
  @Column(name = "resource_id", nullable = false)
  Long resourceId;

  @Id
  @Column(name = "label_key", nullable = false)
  String key;

  @Column(name = "label_value", nullable = false)
  String value;

  protected LabelRow() {}

  LabelRow(Long resourceId, String key, String value) {
    this.resourceId = resourceId;
    this.key = key;
    this.value = value;
  }

  /** The composite primary key (resource, label key). Immutable. */
  static final class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    Long resourceId;
    String key;

    Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(resourceId, k.resourceId) && Objects.equals(key, k.key);
    }

    @Override
    public int hashCode() {
      return Objects.hash(resourceId, key);
    }
  }
}
