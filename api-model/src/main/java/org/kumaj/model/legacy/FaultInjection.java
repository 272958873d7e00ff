package org.kumaj.model.legacy;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.kumaj.model.ProtoDuration;
import org.kumaj.model.ResourceType;
import org.kumaj.model.mesh.Selector;

/**
 * Legacy FaultInjection: delays, aborts or throttles a share of the HTTP requests from
 * {@code sources} to {@code destinations}.
 */
public record FaultInjection(
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Selector> sources,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Selector> destinations,
    Conf conf) implements ConnectionPolicy {

  public static final ResourceType TYPE = LegacyDescriptors.describe("FaultInjection",
      FaultInjection.class, "fault-injections", "fault-injection", "fault-injections",
      "Fault Injection", "Fault Injections", new FaultInjectionValidator());

  /** The faults to inject; at least one must be configured. */
  public record Conf(
      Delay delay,
      Abort abort,
      @JsonAlias("response_bandwidth") ResponseBandwidth responseBandwidth) {}

  /** Delays {@code percentage} (0-100) of the responses by {@code value}. */
  public record Delay(@Jsonpb.Float Double percentage, @Jsonpb.Duration ProtoDuration value) {}

  /** Answers {@code percentage} (0-100) of the requests with {@code httpStatus}. */
  public record Abort(@Jsonpb.Float Double percentage, Integer httpStatus) {}

  /** Limits the response bandwidth of {@code percentage} (0-100) of the requests to {@code limit}. */
  public record ResponseBandwidth(@Jsonpb.Float Double percentage, String limit) {}
}
