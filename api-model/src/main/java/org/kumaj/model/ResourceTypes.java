package org.kumaj.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.kumaj.model.legacy.LegacyPolicyTypes;
import org.kumaj.model.mesh.MeshTypes;
import org.kumaj.model.policies.PolicyTypes;
import org.kumaj.model.system.SystemTypes;

/**
 * The registry of every resource type this control plane serves: the explicit list that REST
 * routes, kumactl verbs, KDS and {@code /_resources} loop over. Immutable; thread-safe.
 */
public final class ResourceTypes {
  private static final List<ResourceType> ALL = Stream.of(
          MeshTypes.ALL, SystemTypes.ALL, LegacyPolicyTypes.ALL, PolicyTypes.ALL, NewStyleResourceTypes.ALL)
      .flatMap(List::stream).toList();
  private static final Map<String, ResourceType> BY_NAME = index(ALL, t -> List.of(t.name()));
  private static final Map<String, ResourceType> BY_PATH = index(ALL, t -> Stream.of(t.wsPath(),
      t.alternativeWsPath()).flatMap(Optional::stream).toList());
  private static final Map<String, ResourceType> BY_KUMACTL = index(ALL, t -> Stream.of(t.kumactlArg(),
      t.kumactlListArg()).flatMap(Optional::stream).toList());

  private ResourceTypes() {}

  /** Every type, in registration order. */
  public static List<ResourceType> all() {
    return ALL;
  }

  /** Types served over the HTTP API (those with a REST path), sorted by name. */
  public static List<ResourceType> withApi() {
    return ALL.stream().filter(t -> t.wsPath().isPresent())
        .sorted(java.util.Comparator.comparing(ResourceType::name)).toList();
  }

  public static Optional<ResourceType> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** The type whose REST path or alternative path is {@code path} (e.g. {@code global-secrets}). */
  public static Optional<ResourceType> byPath(String path) {
    return Optional.ofNullable(BY_PATH.get(path));
  }

  /** The type kumactl names {@code arg}, singular or plural. */
  public static Optional<ResourceType> byKumactlArg(String arg) {
    return Optional.ofNullable(BY_KUMACTL.get(arg));
  }

  private static Map<String, ResourceType> index(List<ResourceType> types,
      java.util.function.Function<ResourceType, List<String>> keys) {
    Map<String, ResourceType> map = new LinkedHashMap<>();
    for (ResourceType t : types) {
      for (String key : keys.apply(t)) {
        ResourceType previous = map.put(key, t);
        if (previous != null && previous != t) {
          throw new IllegalStateException("types " + previous + " and " + t + " both claim \"" + key + "\"");
        }
      }
    }
    return Collections.unmodifiableMap(map);
  }
}
