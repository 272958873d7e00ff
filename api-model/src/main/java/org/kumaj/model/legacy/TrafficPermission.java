package org.kumaj.model.legacy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.kumaj.model.ResourceType;
import org.kumaj.model.mesh.Selector;

/** Legacy TrafficPermission: allows the traffic from {@code sources} to {@code destinations}. */
public record TrafficPermission(
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Selector> sources,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Selector> destinations)
    implements ConnectionPolicy {

  public static final ResourceType TYPE = LegacyDescriptors.describe("TrafficPermission",
      TrafficPermission.class, "traffic-permissions", "traffic-permission", "traffic-permissions",
      "Traffic Permission", "Traffic Permissions", new TrafficPermissionValidator());
}
