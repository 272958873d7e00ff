package org.kumaj.model.mesh;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;

/**
 * Statistics of one mesh (proxies, policies, versions, mTLS, services), computed by the control
 * plane; read-only.
 *
 * @param dataplanes data plane proxies by status
 * @param policies policy counts by policy type
 * @param dpVersions proxies by kuma-dp and Envoy version
 * @param mTLS proxies by issued and supported CA backend
 * @param services service counts
 * @param dataplanesByType proxies by proxy type
 * @param resources resource counts by resource type
 */
public record MeshInsight(
    DataplaneStat dataplanes,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, TotalStat> policies,
    DpVersions dpVersions,
    @JsonProperty("mTLS") Mtls mTLS,
    ServiceStat services,
    DataplanesByType dataplanesByType,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, TotalStat> resources)
    implements ResourceSpec {

  public static final ResourceType TYPE = ResourceType.builder("MeshInsight")
      .scope(Scope.GLOBAL)
      .spec(SpecStyle.INLINE, MeshInsight.class)
      .wsPath("mesh-insights")
      .displayNames("Mesh Insight", "Mesh Insights")
      .kdsFlags(KdsFlags.PROVIDED_BY_GLOBAL)
      .readOnly()
      .build();

  /**
   * Data plane proxy counts by status.
   *
   * @param total all proxies
   * @param online connected proxies
   * @param offline disconnected proxies
   * @param partiallyDegraded proxies with some inbounds not ready
   */
  public record DataplaneStat(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer total,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer online,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer offline,
      @JsonAlias("partially_degraded") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
      Integer partiallyDegraded) {}

  /**
   * A count of resources of one type (Kuma's {@code PolicyStat} and {@code ResourceStat}).
   *
   * @param total the count
   */
  public record TotalStat(@JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer total) {}

  /**
   * Proxies by component version.
   *
   * @param kumaDp proxies by kuma-dp version
   * @param envoy proxies by Envoy version
   */
  public record DpVersions(
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, DataplaneStat> kumaDp,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, DataplaneStat> envoy) {}

  /**
   * Proxies by CA backend.
   *
   * @param issuedBackends proxies by backend that issued their certificate
   * @param supportedBackends proxies by backend they trust
   */
  public record Mtls(
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, DataplaneStat> issuedBackends,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, DataplaneStat> supportedBackends) {}

  /**
   * Service counts.
   *
   * @param total all services
   * @param internal services with proxies in the mesh
   * @param external ExternalServices
   */
  public record ServiceStat(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer total,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer internal,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer external) {}

  /**
   * Proxies by proxy type.
   *
   * @param standard sidecars
   * @param gateway all gateways
   * @param gatewayBuiltin builtin gateways
   * @param gatewayDelegated delegated gateways
   */
  public record DataplanesByType(
      DataplaneStat standard,
      DataplaneStat gateway,
      DataplaneStat gatewayBuiltin,
      DataplaneStat gatewayDelegated) {}
}
