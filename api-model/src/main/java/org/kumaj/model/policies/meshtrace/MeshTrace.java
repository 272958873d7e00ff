package org.kumaj.model.policies.meshtrace;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.PolicyTraits;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;
import org.kumaj.model.policies.core.BackendResourceRef;
import org.kumaj.model.policies.core.Copies;
import org.kumaj.model.policies.core.GoStruct;
import org.kumaj.model.policies.core.IntOrString;
import org.kumaj.model.policies.core.TargetRef;

/**
 * MeshTrace: distributed tracing of requests through the proxies, sent to Zipkin, Datadog or
 * OpenTelemetry, with sampling rates and custom span tags.
 *
 * @param targetRef the proxies the policy applies to (the whole mesh when absent)
 * @param defaultConf the tracing configuration, Kuma's {@code default}
 */
public record MeshTrace(
    TargetRef targetRef, @JsonProperty("default") @GoStruct MeshTrace.Conf defaultConf)
    implements ResourceSpec {

  public static final ResourceType TYPE = ResourceType.builder("MeshTrace")
      .scope(Scope.MESH)
      .spec(SpecStyle.NESTED, MeshTrace.class)
      .wsPath("meshtraces")
      .kumactl("meshtrace", "meshtraces")
      .shortName("mtr")
      .displayNames("Mesh Trace", "Mesh Traces")
      .kdsFlags(KdsFlags.GLOBAL_TO_ZONES | KdsFlags.ZONE_TO_GLOBAL | KdsFlags.SYNCED_ACROSS_ZONES)
      .hasStatus()
      .policy(new PolicyTraits(true, false, false, false, false, false, false, false))
      .validator(new MeshTraceValidator())
      .specDefaults("{\"default\":{\"backends\":[{\"datadog\":{\"splitService\":false},\"openTelemetry\":{\"endpoint\":\"\"},\"zipkin\":{\"apiVersion\":\"httpJson\",\"sharedSpanContext\":true,\"traceId128bit\":false}}]}}")
      .build();

  /**
   * The tracing configuration.
   *
   * @param backends the tracing backend (at most one)
   * @param sampling sampling rates
   * @param tags custom tags added to spans
   */
  public record Conf(List<Backend> backends, Sampling sampling, List<Tag> tags) {
    static final Conf EMPTY = new Conf(null, null, null);

    public Conf {
      backends = Copies.list(backends);
      tags = Copies.list(tags);
    }
  }

  /**
   * A tracing backend; the field named by {@code type} holds its settings.
   *
   * @param type {@code Zipkin}, {@code Datadog} or {@code OpenTelemetry}
   * @param zipkin a Zipkin collector
   * @param datadog a Datadog agent
   * @param openTelemetry an OpenTelemetry collector
   */
  public record Backend(
      String type, ZipkinBackend zipkin, DatadogBackend datadog, OtelBackend openTelemetry) {
    public static final String ZIPKIN = "Zipkin";
    public static final String DATADOG = "Datadog";
    public static final String OPEN_TELEMETRY = "OpenTelemetry";
  }

  /**
   * An OpenTelemetry collector.
   *
   * @param endpoint address of the collector (deprecated in favour of {@code backendRef})
   * @param backendRef the MeshOpenTelemetryBackend that defines the collector
   */
  public record OtelBackend(String endpoint, BackendResourceRef backendRef) {}

  /**
   * A Zipkin collector.
   *
   * @param url the collector URL
   * @param traceId128bit generate 128-bit trace IDs
   * @param apiVersion {@code httpJson} or {@code httpProto}
   * @param sharedSpanContext share span IDs between client and server spans
   */
  public record ZipkinBackend(
      String url, Boolean traceId128bit, String apiVersion, Boolean sharedSpanContext) {}

  /**
   * A Datadog agent.
   *
   * @param url the agent address, {@code http://host:port}
   * @param splitService report each upstream as its own service
   */
  public record DatadogBackend(String url, Boolean splitService) {}

  /**
   * Sampling rates, each a percentage from 0 to 100.
   *
   * @param overall share of all requests traced
   * @param client share of requests traced when the client forces tracing
   * @param random share of requests randomly traced
   */
  public record Sampling(IntOrString overall, IntOrString client, IntOrString random) {}

  /**
   * A custom span tag, from a literal or a request header.
   *
   * @param name the tag name
   * @param literal a fixed value
   * @param header a request header value
   */
  public record Tag(String name, String literal, HeaderTag header) {}

  /**
   * A tag value taken from a request header.
   *
   * @param name the header name
   * @param defaultValue the value when the header is absent, Kuma's {@code default}
   */
  public record HeaderTag(String name, @JsonProperty("default") String defaultValue) {}
}
