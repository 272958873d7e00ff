package org.kumaj.model.mesh;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.kumaj.model.system.ProtoJson;

/**
 * The conf of a {@code prometheus} metrics backend: where each proxy exposes metrics for scraping.
 *
 * @param port port of the metrics endpoint
 * @param path path of the metrics endpoint
 * @param tags tags of the generated metrics "service" (for policies)
 * @param skipMTLS expose metrics without mTLS (superseded by {@code tls})
 * @param aggregate application endpoints whose metrics are merged into the proxy's
 * @param envoy which Envoy metrics are exposed
 * @param tls how the endpoint is secured
 */
public record PrometheusMetricsBackendConfig(
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer port,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) String path,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> tags,
    Boolean skipMTLS,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Aggregate> aggregate,
    Envoy envoy,
    Tls tls) {

  static final String ACTIVE_MTLS_BACKEND = "activeMTLSBackend";
  static final String PROVIDED_TLS = "providedTLS";
  static final String DISABLED = "disabled";

  /** Kuma's defaults for a Prometheus backend of a mesh (see {@link Mesh#withDefaults()}). */
  public PrometheusMetricsBackendConfig withDefaults() {
    Boolean skip = skipMTLS;
    Tls newTls = tls;
    if (skip == null && newTls == null) {
      newTls = new Tls(ACTIVE_MTLS_BACKEND);
    }
    if (newTls == null && skip != null) {
      newTls = new Tls(skip ? DISABLED : ACTIVE_MTLS_BACKEND);
    }
    if (tls != null && skip != null && ProtoEnum.PROMETHEUS_TLS_MODE.is(tls.mode(), PROVIDED_TLS)) {
      newTls = new Tls(PROVIDED_TLS);
      skip = null;
    }
    return new PrometheusMetricsBackendConfig(
        port == null || port == 0 ? 5670 : port,
        path == null || path.isEmpty() ? "/metrics" : path,
        tags == null || tags.isEmpty() ? Map.of(TagChecks.SERVICE_TAG, "dataplane-metrics") : tags,
        skip, aggregate, envoy, newTls);
  }

  /**
   * An application endpoint whose metrics are merged into the proxy's.
   *
   * @param name unique name of the endpoint
   * @param port application port
   * @param path application metrics path
   * @param enabled whether merging is on (absent means on)
   * @param address application address
   */
  public record Aggregate(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String name,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer port,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String path,
      Boolean enabled,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String address) {}

  /**
   * Which Envoy metrics are exposed.
   *
   * @param filterRegex only metrics whose name matches (RE2 syntax)
   * @param usedOnly only metrics that were updated
   */
  public record Envoy(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String filterRegex,
      Boolean usedOnly) {}

  /**
   * How the metrics endpoint is secured.
   *
   * @param mode {@code activeMTLSBackend} (default), {@code providedTLS} or {@code disabled}
   */
  public record Tls(
      @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = ActiveMtlsIsZero.class)
      String mode) {}

  /** Omits {@code mode: activeMTLSBackend}, the zero value. */
  static final class ActiveMtlsIsZero extends ProtoJson.EnumZero {
    ActiveMtlsIsZero() {
      super(ACTIVE_MTLS_BACKEND);
    }
  }
}
