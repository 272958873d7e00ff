package org.kumaj.cp.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.kumaj.model.ProxySpec;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceType;
import org.kumaj.model.TaggedSpec;
import org.kumaj.model.mesh.Dataplane;

/**
 * The list filters Kuma offers on tagged types (Dataplanes, ExternalServices) beyond names and
 * labels: {@code tag=key:value} (repeatable; a tag matches when its value contains the given text,
 * looking at the resource's tag sets and labels) and, for proxies, {@code gateway=true|false|delegated|builtin}.
 * They look inside the spec, so they run after the store query, as in Kuma. Stateless.
 */
final class TagFilters {
  private TagFilters() {}

  /** The filter {@code request} asks for, or null when it asks for none. */
  static Predicate<Resource> of(ResourceType type, ApiRequest request) {
    if (!TaggedSpec.class.isAssignableFrom(type.specClass())) {
      return null;
    }
    List<String> tags = request.query().getOrDefault("tag", List.of());
    String gateway = ProxySpec.class.isAssignableFrom(type.specClass()) ? request.param("gateway") : null;
    if (tags.isEmpty() && (gateway == null || gateway.isEmpty())) {
      return null;
    }
    List<String[]> wanted = new ArrayList<>();
    for (String t : tags) {
      int colon = t.indexOf(':');
      wanted.add(colon < 0 ? new String[] {t, ""} : new String[] {t.substring(0, colon), t.substring(colon + 1)});
    }
    return r -> matchesTags(r, wanted) && matchesGateway(r, gateway);
  }

  private static boolean matchesTags(Resource r, List<String[]> wanted) {
    List<Map<String, String>> tagSets = new ArrayList<>(((TaggedSpec) r.spec()).tagSets());
    tagSets.add(r.meta().labels());
    for (String[] kv : wanted) {
      if (tagSets.stream().noneMatch(tags -> tags.containsKey(kv[0]) && tags.get(kv[0]).contains(kv[1]))) {
        return false;
      }
    }
    return true;
  }

  private static boolean matchesGateway(Resource r, String gateway) {
    if (gateway == null || gateway.isEmpty()) {
      return true;
    }
    boolean isGateway = ((ProxySpec) r.spec()).proxyType().equals("gateway");
    boolean delegated = isGateway && r.spec() instanceof Dataplane dp && dp.isDelegatedGateway();
    return switch (gateway) {
      case "true" -> isGateway;
      case "false" -> !isGateway;
      case "delegated" -> delegated;
      case "builtin" -> isGateway && !delegated;
      default -> true;
    };
  }
}
