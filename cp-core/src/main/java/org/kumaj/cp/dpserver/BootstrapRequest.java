package org.kumaj.cp.dpserver;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The JSON kuma-dp posts to {@code /bootstrap} (Kuma's {@code types.BootstrapRequest}). Unknown
 * fields are ignored.
 *
 * @param mesh the mesh
 * @param name the Dataplane name
 * @param proxyType {@code dataplane} (or empty), {@code ingress}, {@code egress}
 * @param dataplaneToken the dataplane token
 * @param dataplaneTokenPath where kuma-dp keeps the token (for reloadable tokens)
 * @param dataplaneResource the Dataplane as Universal YAML or JSON, when kuma-dp registers it
 * @param version kuma-dp and Envoy versions
 * @param caCert the CA kuma-dp verifies the control plane with (PEM)
 * @param dynamicMetadata free-form metadata for the node
 * @param dnsPort port of kuma-dp's DNS server
 * @param readinessPort port of kuma-dp's readiness reporter
 * @param appProbeProxyEnabled whether kuma-dp proxies application probes (Kuma's historical JSON key)
 * @param operatingSystem the OS of the proxy
 * @param features kuma-dp feature flags
 * @param workdir kuma-dp's work directory
 * @param metricsResources paths of the metrics TLS files
 * @param systemCaPath path of the system CA bundle
 * @param ipv6Enabled whether IPv6 is enabled
 */
record BootstrapRequest(
    String mesh,
    String name,
    String proxyType,
    String dataplaneToken,
    String dataplaneTokenPath,
    String dataplaneResource,
    Version version,
    String caCert,
    Map<String, String> dynamicMetadata,
    Integer dnsPort,
    Integer readinessPort,
    @JsonProperty("appProbeProxyDisabled") Boolean appProbeProxyEnabled,
    String operatingSystem,
    List<String> features,
    String workdir,
    MetricsResources metricsResources,
    String systemCaPath,
    Boolean ipv6Enabled) {

  /** kuma-dp and Envoy versions. */
  record Version(KumaDp kumaDp, Envoy envoy) {}

  /** kuma-dp's build. */
  record KumaDp(String version, String gitTag, String gitCommit, String buildDate) {}

  /** Envoy's build. */
  record Envoy(String version, String build, Boolean kumaDpCompatible) {}

  /** Paths of the metrics endpoint's TLS files. */
  record MetricsResources(String certPath, String keyPath) {}

  String proxyTypeOrDefault() {
    return proxyType == null || proxyType.isEmpty() ? "dataplane" : proxyType;
  }

  /** The version object as free-form JSON for the node metadata. */
  static JsonNode versionNode(Version version, com.fasterxml.jackson.databind.ObjectMapper mapper) {
    return version == null ? mapper.createObjectNode() : mapper.valueToTree(version);
  }
}
