package org.kumaj.model.policies.meshmetric;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.kumaj.model.GoDuration;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.PolicyTraits;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;
import org.kumaj.model.policies.core.BackendResourceRef;
import org.kumaj.model.policies.core.Copies;
import org.kumaj.model.policies.core.GoStruct;
import org.kumaj.model.policies.core.TargetRef;
import org.kumaj.model.policies.core.UInt32;

/**
 * MeshMetric: which proxy and application metrics are collected and where they are exposed
 * (Prometheus scraping or OpenTelemetry push).
 *
 * @param targetRef the proxies the policy applies to (the whole mesh when absent)
 * @param defaultConf the metrics configuration, Kuma's {@code default}
 */
public record MeshMetric(
    TargetRef targetRef, @JsonProperty("default") @GoStruct MeshMetric.Conf defaultConf)
    implements ResourceSpec {

  public static final ResourceType TYPE = ResourceType.builder("MeshMetric")
      .scope(Scope.MESH)
      .spec(SpecStyle.NESTED, MeshMetric.class)
      .wsPath("meshmetrics")
      .kumactl("meshmetric", "meshmetrics")
      .shortName("mm")
      .displayNames("Mesh Metric", "Mesh Metrics")
      .kdsFlags(KdsFlags.GLOBAL_TO_ZONES | KdsFlags.ZONE_TO_GLOBAL | KdsFlags.SYNCED_ACROSS_ZONES)
      .hasStatus()
      .policy(new PolicyTraits(true, false, false, false, false, false, false, false))
      .validator(new MeshMetricValidator())
      .specDefaults("{\"default\":{\"applications\":[{\"path\":\"/metrics\"}],\"backends\":[{\"openTelemetry\":{\"endpoint\":\"\"},\"prometheus\":{\"path\":\"/metrics\",\"port\":5670,\"tls\":{\"mode\":\"Disabled\"}}}]}}")
      .build();

  /**
   * The metrics configuration.
   *
   * @param sidecar which Envoy metrics are exposed
   * @param applications application endpoints whose metrics the proxy aggregates
   * @param backends where metrics are exposed or pushed
   */
  public record Conf(Sidecar sidecar, List<Application> applications, List<Backend> backends) {
    static final Conf EMPTY = new Conf(null, null, null);

    public Conf {
      applications = Copies.list(applications);
      backends = Copies.list(backends);
    }
  }

  /**
   * Envoy metrics.
   *
   * @param profiles predefined and custom metric sets
   * @param includeUnused also expose metrics that were never updated
   */
  public record Sidecar(Profiles profiles, Boolean includeUnused) {}

  /**
   * Metric profiles.
   *
   * @param appendProfiles predefined profiles ({@code All}, {@code Basic}, {@code None})
   * @param exclude metrics removed from the profiles
   * @param include metrics added to the profiles
   */
  public record Profiles(List<Profile> appendProfiles, List<Selector> exclude,
      List<Selector> include) {
    public Profiles {
      appendProfiles = Copies.list(appendProfiles);
      exclude = Copies.list(exclude);
      include = Copies.list(include);
    }
  }

  /**
   * A predefined profile.
   *
   * @param name {@code All}, {@code Basic} or {@code None}
   */
  public record Profile(String name) {}

  /**
   * A metric name selector.
   *
   * @param type {@code Prefix}, {@code Regex}, {@code Exact} or {@code Contains}
   * @param match the value compared with metric names
   */
  public record Selector(String type, String match) {}

  /**
   * An application metrics endpoint.
   *
   * @param name the application name
   * @param path the metrics path
   * @param address the address (localhost by default)
   * @param port the port
   */
  public record Application(String name, String path, String address, @UInt32 Integer port) {}

  /**
   * A metrics backend; the field named by {@code type} holds its settings.
   *
   * @param type {@code Prometheus} or {@code OpenTelemetry}
   * @param prometheus a Prometheus scrape endpoint
   * @param openTelemetry an OpenTelemetry collector
   */
  public record Backend(String type, PrometheusBackend prometheus, OtelBackend openTelemetry) {
    public static final String PROMETHEUS = "Prometheus";
    public static final String OPEN_TELEMETRY = "OpenTelemetry";
  }

  /**
   * A Prometheus scrape endpoint.
   *
   * @param clientId identifies this backend in the proxy's configuration
   * @param port the port metrics are served on
   * @param path the path metrics are served on
   * @param tls TLS of the endpoint
   */
  public record PrometheusBackend(String clientId, @UInt32 Integer port, String path,
      PrometheusTls tls) {}

  /**
   * TLS of a Prometheus endpoint.
   *
   * @param mode {@code Disabled}, {@code ProvidedTLS} or {@code ActiveMTLSBackend}
   */
  public record PrometheusTls(String mode) {}

  /**
   * An OpenTelemetry collector.
   *
   * @param endpoint address of the collector (deprecated in favour of {@code backendRef})
   * @param backendRef the MeshOpenTelemetryBackend that defines the collector
   * @param refreshInterval how often metrics are pushed
   */
  public record OtelBackend(String endpoint, BackendResourceRef backendRef,
      GoDuration refreshInterval) {}
}
