package org.kumaj.cp.store;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.query.NativeQuery;

/**
 * The queries of {@link JpaResourceStore}, as portable SQL (H2 and PostgreSQL) that Hibernate maps
 * onto the entities. Not HQL: Hibernate's HQL parser costs about a second of CPU on its first use
 * in a JVM (measured), which the control plane would pay during start-up, and the criteria API
 * translates every query on every call (about twice the CPU per get of cached HQL, measured);
 * native SQL costs neither. Stateless.
 */
final class StoreQueries {
  /** One resource and its labels (aliases {@code r}, {@code l}); a row per label, one without. */
  static final String ROW_AND_LABELS = "SELECT {r.*}, {l.*} FROM resources r"
      + " LEFT JOIN resource_labels l ON l.resource_id = r.id"
      + " WHERE r.type = :type AND r.name = :name AND r.mesh = :mesh";
  static final String ID_OF = "SELECT id FROM resources WHERE type = :type AND name = :name AND mesh = :mesh";
  static final String LABELS_OF = "SELECT * FROM resource_labels WHERE resource_id IN (:ids)";
  static final String DELETE_LABELS = "DELETE FROM resource_labels WHERE resource_id = :id AND label_key IN (:keys)";
  static final String DELETE_ROW = "DELETE FROM resources WHERE id = :id";
  /** A resource and everything it owns, at any depth (depth 0: the resource). */
  static final String TREE = """
      WITH RECURSIVE tree (id, type, mesh, name, depth) AS (
        SELECT id, type, mesh, name, 0 FROM resources WHERE type = :type AND name = :name AND mesh = :mesh
        UNION ALL
        SELECT c.id, c.type, c.mesh, c.name, t.depth + 1 FROM resources c JOIN tree t ON c.owner_id = t.id
      )
      SELECT id, type, mesh, name, depth FROM tree""";
  static final String LOCK = "SELECT id FROM resources WHERE id IN (:ids) FOR UPDATE";

  private StoreQueries() {}

  /**
   * A listing's filters over {@code r}: type, mesh, a literal name substring and one EXISTS per
   * label, with their parameters.
   */
  record Filter(String where, String order, Map<String, Object> params) {
    static Filter of(ResourceQuery q) {
      boolean byMesh = q.mesh() != null && q.type().isMeshScoped();
      boolean byName = q.nameContains() != null && !q.nameContains().isEmpty();
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("type", q.type().name());
      if (byMesh) {
        params.put("mesh", q.mesh());
      }
      if (byName) {
        params.put("name", "%" + q.nameContains().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
      }
      int i = 0;
      for (Map.Entry<String, String> label : q.labels().entrySet()) {
        params.put("lk" + i, label.getKey());
        params.put("lv" + i, label.getValue());
        i++;
      }
      return new Filter(where(byMesh, byName, q.labels().size()), order(byMesh), params);
    }

    /**
     * The listing order, name then mesh, spelt as the index that serves the listing so that the
     * database reads the page off the index instead of fetching and sorting every matching row:
     * with type and mesh fixed by the filter, {@code type, mesh, name} (index
     * {@code resources_mesh_idx}) is the same order, and with type fixed {@code type, name, mesh}
     * (the key). H2 does not see that columns fixed by the filter can be left out of the order:
     * with {@code ORDER BY r.name, r.mesh} it sorted all of a mesh's rows for every page (walking
     * 10,000 Dataplanes 100 at a time took 1.3-2.3 s instead of 0.3-0.7 s; docs/benchmarks.md).
     */
    static String order(boolean byMesh) {
      return byMesh ? "r.type, r.mesh, r.name" : "r.type, r.name, r.mesh";
    }

    /** The WHERE clause of one shape of listing. */
    static String where(boolean byMesh, boolean byName, int labels) {
      StringBuilder where = new StringBuilder("r.type = :type");
      if (byMesh) {
        where.append(" AND r.mesh = :mesh");
      }
      if (byName) {
        where.append(" AND r.name LIKE :name ESCAPE '!'");
      }
      for (int i = 0; i < labels; i++) {
        where.append(" AND EXISTS (SELECT 1 FROM resource_labels l WHERE l.resource_id = r.id AND l.label_key = :lk")
            .append(i).append(" AND l.label_value = :lv").append(i).append(")");
      }
      return where.toString();
    }

    /** The rows, in listing order (the caller sets offset and limit). */
    String page() {
      return "SELECT r.* FROM resources r WHERE " + where + " ORDER BY " + order;
    }

    String count() {
      return "SELECT COUNT(*) FROM resources r WHERE " + where;
    }

    <T> NativeQuery<T> bind(NativeQuery<T> query) {
      params.forEach(query::setParameter);
      return query;
    }
  }
}
