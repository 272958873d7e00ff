package org.kumaj.model.mesh;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import org.kumaj.model.system.ProtoJson;
import org.kumaj.model.system.ServiceStats;

/**
 * One xDS connection of a proxy (data plane proxy, zone ingress or zone egress) to a control plane
 * instance.
 *
 * @param id unique id of the subscription
 * @param controlPlaneInstanceId control plane instance the proxy connected to
 * @param connectTime when the proxy connected
 * @param disconnectTime when the proxy disconnected; absent while connected
 * @param status counters of the connection
 * @param version versions of the proxy's components
 * @param generation incremented on every change of the subscription
 */
public record DiscoverySubscription(
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) String id,
    @JsonAlias("control_plane_instance_id") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    String controlPlaneInstanceId,
    @JsonAlias("connect_time") @ProtoJson.Timestamp Instant connectTime,
    @JsonAlias("disconnect_time") @ProtoJson.Timestamp Instant disconnectTime,
    Status status,
    Version version,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer generation) {

  /** Whether the proxy is still connected on this subscription. */
  @JsonIgnore
  public boolean isConnected() {
    return connectTime != null && disconnectTime == null;
  }

  /**
   * Counters of an xDS connection, in total and per xDS service (Kuma's
   * {@code DiscoverySubscriptionStatus}).
   *
   * @param lastUpdateTime when the counters last changed
   * @param total counters over all services
   * @param cds cluster discovery counters
   * @param eds endpoint discovery counters
   * @param lds listener discovery counters
   * @param rds route discovery counters
   */
  public record Status(
      @JsonAlias("last_update_time") @ProtoJson.Timestamp Instant lastUpdateTime,
      ServiceStats total,
      ServiceStats cds,
      ServiceStats eds,
      ServiceStats lds,
      ServiceStats rds) {}

  /**
   * Versions of a proxy's components.
   *
   * @param kumaDp version of kuma-dp
   * @param envoy version of Envoy
   * @param dependencies versions of other components (e.g. coredns)
   */
  public record Version(
      KumaDpVersion kumaDp,
      EnvoyVersion envoy,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> dependencies) {}

  /**
   * Build information of kuma-dp.
   *
   * @param version version string
   * @param gitTag git tag of the build
   * @param gitCommit git commit of the build
   * @param buildDate build date
   * @param kumaCpCompatible whether kuma-dp is compatible with the control plane
   */
  public record KumaDpVersion(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String version,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String gitTag,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String gitCommit,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String buildDate,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean kumaCpCompatible) {}

  /**
   * Build information of Envoy.
   *
   * @param version version string
   * @param build full build string
   * @param kumaDpCompatible whether Envoy is compatible with kuma-dp
   */
  public record EnvoyVersion(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String version,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String build,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean kumaDpCompatible) {}
}
