package org.kumaj.model.meshmultizoneservice;

import java.util.List;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.DestinationSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;

/**
 * A MeshMultiZoneService: one service made of the MeshServices of several zones, picked by
 * labels, for cross-zone load balancing and failover. Created on the global control plane only.
 *
 * @param selector which MeshServices are aggregated
 * @param ports the ports taken from the selected MeshServices (at least one)
 */
public record MeshMultiZoneService(
    MeshMultiZoneServiceSelector selector, List<MeshMultiZoneServicePort> ports)
    implements DestinationSpec {

  @Override
  public List<Sni> snis(ResourceType type, ResourceMeta meta) {
    return ports == null ? List.of() : ports.stream()
        .map(p -> new Sni(p.port() == null ? 0 : p.port(),
            org.kumaj.model.meshservice.DestinationNames.sni(type, meta, p.sectionName())))
        .sorted(java.util.Comparator.comparingInt(Sni::port)).toList();
  }

  public static final ResourceType TYPE = ResourceType.builder("MeshMultiZoneService")
      .scope(Scope.MESH)
      .spec(SpecStyle.NESTED, MeshMultiZoneService.class)
      .wsPath("meshmultizoneservices")
      .kumactl("meshmultizoneservice", "meshmultizoneservices")
      .shortName("mzsvc")
      .displayNames("Mesh Multi Zone Service", "Mesh Multi Zone Services")
      .kdsFlags(KdsFlags.GLOBAL_TO_ZONES)
      .status(MeshMultiZoneServiceStatus.class, MeshMultiZoneServiceStatus.EMPTY)
      .specDefaults("{\"ports\":[{\"appProtocol\":\"tcp\"}]}")
      .validator(new MeshMultiZoneServiceValidator())
      .build();
}
