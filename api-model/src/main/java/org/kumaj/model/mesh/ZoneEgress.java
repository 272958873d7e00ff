package org.kumaj.model.mesh;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.ProxySpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;

/**
 * A zone egress proxy: the exit point of cross-zone and external traffic of its zone.
 *
 * @param zone zone the egress belongs to
 * @param networking address and port of the egress
 */
public record ZoneEgress(
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) String zone,
    Networking networking) implements ProxySpec {

  public static final ResourceType TYPE = ResourceType.builder("ZoneEgress")
      .scope(Scope.GLOBAL)
      .spec(SpecStyle.INLINE, ZoneEgress.class)
      .wsPath("zoneegresses")
      .kumactl("zoneegress", "zoneegresses")
      .shortName("ze")
      .displayNames("Zone Egress", "Zone Egresses")
      .kdsFlags(KdsFlags.ZONE_TO_GLOBAL)
      .insight("ZoneEgressInsight")
      .validator(new ZoneEgressValidator())
      .build();

  /** Kuma's proxy type label value. */
  @Override
  public String proxyType() {
    return "zoneegress";
  }

  /**
   * Address and port of a zone egress.
   *
   * @param address address the egress listens on
   * @param port port the egress listens on
   * @param admin Envoy admin API settings
   */
  public record Networking(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String address,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer port,
      EnvoyAdmin admin) {}
}
