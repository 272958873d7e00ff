package org.kumaj.model.mesh;

import java.util.List;
import org.kumaj.model.ResourceType;

/** The descriptors of Kuma's proto-based core types: meshes, proxies, gateways and insights. */
public final class MeshTypes {
  public static final List<ResourceType> ALL = List.of(
      Mesh.TYPE,
      Dataplane.TYPE,
      DataplaneInsight.TYPE,
      ExternalService.TYPE,
      MeshGateway.TYPE,
      MeshGatewayRoute.TYPE,
      ZoneIngress.TYPE,
      ZoneIngressInsight.TYPE,
      ZoneEgress.TYPE,
      ZoneEgressInsight.TYPE,
      MeshInsight.TYPE,
      ServiceInsight.TYPE);

  private MeshTypes() {}
}
