package org.kumaj.cp.manager;

import java.util.LinkedHashMap;
import java.util.Map;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.Kri;
import org.kumaj.model.ProxySpec;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;

/**
 * The labels Kuma 2.14 adds to a resource written through the API or created as a default
 * ({@code pkg/core/resources/labels/compute.go} on Universal): {@code kuma.io/mesh} on mesh-scoped
 * types, and on a zone {@code kuma.io/origin}, {@code kuma.io/zone} and {@code kuma.io/env} for types
 * a zone may provide, and {@code kuma.io/proxy-type} on proxies. Existing values are kept. Stateless.
 */
public final class ComputedLabels {
  /** The mesh a mesh-scoped resource belongs to. */
  public static final String MESH = "kuma.io/mesh";
  /** Where a resource was created: {@code zone} or {@code global}. */
  public static final String ORIGIN = "kuma.io/origin";
  /** The environment of the zone that created the resource. */
  public static final String ENV = "kuma.io/env";
  /** The kind of data plane proxy. */
  public static final String PROXY_TYPE = "kuma.io/proxy-type";

  private final boolean zoneMode;
  private final String zoneName;

  public ComputedLabels(KumaConfig config) {
    this.zoneMode = config.mode().equals("zone");
    this.zoneName = config.string("multizone.zone.name");
  }

  /** Returns {@code existing} plus the computed labels for a resource of {@code type} in {@code mesh}. */
  public Map<String, String> compute(ResourceType type, ResourceSpec spec, Map<String, String> existing,
      String mesh) {
    Map<String, String> labels = new LinkedHashMap<>(existing);
    if (type.isMeshScoped()) {
      labels.putIfAbsent(MESH, mesh == null || mesh.isEmpty() ? "default" : mesh);
    }
    if (zoneMode && KdsFlags.has(type.kdsFlags(), KdsFlags.PROVIDED_BY_ZONE)) {
      labels.putIfAbsent(ORIGIN, "zone");
      if (!"global".equals(labels.get(ORIGIN))) {
        labels.putIfAbsent(Kri.ZONE_LABEL, zoneName);
        labels.putIfAbsent(ENV, "universal");
      }
    }
    if (spec instanceof ProxySpec proxy) {
      labels.put(PROXY_TYPE, proxy.proxyType());
    }
    return labels;
  }
}
