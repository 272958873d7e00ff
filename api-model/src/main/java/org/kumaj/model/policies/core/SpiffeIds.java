package org.kumaj.model.policies.core;

/** SPIFFE ID syntax checks with the messages of Kuma's SPIFFE library ({@code go-spiffe}). */
public final class SpiffeIds {
  private static final String SCHEME = "spiffe://";

  private SpiffeIds() {}

  /** Why {@code id} is not a SPIFFE ID ({@code spiffeid.FromString}), or null when it is one. */
  public static String error(String id) {
    if (id.isEmpty()) {
      return "cannot be empty";
    }
    if (!id.startsWith(SCHEME)) {
      return "scheme is missing or invalid";
    }
    int pathIdx = SCHEME.length();
    for (; pathIdx < id.length(); pathIdx++) {
      char c = id.charAt(pathIdx);
      if (c == '/') {
        break;
      }
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_')) {
        return "trust domain characters are limited to lowercase letters, numbers, dots, dashes, and"
            + " underscores";
      }
    }
    if (pathIdx == SCHEME.length()) {
      return "trust domain is missing";
    }
    return pathError(id.substring(pathIdx));
  }

  private static String pathError(String path) {
    if (path.isEmpty()) {
      return null;
    }
    if (path.charAt(0) != '/') {
      return "path must have a leading slash";
    }
    int segmentStart = 0;
    int segmentEnd = 0;
    for (; segmentEnd < path.length(); segmentEnd++) {
      char c = path.charAt(segmentEnd);
      if (c == '/') {
        String segment = path.substring(segmentStart, segmentEnd);
        if (segment.equals("/")) {
          return "path cannot contain empty segments";
        }
        if (segment.equals("/.") || segment.equals("/..")) {
          return "path cannot contain dot segments";
        }
        segmentStart = segmentEnd;
        continue;
      }
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_')) {
        return "path segment characters are limited to letters, numbers, dots, dashes, and"
            + " underscores";
      }
    }
    String last = path.substring(segmentStart, segmentEnd);
    if (last.equals("/")) {
      return "path cannot have a trailing slash";
    }
    if (last.equals("/.") || last.equals("/..")) {
      return "path cannot contain dot segments";
    }
    return null;
  }
}
