package org.kumaj.cp.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One API route: a method and a path template whose {@code {var}} segments capture one path
 * segment each. Immutable.
 */
final class Route {
  private final String method;
  private final String template;
  private final Handler handler;
  private final boolean skipAuth;
  private final List<String> parts;
  private final int specificity;

  /**
   * @param method the HTTP method
   * @param template the path template, e.g. {@code /meshes/{mesh}/dataplanes/{name}}
   * @param handler what answers it
   * @param skipAuth served without authentication (Kuma's route metadata {@code auth: skip})
   */
  Route(String method, String template, Handler handler, boolean skipAuth) {
    this.method = method;
    this.template = template;
    this.handler = handler;
    this.skipAuth = skipAuth;
    this.parts = split(template);
    this.specificity = (int) parts.stream().filter(s -> !s.startsWith("{")).count();
  }

  Route(String method, String template, Handler handler) {
    this(method, template, handler, false);
  }

  /** Handles a matched request. */
  @FunctionalInterface
  interface Handler {
    ApiResponse handle(ApiRequest request, Map<String, String> vars, User user);
  }

  String method() {
    return method;
  }

  String template() {
    return template;
  }

  Handler handler() {
    return handler;
  }

  boolean skipAuth() {
    return skipAuth;
  }

  /** Returns the captured variables when {@code path} matches, else null. */
  Map<String, String> match(List<String> pathSegments) {
    if (parts.size() != pathSegments.size()) {
      return null;
    }
    Map<String, String> vars = null;
    for (int i = 0; i < parts.size(); i++) {
      String p = parts.get(i);
      String s = pathSegments.get(i);
      if (p.startsWith("{")) {
        if (s.isEmpty()) {
          return null;
        }
        if (vars == null) {
          vars = new HashMap<>();
        }
        vars.put(p.substring(1, p.length() - 1), s);
      } else if (!p.equals(s)) {
        return null;
      }
    }
    return vars == null ? Map.of() : vars;
  }

  /** Number of literal segments: more literal routes win over more generic ones. */
  int specificity() {
    return specificity;
  }

  static List<String> split(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
  }
}
