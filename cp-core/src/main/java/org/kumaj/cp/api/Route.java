package org.kumaj.cp.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One API route: a method and a path template whose {@code {var}} segments capture one path
 * segment each. Immutable.
 *
 * @param method the HTTP method
 * @param template the path template, e.g. {@code /meshes/{mesh}/dataplanes/{name}}
 * @param handler what answers it
 */
record Route(String method, String template, Handler handler) {

  /** Handles a matched request. */
  @FunctionalInterface
  interface Handler {
    ApiResponse handle(ApiRequest request, Map<String, String> vars, User user);
  }

  List<String> segments() {
    return split(template);
  }

  /** Returns the captured variables when {@code path} matches, else null. */
  Map<String, String> match(List<String> pathSegments) {
    List<String> parts = segments();
    if (parts.size() != pathSegments.size()) {
      return null;
    }
    Map<String, String> vars = new HashMap<>();
    for (int i = 0; i < parts.size(); i++) {
      String p = parts.get(i);
      String s = pathSegments.get(i);
      if (p.startsWith("{")) {
        if (s.isEmpty()) {
          return null;
        }
        vars.put(p.substring(1, p.length() - 1), s);
      } else if (!p.equals(s)) {
        return null;
      }
    }
    return vars;
  }

  /** Number of literal segments: more literal routes win over more generic ones. */
  int specificity() {
    return (int) segments().stream().filter(s -> !s.startsWith("{")).count();
  }

  static List<String> split(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
  }
}
