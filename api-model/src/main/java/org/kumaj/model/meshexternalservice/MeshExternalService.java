package org.kumaj.model.meshexternalservice;

import java.util.List;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.DestinationSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;
import org.kumaj.model.hostnamegenerator.Extension;

/**
 * A MeshExternalService: a destination outside the mesh (an API, a database) reached through the
 * sidecar on a generated hostname, with its endpoints and optional TLS origination.
 *
 * @param match the traffic routed to this service (hostname type, port, protocol)
 * @param extension plugin configuration; with it, endpoints and TLS are left to the plugin
 * @param endpoints where traffic is sent
 * @param tls TLS origination by the proxy
 */
public record MeshExternalService(
    MeshExternalServiceMatch match,
    Extension extension,
    List<MeshExternalServiceEndpoint> endpoints,
    MeshExternalServiceTls tls) implements DestinationSpec {

  @Override
  public List<Sni> snis(ResourceType type, ResourceMeta meta) {
    if (match == null || match.port() == null) {
      return List.of();
    }
    return List.of(new Sni(match.port(),
        org.kumaj.model.meshservice.DestinationNames.sni(type, meta, match.sectionName())));
  }

  public static final ResourceType TYPE = ResourceType.builder("MeshExternalService")
      .scope(Scope.MESH)
      .spec(SpecStyle.NESTED, MeshExternalService.class)
      .wsPath("meshexternalservices")
      .kumactl("meshexternalservice", "meshexternalservices")
      .shortName("extsvc")
      .displayNames("Mesh External Service", "Mesh External Services")
      .kdsFlags(KdsFlags.GLOBAL_TO_ZONES | KdsFlags.ZONE_TO_GLOBAL)
      .status(MeshExternalServiceStatus.class, MeshExternalServiceStatus.EMPTY)
      .specDefaults("{\"match\":{\"type\":\"HostnameGenerator\",\"protocol\":\"tcp\"},"
          + "\"tls\":{\"allowRenegotiation\":false,\"enabled\":false,\"verification\":{\"mode\":\"Secured\","
          + "\"subjectAltNames\":[{\"type\":\"Exact\"}]},\"version\":{\"max\":\"TLSAuto\",\"min\":\"TLSAuto\"}}}")
      .validator(new MeshExternalServiceValidator())
      .build();
}
