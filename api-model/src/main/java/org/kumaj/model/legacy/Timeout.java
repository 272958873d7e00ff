package org.kumaj.model.legacy;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.kumaj.model.ProtoDuration;
import org.kumaj.model.ResourceType;
import org.kumaj.model.mesh.Selector;

/**
 * Legacy Timeout: connect, idle and request timeouts for the traffic from {@code sources} to
 * {@code destinations}.
 */
public record Timeout(
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Selector> sources,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Selector> destinations,
    Conf conf) implements ConnectionPolicy {

  public static final ResourceType TYPE = LegacyDescriptors.describe("Timeout",
      Timeout.class, "timeouts", "timeout", "timeouts",
      "Timeout", "Timeouts", new TimeoutValidator());

  /**
   * The timeouts.
   *
   * @param grpc deprecated by Kuma in favour of the same settings under {@code http}
   */
  public record Conf(
      @JsonAlias("connect_timeout") @Jsonpb.Duration ProtoDuration connectTimeout,
      Tcp tcp,
      Http http,
      Grpc grpc) {}

  /** Timeouts of TCP traffic. */
  public record Tcp(@JsonAlias("idle_timeout") @Jsonpb.Duration ProtoDuration idleTimeout) {}

  /** Timeouts of HTTP traffic. */
  public record Http(
      @JsonAlias("request_timeout") @Jsonpb.Duration ProtoDuration requestTimeout,
      @JsonAlias("idle_timeout") @Jsonpb.Duration ProtoDuration idleTimeout,
      @JsonAlias("stream_idle_timeout") @Jsonpb.Duration ProtoDuration streamIdleTimeout,
      @JsonAlias("max_stream_duration") @Jsonpb.Duration ProtoDuration maxStreamDuration) {}

  /** Timeouts of gRPC traffic (deprecated by Kuma). */
  public record Grpc(
      @JsonAlias("stream_idle_timeout") @Jsonpb.Duration ProtoDuration streamIdleTimeout,
      @JsonAlias("max_stream_duration") @Jsonpb.Duration ProtoDuration maxStreamDuration) {}
}
