package org.kumaj.model.hostnamegenerator;

/**
 * A hostname generated for a service, as listed in the status of MeshService,
 * MeshExternalService and MeshMultiZoneService.
 *
 * @param hostname the generated hostname
 * @param origin {@code HostnameGenerator} or {@code Kubernetes}
 * @param hostnameGeneratorRef the generator; Kuma always writes it (with an empty name for
 *     Kubernetes addresses)
 */
public record Address(String hostname, String origin, HostnameGeneratorRef hostnameGeneratorRef) {
  /** {@code origin} of addresses produced by a HostnameGenerator. */
  public static final String ORIGIN_GENERATOR = "HostnameGenerator";
  /** {@code origin} of addresses that Kubernetes provides. */
  public static final String ORIGIN_KUBERNETES = "Kubernetes";
}
