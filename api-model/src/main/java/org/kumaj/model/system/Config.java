package org.kumaj.model.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;

/**
 * An internal key/value record of the control plane (e.g. the cluster id, the default-resources
 * marker). It has no REST path and no kumactl verb.
 *
 * @param config the stored value, usually JSON text
 */
public record Config(@JsonInclude(JsonInclude.Include.NON_DEFAULT) String config)
    implements ResourceSpec {
  public static final ResourceType TYPE = ResourceType.builder("Config")
      .scope(Scope.GLOBAL)
      .spec(SpecStyle.INLINE, Config.class)
      .displayNames("Config", "Configs")
      .kdsFlags(KdsFlags.GLOBAL_TO_ZONES | KdsFlags.PROVIDED_BY_ZONE)
      .build();
}
