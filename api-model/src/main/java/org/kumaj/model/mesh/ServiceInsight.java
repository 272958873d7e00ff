package org.kumaj.model.mesh;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;
import org.kumaj.model.system.ProtoJson;

/**
 * Statistics of the services of a mesh (by {@code kuma.io/service}), computed by the control plane;
 * read-only.
 *
 * @param services statistics by service name
 */
public record ServiceInsight(@JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Service> services)
    implements ResourceSpec {

  public static final ResourceType TYPE = ResourceType.builder("ServiceInsight")
      .scope(Scope.MESH)
      .spec(SpecStyle.INLINE, ServiceInsight.class)
      .wsPath("service-insights")
      .displayNames("Service Insight", "Service Insights")
      .kdsFlags(KdsFlags.GLOBAL_TO_ZONES)
      .readOnly()
      .build();

  /**
   * Statistics of one service (Kuma also serves it alone as a {@code ServiceOverview}).
   *
   * @param status {@code offline}, {@code partially_degraded}, {@code online} or
   *     {@code not_available}
   * @param dataplanes proxies of the service by status
   * @param issuedBackends proxies by CA backend that issued their certificate
   * @param serviceType {@code internal} (default), {@code external}, {@code gateway_delegated} or
   *     {@code gateway_builtin}
   * @param addressPort address and port of the service
   * @param zones zones the service runs in
   */
  public record Service(
      @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = NoneIsZero.class) String status,
      DataplaneStat dataplanes,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Integer> issuedBackends,
      @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = InternalIsZero.class)
      String serviceType,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String addressPort,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> zones) {}

  /**
   * Proxies of a service by status.
   *
   * @param total all proxies
   * @param online connected proxies
   * @param offline disconnected proxies
   */
  public record DataplaneStat(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer total,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer online,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer offline) {}

  /** Omits {@code status: none}, the zero value. */
  static final class NoneIsZero extends ProtoJson.EnumZero {
    NoneIsZero() {
      super("none");
    }
  }

  /** Omits {@code serviceType: internal}, the zero value. */
  static final class InternalIsZero extends ProtoJson.EnumZero {
    InternalIsZero() {
      super("internal");
    }
  }
}
