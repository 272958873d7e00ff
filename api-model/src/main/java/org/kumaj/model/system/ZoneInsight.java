package org.kumaj.model.system;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;

/**
 * What the global control plane knows about a zone's KDS connections; written by the control plane
 * only.
 *
 * @param subscriptions KDS connections of the zone, oldest first
 * @param envoyAdminStreams global instances serving the zone's Envoy admin streams
 * @param healthCheck last health check of the zone
 * @param kdsStreams global instances holding each KDS stream of the zone
 */
public record ZoneInsight(
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<KdsSubscription> subscriptions,
    @JsonAlias("envoy_admin_streams") EnvoyAdminStreams envoyAdminStreams,
    @JsonAlias("health_check") HealthCheck healthCheck,
    @JsonAlias("kds_streams") KdsStreams kdsStreams) implements ResourceSpec {

  public static final ResourceType TYPE = ResourceType.builder("ZoneInsight")
      .scope(Scope.GLOBAL)
      .spec(SpecStyle.INLINE, ZoneInsight.class)
      .wsPath("zone-insights")
      .displayNames("Zone Insight", "Zone Insights")
      .kdsFlags(KdsFlags.PROVIDED_BY_GLOBAL | KdsFlags.PROVIDED_BY_ZONE)
      .readOnly()
      .ownedBy("Zone")
      .build();

  /** Kuma's {@code IsOnline}: some subscription is connected and not disconnected. */
  @JsonIgnore
  public boolean isOnline() {
    return subscriptions != null && subscriptions.stream()
        .anyMatch(s -> s.connectTime() != null && s.disconnectTime() == null);
  }

  /**
   * Global instances serving the zone's Envoy admin streams.
   *
   * @param configDumpGlobalInstanceId instance serving config dumps
   * @param statsGlobalInstanceId instance serving stats
   * @param clustersGlobalInstanceId instance serving clusters
   */
  public record EnvoyAdminStreams(
      @JsonAlias("config_dump_global_instance_id") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
      String configDumpGlobalInstanceId,
      @JsonAlias("stats_global_instance_id") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
      String statsGlobalInstanceId,
      @JsonAlias("clusters_global_instance_id") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
      String clustersGlobalInstanceId) {}

  /**
   * Global instances holding each KDS stream of the zone.
   *
   * @param clusters the clusters stream
   * @param configDump the config-dump stream
   * @param stats the stats stream
   * @param globalToZone the global-to-zone sync stream
   * @param zoneToGlobal the zone-to-global sync stream
   */
  public record KdsStreams(
      KdsStream clusters,
      @JsonAlias("config_dump") KdsStream configDump,
      KdsStream stats,
      @JsonAlias("global_to_zone") KdsStream globalToZone,
      @JsonAlias("zone_to_global") KdsStream zoneToGlobal) {}

  /**
   * One KDS stream of a zone.
   *
   * @param globalInstanceId the global instance holding the stream
   * @param connectTime when the stream was opened
   */
  public record KdsStream(
      @JsonAlias("global_instance_id") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
      String globalInstanceId,
      @JsonAlias("connect_time") @ProtoJson.Timestamp Instant connectTime) {}

  /**
   * One KDS connection of a zone control plane to a global instance.
   *
   * @param id unique id of the subscription
   * @param globalInstanceId global instance the zone connected to
   * @param connectTime when the zone connected
   * @param disconnectTime when the zone disconnected; absent while connected
   * @param status counters of the connection
   * @param version version of the zone control plane
   * @param generation incremented on every change of the subscription
   * @param config the zone control plane's configuration (JSON text)
   * @param authTokenProvided whether the zone authenticated with a token
   * @param zoneInstanceId zone instance that holds the connection
   */
  public record KdsSubscription(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String id,
      @JsonAlias("global_instance_id") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
      String globalInstanceId,
      @JsonAlias("connect_time") @ProtoJson.Timestamp Instant connectTime,
      @JsonAlias("disconnect_time") @ProtoJson.Timestamp Instant disconnectTime,
      KdsSubscriptionStatus status,
      Version version,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer generation,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String config,
      @JsonAlias("auth_token_provided") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
      Boolean authTokenProvided,
      @JsonAlias("zone_instance_id") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
      String zoneInstanceId) {}

  /**
   * Counters of a KDS connection, in total and per resource type.
   *
   * @param lastUpdateTime when the counters last changed
   * @param total counters over all resource types
   * @param stat counters by resource type name
   */
  public record KdsSubscriptionStatus(
      @JsonAlias("last_update_time") @ProtoJson.Timestamp Instant lastUpdateTime,
      ServiceStats total,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, ServiceStats> stat) {}

  /**
   * Version of a zone control plane.
   *
   * @param kumaCp the control plane build
   */
  public record Version(KumaCpVersion kumaCp) {}

  /**
   * Build information of a Kuma control plane.
   *
   * @param version version string
   * @param gitTag git tag of the build
   * @param gitCommit git commit of the build
   * @param buildDate build date
   * @param kumaCpGlobalCompatible whether the zone is compatible with the global control plane
   */
  public record KumaCpVersion(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String version,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String gitTag,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String gitCommit,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String buildDate,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean kumaCpGlobalCompatible) {}

  /**
   * The last health check of a zone.
   *
   * @param time when the zone last reported being healthy
   */
  public record HealthCheck(@ProtoJson.Timestamp Instant time) {}
}
