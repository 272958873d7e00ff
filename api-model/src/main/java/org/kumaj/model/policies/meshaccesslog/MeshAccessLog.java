package org.kumaj.model.policies.meshaccesslog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.PolicyTraits;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;
import org.kumaj.model.policies.core.BackendResourceRef;
import org.kumaj.model.policies.core.Copies;
import org.kumaj.model.policies.core.KeyValue;
import org.kumaj.model.policies.core.MatchRule;
import org.kumaj.model.policies.core.PolicyItem;
import org.kumaj.model.policies.core.TargetRef;

/**
 * MeshAccessLog: request/connection logs written to a file, a TCP collector or OpenTelemetry.
 *
 * @param targetRef the proxies the policy applies to (the whole mesh when absent)
 * @param to outbound logging per destination
 * @param from inbound logging per client group (deprecated in favour of {@code rules})
 * @param rules inbound logging, optionally narrowed by client identity or SNI
 */
public record MeshAccessLog(
    TargetRef targetRef,
    List<PolicyItem<MeshAccessLog.Conf>> to,
    List<PolicyItem<MeshAccessLog.Conf>> from,
    List<MatchRule<MeshAccessLog.Conf>> rules) implements ResourceSpec {

  public static final ResourceType TYPE = ResourceType.builder("MeshAccessLog")
      .scope(Scope.MESH)
      .spec(SpecStyle.NESTED, MeshAccessLog.class)
      .wsPath("meshaccesslogs")
      .kumactl("meshaccesslog", "meshaccesslogs")
      .shortName("mal")
      .displayNames("Mesh Access Log", "Mesh Access Logs")
      .kdsFlags(KdsFlags.GLOBAL_TO_ZONES | KdsFlags.ZONE_TO_GLOBAL | KdsFlags.SYNCED_ACROSS_ZONES)
      .hasStatus()
      .policy(new PolicyTraits(true, true, true, true, true, true, true, false))
      .validator(new MeshAccessLogValidator())
      .specDefaults("{\"from\":[{\"default\":{\"backends\":[{\"file\":{\"format\":{\"omitEmptyValues\":false}},\"openTelemetry\":{\"endpoint\":\"\"},\"tcp\":{\"format\":{\"omitEmptyValues\":false}}}]}}],\"rules\":[{\"default\":{\"backends\":[{\"file\":{\"format\":{\"omitEmptyValues\":false}},\"openTelemetry\":{\"endpoint\":\"\"},\"tcp\":{\"format\":{\"omitEmptyValues\":false}}}]}}],\"to\":[{\"default\":{\"backends\":[{\"file\":{\"format\":{\"omitEmptyValues\":false}},\"openTelemetry\":{\"endpoint\":\"\"},\"tcp\":{\"format\":{\"omitEmptyValues\":false}}}]}}]}")
      .build();

  public MeshAccessLog {
    to = Copies.list(to);
    from = Copies.list(from);
    rules = Copies.list(rules);
  }

  /**
   * Where logs of one entry go.
   *
   * @param backends the log backends
   */
  public record Conf(List<Backend> backends) {
    public Conf {
      backends = Copies.list(backends);
    }
  }

  /**
   * A log backend; the field named by {@code type} holds its settings.
   *
   * @param type {@code Tcp}, {@code File} or {@code OpenTelemetry}
   * @param tcp a TCP collector
   * @param file a file
   * @param openTelemetry an OpenTelemetry collector
   */
  public record Backend(String type, TcpBackend tcp, FileBackend file, OtelBackend openTelemetry) {
    public static final String TCP = "Tcp";
    public static final String FILE = "File";
    public static final String OPEN_TELEMETRY = "OpenTelemetry";
  }

  /**
   * A TCP log collector.
   *
   * @param format the log line format
   * @param address address of the collector, e.g. {@code 127.0.0.1:5000}
   */
  public record TcpBackend(Format format, String address) {}

  /**
   * An OpenTelemetry log collector.
   *
   * @param attributes extra attributes of each log record
   * @param body the log record body: a string or an OTLP any value
   * @param endpoint address of the collector (deprecated in favour of {@code backendRef})
   * @param backendRef the MeshOpenTelemetryBackend that defines the collector
   */
  public record OtelBackend(
      List<KeyValue> attributes, JsonNode body, String endpoint, BackendResourceRef backendRef) {
    public OtelBackend {
      attributes = Copies.list(attributes);
    }
  }

  /**
   * A log file.
   *
   * @param format the log line format
   * @param path the file the logs are written to
   */
  public record FileBackend(Format format, String path) {}

  /**
   * A log line format.
   *
   * @param type {@code Plain} or {@code Json}
   * @param plain the line template of a {@code Plain} format
   * @param json the key/value template of a {@code Json} format
   * @param omitEmptyValues leave out empty values (Kuma's default false)
   */
  public record Format(String type, String plain, List<KeyValue> json, Boolean omitEmptyValues) {
    public static final String PLAIN = "Plain";
    public static final String JSON = "Json";

    public Format {
      json = Copies.list(json);
    }
  }
}
