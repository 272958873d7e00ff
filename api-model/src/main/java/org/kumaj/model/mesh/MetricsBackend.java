package org.kumaj.model.mesh;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.kumaj.model.system.ProtoJson;

/**
 * A metrics backend of a mesh, or a data plane proxy's override of it.
 *
 * @param name backend name
 * @param type backend type; Kuma knows {@code prometheus}
 * @param conf backend configuration, see {@link PrometheusMetricsBackendConfig}
 */
public record MetricsBackend(
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) String name,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) String type,
    @ProtoJson.Struct JsonNode conf) {
  public static final String PROMETHEUS = "prometheus";

  /**
   * The conf as a Prometheus configuration.
   *
   * @throws IllegalArgumentException when the conf does not fit
   */
  public PrometheusMetricsBackendConfig prometheusConfig() {
    return ProtoConf.read(conf, PrometheusMetricsBackendConfig.class);
  }
}
