package org.kumaj.model.policies.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Immutable copies for record components. Maps are sorted by key because Kuma (Go's
 * encoding/json) writes map keys in sorted order. Null stays null (an absent field).
 */
public final class Copies {
  private Copies() {}

  /** An unmodifiable copy of {@code list} (null elements kept), or null. */
  public static <T> List<T> list(List<T> list) {
    return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
  }

  /** An unmodifiable copy of {@code map} sorted by key, or null. */
  public static <V> Map<String, V> map(Map<String, V> map) {
    return map == null ? null : Collections.unmodifiableMap(new TreeMap<>(map));
  }

  /** The list, or an empty list when it is null (Go's {@code pointer.Deref}). */
  public static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** The map, or an empty map when it is null. */
  public static <V> Map<String, V> orEmpty(Map<String, V> map) {
    return map == null ? Map.of() : map;
  }

  /** The number of elements, 0 for null. */
  public static int size(List<?> list) {
    return list == null ? 0 : list.size();
  }
}
