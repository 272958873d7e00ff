package org.kumaj.model.legacy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.kumaj.model.ResourceType;
import org.kumaj.model.mesh.Selector;

/** Legacy TrafficLog: access logging of the traffic from {@code sources} to {@code destinations}. */
public record TrafficLog(
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Selector> sources,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Selector> destinations,
    BackendConf conf) implements ConnectionPolicy {

  public static final ResourceType TYPE = LegacyDescriptors.describe("TrafficLog",
      TrafficLog.class, "traffic-logs", "traffic-log", "traffic-logs",
      "Traffic Log", "Traffic Logs", new TrafficLogValidator());
}
