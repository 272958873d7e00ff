package org.kumaj.model.mesh;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;
import org.kumaj.model.system.ProtoJson;

/**
 * What the control plane knows about a data plane proxy's connections, certificate and telemetry;
 * written by the control plane only.
 *
 * @param subscriptions xDS connections of the proxy, oldest first
 * @param mTLS state of the proxy's mTLS certificate
 * @param metadata metadata the proxy reported
 * @param openTelemetry state of the proxy's OpenTelemetry backends
 */
public record DataplaneInsight(
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<DiscoverySubscription> subscriptions,
    @JsonProperty("mTLS") Mtls mTLS,
    @ProtoJson.Struct JsonNode metadata,
    OpenTelemetry openTelemetry) implements ResourceSpec, SubscriptionInsight {

  public static final ResourceType TYPE = ResourceType.builder("DataplaneInsight")
      .scope(Scope.MESH)
      .spec(SpecStyle.INLINE, DataplaneInsight.class)
      .wsPath("dataplane-insights")
      .displayNames("Dataplane Insight", "Dataplane Insights")
      .kdsFlags(KdsFlags.ZONE_TO_GLOBAL)
      .readOnly()
      .ownedBy("Dataplane")
      .build();

  /**
   * State of a proxy's mTLS certificate.
   *
   * @param certificateExpirationTime when the current certificate expires
   * @param lastCertificateRegeneration when the certificate was last generated
   * @param certificateRegenerations how many times it was generated
   * @param issuedBackend CA backend that issued the current certificate
   * @param supportedBackends CA backends the proxy trusts
   */
  public record Mtls(
      @JsonAlias("certificate_expiration_time") @ProtoJson.Timestamp Instant certificateExpirationTime,
      @JsonAlias("last_certificate_regeneration") @ProtoJson.Timestamp Instant lastCertificateRegeneration,
      @JsonAlias("certificate_regenerations") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
      Integer certificateRegenerations,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String issuedBackend,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> supportedBackends) {}

  /**
   * State of a proxy's OpenTelemetry export.
   *
   * @param backends one entry per backend
   */
  public record OpenTelemetry(@JsonInclude(JsonInclude.Include.NON_EMPTY) List<Backend> backends) {}

  /**
   * State of one OpenTelemetry backend.
   *
   * @param name backend name
   * @param traces state of trace export
   * @param logs state of log export
   * @param metrics state of metric export
   */
  public record Backend(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String name,
      Signal traces,
      Signal logs,
      Signal metrics) {}

  /**
   * State of one exported signal.
   *
   * @param enabled whether export is on
   * @param envAllowed whether environment overrides are allowed
   * @param envInputPresent whether environment input was present
   * @param state summary state
   * @param overrideKinds kinds of overrides applied
   * @param missingFields fields that are missing
   * @param blockedReasons why export is blocked
   */
  public record Signal(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean enabled,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean envAllowed,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean envInputPresent,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String state,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> overrideKinds,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> missingFields,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> blockedReasons) {}
}
