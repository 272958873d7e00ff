package org.kumaj.cp.ca;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.kumaj.model.Resource;
import org.kumaj.model.mesh.Dataplane;
import org.kumaj.pki.MeshCertificates;

/**
 * The tags a Dataplane's identity is derived from (Kuma's {@code identityTags}): every value of
 * every tag of its inbounds and gateway; without a {@code kuma.io/service} tag, the
 * {@code kuma.io/workload} label as the service. Stateless.
 */
final class IdentityTags {
  static final String WORKLOAD_LABEL = "kuma.io/workload";

  private IdentityTags() {}

  /**
   * The tag set of {@code dataplane}, sorted by tag and value.
   *
   * @throws CaException when neither a service tag nor a workload label gives an identity
   */
  static SortedMap<String, SortedSet<String>> of(Resource dataplane) {
    SortedMap<String, SortedSet<String>> tags = new TreeMap<>();
    if (dataplane.spec() instanceof Dataplane spec) {
      for (Map<String, String> set : spec.tagSets()) {
        set.forEach((tag, value) -> {
          if (tag != null && value != null) {
            tags.computeIfAbsent(tag, t -> new TreeSet<>()).add(value);
          }
        });
      }
    }
    if (tags.containsKey(MeshCertificates.SERVICE_TAG)) {
      return unmodifiable(tags);
    }
    String workload = dataplane.meta().label(WORKLOAD_LABEL);
    if (workload == null || workload.isEmpty()) {
      throw new CaException("dataplane \"" + dataplane.meta().name() + "\" has no " + MeshCertificates.SERVICE_TAG
          + " tag and no " + WORKLOAD_LABEL + " label, cannot derive mTLS identity");
    }
    SortedMap<String, SortedSet<String>> fallback = new TreeMap<>();
    fallback.put(MeshCertificates.SERVICE_TAG, new TreeSet<>(java.util.List.of(workload)));
    return unmodifiable(fallback);
  }

  private static SortedMap<String, SortedSet<String>> unmodifiable(SortedMap<String, SortedSet<String>> tags) {
    tags.replaceAll((k, v) -> Collections.unmodifiableSortedSet(v));
    return Collections.unmodifiableSortedMap(tags);
  }
}
