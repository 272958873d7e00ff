package org.kumaj.cp.store;

import java.util.List;

/**
 * One page of a listing, ordered by name then mesh.
 *
 * @param items the resources of this page
 * @param total how many resources match the query in all pages
 * @param nextOffset the token for the next page, or {@code null} on the last page
 */
public record ResourceList(List<org.kumaj.model.Resource> items, long total, String nextOffset) {
  public ResourceList {
    items = List.copyOf(items);
  }
}
