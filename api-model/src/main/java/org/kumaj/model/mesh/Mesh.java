package org.kumaj.model.mesh;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;
import org.kumaj.model.system.ProtoJson;

/**
 * A mesh: an isolated group of data plane proxies with its own mTLS, observability backends,
 * routing options and membership constraints.
 *
 * @param mtls mTLS settings
 * @param tracing tracing backends
 * @param logging access-log backends
 * @param metrics metrics backends, defaults for every data plane proxy of the mesh
 * @param networking networking settings
 * @param routing routing settings
 * @param constraints requirements data plane proxies must meet to join
 * @param skipCreatingInitialPolicies policies not to create with the mesh ({@code *} for all)
 * @param meshServices how MeshServices are generated and used
 */
public record Mesh(
    Mtls mtls,
    Tracing tracing,
    Logging logging,
    Metrics metrics,
    Networking networking,
    Routing routing,
    Constraints constraints,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> skipCreatingInitialPolicies,
    MeshServices meshServices) implements ResourceSpec {

  public static final ResourceType TYPE = ResourceType.builder("Mesh")
      .scope(Scope.GLOBAL)
      .spec(SpecStyle.INLINE, Mesh.class)
      .wsPath("meshes")
      .kumactl("mesh", "meshes")
      .shortName("m")
      .displayNames("Mesh", "Meshes")
      .kdsFlags(KdsFlags.GLOBAL_TO_ZONES)
      .validator(new MeshValidator())
      .build();

  /** A mesh with every setting at its default. */
  public static final Mesh EMPTY = new Mesh(null, null, null, null, null, null, null, null, null);

  /** Whether mTLS is enabled (an enabled backend is named). */
  public boolean mtlsEnabled() {
    return mtls != null && mtls.enabledBackend() != null && !mtls.enabledBackend().isEmpty();
  }

  /** The enabled CA backend, or {@code null}. */
  public CertificateAuthorityBackend enabledCertificateAuthorityBackend() {
    if (!mtlsEnabled() || mtls.backends() == null) {
      return null;
    }
    return mtls.backends().stream()
        .filter(b -> mtls.enabledBackend().equals(b.name())).findFirst().orElse(null);
  }

  /**
   * Kuma's mesh defaulter: fills the defaults of every Prometheus metrics backend (port 5670, path
   * {@code /metrics}, service tag {@code dataplane-metrics}, TLS mode from {@code skipMTLS}).
   *
   * @throws IllegalArgumentException when a Prometheus backend's conf cannot be read
   */
  public Mesh withDefaults() {
    if (metrics == null || metrics.backends() == null) {
      return this;
    }
    List<MetricsBackend> backends = metrics.backends().stream()
        .map(b -> MetricsBackend.PROMETHEUS.equals(b.type())
            ? new MetricsBackend(b.name(), b.type(), ProtoConf.toStruct(
                ProtoConf.read(b.conf(), PrometheusMetricsBackendConfig.class).withDefaults()))
            : b)
        .toList();
    return new Mesh(mtls, tracing, logging, new Metrics(metrics.enabledBackend(), backends),
        networking, routing, constraints, skipCreatingInitialPolicies, meshServices);
  }

  /**
   * mTLS settings of a mesh.
   *
   * @param enabledBackend name of the enabled CA backend; mTLS is off when empty
   * @param backends the available CA backends (Kuma allows one)
   * @param skipValidation skip validating the CA backends
   */
  public record Mtls(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String enabledBackend,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<CertificateAuthorityBackend> backends,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean skipValidation) {}

  /**
   * Tracing backends of a mesh.
   *
   * @param defaultBackend name of the backend used when a policy names none
   * @param backends the available backends
   */
  public record Tracing(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String defaultBackend,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TracingBackend> backends) {}

  /**
   * A tracing backend that TrafficTrace policies can use.
   *
   * @param name backend name
   * @param sampling percentage of traced requests, 0.0-100.0 (absent means 100)
   * @param type {@code zipkin} or {@code datadog}
   * @param conf backend configuration, see {@link ZipkinTracingBackendConfig} and
   *     {@link DatadogTracingBackendConfig}
   */
  public record TracingBackend(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String name,
      @ProtoJson.Double Double sampling,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String type,
      @ProtoJson.Struct JsonNode conf) {
    public static final String ZIPKIN = "zipkin";
    public static final String DATADOG = "datadog";
  }

  /**
   * The conf of a {@code datadog} tracing backend.
   *
   * @param address collector address
   * @param port collector port
   * @param splitService split the service name by traffic direction and destination
   */
  public record DatadogTracingBackendConfig(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String address,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer port,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean splitService) {}

  /**
   * The conf of a {@code zipkin} tracing backend.
   *
   * @param url collector URL, with an explicit port
   * @param traceId128bit generate 128-bit trace ids
   * @param apiVersion {@code httpJson} (default), {@code httpJsonV1} or {@code httpProto}
   * @param sharedSpanContext client and server spans share the span context (default true)
   */
  public record ZipkinTracingBackendConfig(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String url,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean traceId128bit,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String apiVersion,
      Boolean sharedSpanContext) {}

  /**
   * Access-log backends of a mesh.
   *
   * @param defaultBackend name of the backend used when a policy names none
   * @param backends the available backends
   */
  public record Logging(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String defaultBackend,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<LoggingBackend> backends) {}

  /**
   * An access-log backend that TrafficLog policies can use.
   *
   * @param name backend name
   * @param format access-log format (Envoy placeholders)
   * @param type {@code tcp} or {@code file}
   * @param conf backend configuration, see {@link FileLoggingBackendConfig} and
   *     {@link TcpLoggingBackendConfig}
   */
  public record LoggingBackend(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String name,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String format,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String type,
      @ProtoJson.Struct JsonNode conf) {
    public static final String FILE = "file";
    public static final String TCP = "tcp";
  }

  /**
   * The conf of a {@code file} logging backend.
   *
   * @param path file the logs are written to
   */
  public record FileLoggingBackendConfig(@JsonInclude(JsonInclude.Include.NON_DEFAULT) String path) {}

  /**
   * The conf of a {@code tcp} logging backend.
   *
   * @param address {@code host:port} of the receiving service
   */
  public record TcpLoggingBackendConfig(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String address) {}

  /**
   * Metrics backends of a mesh.
   *
   * @param enabledBackend name of the enabled backend
   * @param backends the available backends
   */
  public record Metrics(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String enabledBackend,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<MetricsBackend> backends) {}

  /**
   * Networking settings of a mesh.
   *
   * @param outbound outbound settings
   */
  public record Networking(Outbound outbound) {}

  /**
   * Outbound networking settings of a mesh.
   *
   * @param passthrough allow traffic to destinations outside the mesh (absent means allowed)
   */
  public record Outbound(Boolean passthrough) {}

  /**
   * Routing settings of a mesh.
   *
   * @param localityAwareLoadBalancing prefer endpoints in the same locality
   * @param zoneEgress route cross-zone and external traffic through ZoneEgress (needs mTLS)
   * @param defaultForbidMeshExternalServiceAccess block traffic to MeshExternalServices
   */
  public record Routing(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean localityAwareLoadBalancing,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean zoneEgress,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean defaultForbidMeshExternalServiceAccess) {}

  /**
   * Constraints on the entities of a mesh.
   *
   * @param dataplaneProxy what data plane proxies must meet to join the mesh
   */
  public record Constraints(DataplaneProxyConstraints dataplaneProxy) {}

  /**
   * Membership rules for data plane proxies: a proxy joins when it meets some requirement (or none
   * are given) and no restriction.
   *
   * @param requirements a proxy must match at least one
   * @param restrictions a proxy must match none; they win over requirements
   */
  public record DataplaneProxyConstraints(
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Rules> requirements,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Rules> restrictions) {}

  /**
   * One membership rule.
   *
   * @param tags required tags; {@code *} as a value requires any non-empty value
   */
  public record Rules(@JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> tags) {}

  /**
   * MeshService settings of a mesh.
   *
   * @param mode {@code Disabled} (default), {@code Everywhere}, {@code ReachableBackends} or
   *     {@code Exclusive}
   */
  public record MeshServices(
      @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = DisabledIsZero.class)
      String mode) {}

  /** Omits {@code mode: Disabled}, the zero value. */
  static final class DisabledIsZero extends ProtoJson.EnumZero {
    DisabledIsZero() {
      super("Disabled");
    }
  }
}
