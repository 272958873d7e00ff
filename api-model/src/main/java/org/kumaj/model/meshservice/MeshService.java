package org.kumaj.model.meshservice;

import java.util.List;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.DestinationSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;

/**
 * A MeshService: a service of the mesh, made of the data plane proxies its selector picks, with
 * its ports and identities. The control plane assigns VIPs and hostnames in its status
 * ({@link MeshServiceStatus}).
 *
 * @param state {@code Available} when at least one endpoint is healthy, else {@code Unavailable}
 *     (Kuma's schema defaults it to {@code Unavailable})
 * @param selector which data plane proxies back the service
 * @param ports the ports the service exposes
 * @param identities the identities the service's proxies present
 */
public record MeshService(
    String state,
    MeshServiceSelector selector,
    List<MeshServicePort> ports,
    List<MeshServiceIdentity> identities) implements DestinationSpec {

  public static final String STATE_AVAILABLE = "Available";
  public static final String STATE_UNAVAILABLE = "Unavailable";

  @Override
  public List<Sni> snis(ResourceType type, ResourceMeta meta) {
    return ports == null ? List.of() : ports.stream()
        .map(p -> new Sni(p.port() == null ? 0 : p.port(), DestinationNames.sni(type, meta, p.sectionName())))
        .sorted(java.util.Comparator.comparingInt(Sni::port)).toList();
  }

  public static final ResourceType TYPE = ResourceType.builder("MeshService")
      .scope(Scope.MESH)
      .spec(SpecStyle.NESTED, MeshService.class)
      .wsPath("meshservices")
      .kumactl("meshservice", "meshservices")
      .shortName("msvc")
      .displayNames("Mesh Service", "Mesh Services")
      .kdsFlags(KdsFlags.ZONE_TO_GLOBAL | KdsFlags.SYNCED_ACROSS_ZONES)
      .status(MeshServiceStatus.class, MeshServiceStatus.EMPTY)
      .specDefaults("{\"state\":\"Unavailable\",\"ports\":[{\"appProtocol\":\"tcp\"}]}")
      .validator(new MeshServiceValidator())
      .build();
}
