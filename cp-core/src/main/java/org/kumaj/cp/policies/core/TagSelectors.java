package org.kumaj.cp.policies.core;

import java.util.Map;

/**
 * Kuma's tag selectors ({@code mesh_proto.TagSelector}): a map of tag to required value, where the
 * value {@code *} only requires the tag to be present. An empty selector matches everything.
 * Stateless.
 */
public final class TagSelectors {
  /** The value that matches any value of a present tag. */
  public static final String MATCH_ALL = "*";

  private TagSelectors() {}

  /**
   * Kuma's {@code TagSelector.Matches}: every tag of {@code selector} is present in {@code tags}
   * with the same value (or the selector's value is {@code *}).
   *
   * @param selector the selector; null or empty matches everything
   * @param tags the tags to test; null counts as no tags
   */
  public static boolean matches(Map<String, String> selector, Map<String, String> tags) {
    if (selector == null || selector.isEmpty()) {
      return true;
    }
    Map<String, String> actual = tags == null ? Map.of() : tags;
    for (Map.Entry<String, String> e : selector.entrySet()) {
      String value = actual.get(e.getKey());
      if (value == null) {
        return false;
      }
      if (!MATCH_ALL.equals(e.getValue()) && !value.equals(e.getValue())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Kuma's {@code TagSelectorRank.CompareTo}: more tags is more specific; with as many tags, more
   * exact (non-{@code *}) values is more specific.
   *
   * @return negative, zero or positive as {@code a} is less, as or more specific than {@code b}
   */
  static int compareRank(Map<String, String> a, Map<String, String> b) {
    int exactA = exactMatches(a);
    int exactB = exactMatches(b);
    int totalA = a == null ? 0 : a.size();
    int totalB = b == null ? 0 : b.size();
    return totalA == totalB ? Integer.compare(exactA, exactB) : Integer.compare(totalA, totalB);
  }

  private static int exactMatches(Map<String, String> selector) {
    if (selector == null) {
      return 0;
    }
    return (int) selector.values().stream().filter(v -> !MATCH_ALL.equals(v)).count();
  }
}
