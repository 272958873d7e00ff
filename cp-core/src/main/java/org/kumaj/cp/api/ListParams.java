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
    int size = DEFAULT_SIZE;
    String rawSize = request.param("size");
    if (rawSize != null && !rawSize.isEmpty()) {
      try {
        size = Integer.parseInt(rawSize);
      } catch (NumberFormatException e) {
        throw pageSize("invalid format");
      }
      if (size > MAX_SIZE) {
        throw pageSize("invalid page size of " + size + ". Maximum page size is " + MAX_SIZE);
      }
      if (size <= 0) {
        throw pageSize("must be greater than 0");
      }
    }
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

  private static ApiException pageSize(String reason) {
    return new ApiException(KumaError.invalid(400, TITLE, "Invalid page size", List.of(new Violation("size", reason))));
  }
}
