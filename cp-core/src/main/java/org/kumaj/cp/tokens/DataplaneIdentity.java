package org.kumaj.cp.tokens;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a dataplane token binds (Kuma's {@code DataplaneIdentity}); an empty field binds nothing.
 * Immutable.
 *
 * @param name the Dataplane name, or empty
 * @param mesh the mesh (always set on issued tokens)
 * @param tags allowed values per tag; every value of such a tag on the Dataplane must be allowed
 * @param type {@code dataplane}, {@code ingress}, {@code egress}, or empty
 * @param workload the required {@code kuma.io/workload} label, or empty
 */
public record DataplaneIdentity(String name, String mesh, Map<String, List<String>> tags, String type,
    String workload) {

  public DataplaneIdentity {
    name = name == null ? "" : name;
    mesh = mesh == null ? "" : mesh;
    TreeMap<String, List<String>> copy = new TreeMap<>();
    if (tags != null) {
      tags.forEach((k, v) -> copy.put(k,
          v == null ? List.of() : v.stream().filter(java.util.Objects::nonNull).toList()));
    }
    tags = java.util.Collections.unmodifiableMap(copy);
    type = type == null ? "" : type;
    workload = workload == null ? "" : workload;
  }
}
