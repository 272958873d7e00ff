package org.kumaj.model;

import java.util.List;

/**
 * The spec of a destination (MeshService, MeshExternalService, MeshMultiZoneService): Kuma adds the
 * SNI of each of its ports to the resource's REST form ({@code snis}).
 */
public interface DestinationSpec extends ResourceSpec {
  /** One port and the SNI clients use to reach it. */
  record Sni(int port, String sni) {}

  /** The SNIs of every port of the destination {@code meta} describes. */
  List<Sni> snis(ResourceType type, ResourceMeta meta);
}
