package org.kumaj.cp.diagnostics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kumaj.cp.launcher.ControlPlaneIdentity;
import org.kumaj.model.BuildInfo;

/**
 * The control plane's metrics registry: Prometheus client JVM and process metrics (the names
 * Kuma's dashboards read, e.g. {@code process_resident_memory_bytes}), plus {@code cp_info}.
 */
@Factory
final class MetricsFactory {

  @Singleton
  @Bean(preDestroy = "close")
  PrometheusMeterRegistry registry(ControlPlaneIdentity identity, BuildInfo build) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    JvmMetrics.builder().register(registry.getPrometheusRegistry());
    Map<String, String> labels = new LinkedHashMap<>(build.asLabels());
    labels.put("instance_id", identity.instanceId());
    labels.put("cluster_id", identity.clusterId());
    labels.put("mode", identity.mode());
    // An Info metric named "cp" is exposed as cp_info{...} 1, Kuma's name.
    Info cpInfo = Info.builder()
        .name("cp")
        .help("Static information about the CP instance")
        .labelNames(labels.keySet().toArray(String[]::new))
        .register(registry.getPrometheusRegistry());
    cpInfo.addLabelValues(labels.values().toArray(String[]::new));
    return registry;
  }
}
