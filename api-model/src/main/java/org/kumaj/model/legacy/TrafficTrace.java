package org.kumaj.model.legacy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.kumaj.model.ResourceType;
import org.kumaj.model.mesh.Selector;

/** Legacy TrafficTrace: tracing of the data plane proxies matched by {@code selectors}. */
public record TrafficTrace(
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Selector> selectors,
    BackendConf conf) implements DataplanePolicy {

  public static final ResourceType TYPE = LegacyDescriptors.describe("TrafficTrace",
      TrafficTrace.class, "traffic-traces", "traffic-trace", "traffic-traces",
      "Traffic Trace", "Traffic Traces", new TrafficTraceValidator());
}
