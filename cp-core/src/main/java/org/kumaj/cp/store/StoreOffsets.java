package org.kumaj.cp.store;

import java.util.List;
import org.kumaj.model.Resource;

/** Numeric page offsets, the form every store of ours issues. Stateless. */
final class StoreOffsets {
  private StoreOffsets() {}

  /**
   * Parses an offset token ({@code null} = first page).
   *
   * @throws InvalidOffsetException with Go's wording for a non-number, as Kuma reports it
   */
  static long parse(String offset) {
    if (offset == null || offset.isEmpty()) {
      return 0;
    }
    try {
      long value = Long.parseLong(offset);
      if (value < 0) {
        throw new InvalidOffsetException("invalid offset: " + offset);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new InvalidOffsetException(
          "invalid offset: strconv.Atoi: parsing \"" + offset + "\": invalid syntax");
    }
  }

  /** Cuts one page out of an ordered, already-filtered list. */
  static ResourceList page(List<Resource> ordered, long total, long offset, int size) {
    int from = (int) Math.min(offset, ordered.size());
    int to = size == 0 ? ordered.size() : (int) Math.min(ordered.size(), (long) from + size);
    String next = to < total ? Long.toString(to) : null;
    return new ResourceList(ordered.subList(from, to), total, next);
  }
}
