package org.kumaj.model.meshopentelemetrybackend;

import org.kumaj.model.KdsFlags;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;

/**
 * A MeshOpenTelemetryBackend: an OpenTelemetry collector shared by observability policies. An
 * empty spec means the node-local collector (kuma-dp finds it via HOST_IP or 127.0.0.1).
 *
 * @param endpoint collector address, port and (HTTP only) base path
 * @param protocol {@code grpc} (the default when absent) or {@code http}
 * @param env whether the standard OTEL exporter environment variables take part
 */
public record MeshOpenTelemetryBackend(OtelEndpoint endpoint, String protocol, EnvPolicy env)
    implements ResourceSpec {

  public static final String PROTOCOL_GRPC = "grpc";
  public static final String PROTOCOL_HTTP = "http";

  public static final ResourceType TYPE = ResourceType.builder("MeshOpenTelemetryBackend")
      .scope(Scope.MESH)
      .spec(SpecStyle.NESTED, MeshOpenTelemetryBackend.class)
      .wsPath("meshopentelemetrybackends")
      .kumactl("meshopentelemetrybackend", "meshopentelemetrybackends")
      .shortName("motb")
      .displayNames("Mesh OpenTelemetry Backend", "Mesh OpenTelemetry Backends")
      .kdsFlags(KdsFlags.GLOBAL_TO_ZONES | KdsFlags.ZONE_TO_GLOBAL)
      .status(MeshOpenTelemetryBackendStatus.class, MeshOpenTelemetryBackendStatus.EMPTY)
      .validator(new MeshOpenTelemetryBackendValidator())
      .specDefaults("{\"env\":{\"mode\":\"Optional\",\"precedence\":\"EnvFirst\"}}")
      .build();

  /** The protocol in effect: {@code grpc} when none is set. */
  public String effectiveProtocol() {
    return protocol == null ? PROTOCOL_GRPC : protocol;
  }
}
