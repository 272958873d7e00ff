package org.kumaj.cp.api;

import java.util.List;

/**
 * The caller of an API request, as Kuma models it.
 *
 * @param name the user name
 * @param groups the groups, including {@code mesh-system:authenticated} for authenticated users
 */
public record User(String name, List<String> groups) {
  /** The group Kuma adds to every authenticated user. */
  public static final String AUTHENTICATED_GROUP = "mesh-system:authenticated";

  /** Kuma's admin user (also every hardened localhost caller). */
  public static final User ADMIN = new User("mesh-system:admin",
      List.of("mesh-system:admin", "mesh-system:authenticated"));
  /** A caller without credentials. */
  public static final User ANONYMOUS = new User("mesh-system:anonymous", List.of("mesh-system:unauthenticated"));

  public User {
    groups = List.copyOf(groups);
  }

  /** {@code name/group1,group2} as Kuma writes users in access-denied messages. */
  String describe() {
    return name + "/" + String.join(",", groups);
  }
}
