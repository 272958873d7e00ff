package org.kumaj.cp.store;

import java.util.Map;
import org.kumaj.model.Resource;

/** The in-Java form of a query's filters, for stores that filter in memory. Stateless. */
final class StoreFilters {
  private StoreFilters() {}

  static boolean matches(ResourceQuery q, Resource r) {
    if (q.mesh() != null && q.type().isMeshScoped() && !q.mesh().equals(r.meta().mesh())) {
      return false;
    }
    if (q.nameContains() != null && !r.meta().name().contains(q.nameContains())) {
      return false;
    }
    for (Map.Entry<String, String> label : q.labels().entrySet()) {
      if (!label.getValue().equals(r.meta().labels().get(label.getKey()))) {
        return false;
      }
    }
    return true;
  }
}
