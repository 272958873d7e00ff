package org.kumaj.cp.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kumaj.model.validation.Violation;

/**
 * The list query of Kuma's API: {@code size} (default 100, at most 1000), {@code offset},
 * {@code name} (substring) and {@code filter[labels.<key>]=<value>}, with Kuma's error messages.
 *
 * @param size the page size
 * @param offset the offset token, or null
 * @param name the name substring, or null
 * @param labels label equality filters
 */
record ListParams(int size, String offset, String name, Map<String, String> labels) {
  static final int DEFAULT_SIZE = 100;
  static final int MAX_SIZE = 1000;
  static final String TITLE = "Could not retrieve resources";

  /**
   * Parses the list parameters of {@code request} for the route {@code routePattern} (Kuma names
   * filter fields after the route, e.g. {@code /meshes/{mesh}/dataplanes.filter[...]}).
   */
  static ListParams parse(ApiRequest request, String routePattern) {
    int size = size(request, TITLE);
    Map<String, String> labels = new LinkedHashMap<>();
    List<Violation> problems = new ArrayList<>();
    for (Map.Entry<String, List<String>> p : request.query().entrySet()) {
      String key = p.getKey();
      if (!key.startsWith("filter[")) {
        continue;
      }
      String field = routePattern + "." + key;
      int close = key.indexOf(']');
      if (close < 0) {
        problems.add(new Violation(field, "filters are only supported on labels"));
        continue;
      }
      String inner = key.substring("filter[".length(), close);
      if (close != key.length() - 1) {
        problems.add(new Violation(field, "advanced filters are not supported"));
      } else if (!inner.startsWith("labels.")) {
        problems.add(new Violation(field, "filters are only supported on labels"));
      } else {
        labels.put(inner.substring("labels.".length()), p.getValue().isEmpty() ? "" : p.getValue().get(0));
      }
    }
    if (!problems.isEmpty()) {
      throw Errors.invalid(TITLE, problems);
    }
    String name = request.param("name");
    return new ListParams(size, request.param("offset"), name == null || name.isEmpty() ? null : name, labels);
  }

  /**
   * The offset of lists paged in memory (an index), Kuma's memory-store offsets: absent is 0, and
   * anything but a non-negative integer answers 400 with {@code title}.
   */
  static int numericOffset(String offset, String title) {
    if (offset == null || offset.isEmpty()) {
      return 0;
    }
    try {
      int value = Integer.parseInt(offset);
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new ApiException(KumaError.of(400, title,
        "invalid: invalid offset: strconv.Atoi: parsing \"" + offset + "\": invalid syntax"));
  }

  /** Kuma's {@code pagination}: only {@code size} and {@code offset}, errors titled {@code title}. */
  static ListParams page(ApiRequest request, String title) {
    return new ListParams(size(request, title), request.param("offset"), null, Map.of());
  }

  private static int size(ApiRequest request, String title) {
    String rawSize = request.param("size");
    if (rawSize == null || rawSize.isEmpty()) {
      return DEFAULT_SIZE;
    }
    int size;
    try {
      size = Integer.parseInt(rawSize);
    } catch (NumberFormatException e) {
      throw pageSize(title, "invalid format");
    }
    if (size <= 0) {
      throw pageSize(title, "must be greater than 0");
    }
    if (size > MAX_SIZE) {
      throw pageSize(title, "invalid page size of " + size + ". Maximum page size is " + MAX_SIZE);
    }
    return size;
  }

  private static ApiException pageSize(String title, String reason) {
    return new ApiException(KumaError.invalid(400, title, "Invalid page size", List.of(new Violation("size", reason))));
  }
}
