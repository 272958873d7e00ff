package org.kumaj.model.mesh;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.TaggedSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;
import org.kumaj.model.system.DataSource;

/**
 * A service outside the mesh that proxies of the mesh may call, addressed by {@code kuma.io/service}.
 *
 * @param networking address and TLS settings of the service
 * @param tags tags of the service ({@code kuma.io/service} required)
 */
public record ExternalService(
    Networking networking,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> tags) implements TaggedSpec {

  @Override
  public List<Map<String, String>> tagSets() {
    return tags == null ? List.of() : List.of(tags);
  }

  public static final ResourceType TYPE = ResourceType.builder("ExternalService")
      .scope(Scope.MESH)
      .spec(SpecStyle.INLINE, ExternalService.class)
      .wsPath("external-services")
      .kumactl("external-service", "external-services")
      .displayNames("External Service", "External Services")
      .kdsFlags(KdsFlags.GLOBAL_TO_ZONES)
      .validator(new ExternalServiceValidator())
      .build();

  /** The {@code kuma.io/service} tag, or {@code ""}. */
  public String service() {
    return tags == null ? "" : tags.getOrDefault(TagChecks.SERVICE_TAG, "");
  }

  /**
   * Where the external service is and how to reach it.
   *
   * @param address {@code host:port} of the service
   * @param tls TLS settings for the connection
   * @param disableHostDNSEntry do not create a DNS entry for the host
   */
  public record Networking(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String address,
      Tls tls,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean disableHostDNSEntry) {}

  /**
   * TLS settings of the connection to an external service.
   *
   * @param enabled originate TLS
   * @param caCert CA certificate used to verify the service
   * @param clientCert client certificate
   * @param clientKey client key
   * @param allowRenegotiation allow TLS renegotiation
   * @param serverName SNI sent to the service (defaults to the host)
   * @param skipHostnameVerification do not verify the host name
   */
  public record Tls(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean enabled,
      @JsonAlias("ca_cert") DataSource caCert,
      @JsonAlias("client_cert") DataSource clientCert,
      @JsonAlias("client_key") DataSource clientKey,
      Boolean allowRenegotiation,
      @JsonAlias("server_name") String serverName,
      Boolean skipHostnameVerification) {}
}
