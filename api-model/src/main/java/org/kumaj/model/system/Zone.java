package org.kumaj.model.system;

import org.kumaj.model.KdsFlags;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;

/**
 * A zone known to the global control plane.
 *
 * @param enabled whether the zone takes part in the multizone deployment (a
 *     {@code google.protobuf.BoolValue}: absent means enabled)
 */
public record Zone(Boolean enabled) implements ResourceSpec {
  public static final ResourceType TYPE = ResourceType.builder("Zone")
      .scope(Scope.GLOBAL)
      .spec(SpecStyle.INLINE, Zone.class)
      .wsPath("zones")
      .kumactl("zone", "zones")
      .shortName("z")
      .displayNames("Zone", "Zones")
      .kdsFlags(KdsFlags.PROVIDED_BY_GLOBAL | KdsFlags.PROVIDED_BY_ZONE)
      .insight("ZoneInsight")
      .validator(new ZoneValidator())
      .build();

  /** Kuma's {@code IsEnabled}: an absent flag means enabled. */
  public boolean enabledOrDefault() {
    return enabled == null || enabled;
  }
}
