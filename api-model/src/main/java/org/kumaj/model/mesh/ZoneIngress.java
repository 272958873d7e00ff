package org.kumaj.model.mesh;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.ProxySpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;

/**
 * A zone ingress proxy: the entry point of cross-zone traffic into its zone.
 *
 * @param zone zone the ingress belongs to; empty for an ingress of the local zone
 * @param networking addresses and ports of the ingress
 * @param availableServices services reachable through the ingress (computed by the control plane)
 */
public record ZoneIngress(
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) String zone,
    Networking networking,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AvailableService> availableServices)
    implements ProxySpec {

  public static final ResourceType TYPE = ResourceType.builder("ZoneIngress")
      .scope(Scope.GLOBAL)
      .spec(SpecStyle.INLINE, ZoneIngress.class)
      .wsPath("zoneingresses")
      .alternativeWsPath("zone-ingresses")
      .kumactl("zoneingress", "zoneingresses")
      .kumactlAliases("zone-ingress", "zone-ingresses")
      .shortName("zi")
      .displayNames("Zone Ingress", "Zone Ingresses")
      .kdsFlags(KdsFlags.ZONE_TO_GLOBAL | KdsFlags.SYNCED_ACROSS_ZONES)
      .insight("ZoneIngressInsight")
      .validator(new ZoneIngressValidator())
      .build();

  /** Kuma's proxy type label value. */
  @Override
  public String proxyType() {
    return "zoneingress";
  }

  /**
   * Addresses and ports of a zone ingress.
   *
   * @param address address the ingress listens on
   * @param advertisedAddress address other zones use to reach the ingress
   * @param port port the ingress listens on
   * @param advertisedPort port other zones use to reach the ingress
   * @param admin Envoy admin API settings
   */
  public record Networking(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String address,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String advertisedAddress,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer port,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer advertisedPort,
      EnvoyAdmin admin) {}

  /**
   * A service reachable through a zone ingress.
   *
   * @param tags tags of the service
   * @param instances number of instances
   * @param mesh mesh of the service
   * @param externalService whether it is an ExternalService
   */
  public record AvailableService(
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> tags,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer instances,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String mesh,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean externalService) {}
}
