package org.kumaj.model.meshzoneaddress;

import org.kumaj.model.KdsFlags;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;

/**
 * A MeshZoneAddress: the public address and port of a mesh-scoped zone ingress. Kuma checks it
 * only against its OpenAPI schema (address not empty, port 1-65535); it has no validator.
 *
 * @param address the publicly reachable address of the zone ingress
 * @param port the publicly reachable port of the zone ingress
 */
public record MeshZoneAddress(String address, Integer port) implements ResourceSpec {

  public static final ResourceType TYPE = ResourceType.builder("MeshZoneAddress")
      .scope(Scope.MESH)
      .spec(SpecStyle.NESTED, MeshZoneAddress.class)
      .wsPath("meshzoneaddresses")
      .kumactl("meshzoneaddress", "meshzoneaddresses")
      .shortName("mza")
      .displayNames("Mesh Zone Address", "Mesh Zone Addresses")
      .kdsFlags(KdsFlags.ZONE_TO_GLOBAL | KdsFlags.SYNCED_ACROSS_ZONES)
      .build();
}
