package org.kumaj.model.mesh;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.kumaj.model.KdsFlags;
import org.kumaj.model.ProtoDuration;
import org.kumaj.model.ProxySpec;
import org.kumaj.model.TaggedSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;
import org.kumaj.model.system.ProtoJson;

/**
 * A data plane proxy: a sidecar (inbounds and outbounds), a gateway, or a proxy with embedded zone
 * ingress/egress listeners.
 *
 * @param networking addresses, inbounds, outbounds, gateway and transparent proxying
 * @param metrics override of the mesh's metrics backend for this proxy
 * @param probes application endpoints exposed without mTLS (deprecated)
 */
public record Dataplane(Networking networking, MetricsBackend metrics, Probes probes)
    implements ProxySpec, TaggedSpec {

  /** The tags of every inbound and of the gateway. */
  @Override
  public List<Map<String, String>> tagSets() {
    List<Map<String, String>> sets = new java.util.ArrayList<>();
    if (networking != null && networking.inbound() != null) {
      networking.inbound().stream().map(Inbound::tags).filter(java.util.Objects::nonNull).forEach(sets::add);
    }
    if (networking != null && networking.gateway() != null && networking.gateway().tags() != null) {
      sets.add(networking.gateway().tags());
    }
    return sets;
  }

  public static final ResourceType TYPE = ResourceType.builder("Dataplane")
      .scope(Scope.MESH)
      .spec(SpecStyle.INLINE, Dataplane.class)
      .wsPath("dataplanes")
      .kumactl("dataplane", "dataplanes")
      .shortName("dp")
      .displayNames("Dataplane", "Dataplanes")
      .kdsFlags(KdsFlags.ZONE_TO_GLOBAL)
      .insight("DataplaneInsight")
      .validator(new DataplaneValidator())
      .build();

  /** Kuma's {@code GetProxyType}: {@code gateway} for a builtin gateway, else {@code sidecar}. */
  @Override
  public String proxyType() {
    return isBuiltinGateway() ? "gateway" : "sidecar";
  }

  /** Kuma's {@code IsDelegatedGateway}: a gateway of type DELEGATED (the default type). */
  @JsonIgnore
  public boolean isDelegatedGateway() {
    return networking != null && networking.gateway() != null
        && ProtoEnum.GATEWAY_TYPE.is(networking.gateway().type(), Gateway.DELEGATED);
  }

  /** Kuma's {@code IsBuiltinGateway}: a gateway of type BUILTIN. */
  @JsonIgnore
  public boolean isBuiltinGateway() {
    return networking != null && networking.gateway() != null
        && ProtoEnum.GATEWAY_TYPE.is(networking.gateway().type(), Gateway.BUILTIN);
  }

  /**
   * How the proxy is reached and what it serves and consumes.
   *
   * @param address IP or hostname on which other proxies and the control plane reach this proxy
   * @param advertisedAddress routable address other proxies use instead of {@code address}
   * @param gateway set when the proxy is a gateway
   * @param inbound the services this proxy serves
   * @param outbound the services this proxy consumes
   * @param transparentProxying transparent proxying settings
   * @param admin Envoy admin API settings
   * @param listeners embedded zone ingress/egress listeners
   */
  public record Networking(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String address,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String advertisedAddress,
      Gateway gateway,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Inbound> inbound,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Outbound> outbound,
      @JsonAlias("transparent_proxying") TransparentProxying transparentProxying,
      EnvoyAdmin admin,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Listener> listeners) {}

  /**
   * A service served by the proxy; every inbound becomes an Envoy listener.
   *
   * @param port port the inbound listener uses (the application's port under transparent proxying)
   * @param servicePort application port requests are forwarded to (defaults to {@code port})
   * @param serviceAddress application address requests are forwarded to (defaults to
   *     {@code address})
   * @param address address of the inbound listener (defaults to {@code networking.address})
   * @param tags tags of the served service, e.g. {@code kuma.io/service}
   * @param health readiness of the inbound (absent means healthy)
   * @param serviceProbe active health check of the application
   * @param state {@code Ready} (default), {@code NotReady} or {@code Ignored}
   * @param name name of the port, usable from MeshService
   * @param protocol protocol of the service ({@code tcp}, {@code http}, ...)
   */
  public record Inbound(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer port,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer servicePort,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String serviceAddress,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String address,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> tags,
      Health health,
      ServiceProbe serviceProbe,
      @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = ReadyIsZero.class) String state,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String name,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String protocol) {
    public static final String READY = "Ready";
    public static final String NOT_READY = "NotReady";
    public static final String IGNORED = "Ignored";

    /** Kuma's {@code GetSectionName}: the name, or the port as text. */
    public String sectionName() {
      return name != null && !name.isEmpty() ? name : Integer.toString(port == null ? 0 : port);
    }

    /** The {@code kuma.io/service} tag, or {@code ""}. */
    public String service() {
      return tags == null ? "" : tags.getOrDefault(TagChecks.SERVICE_TAG, "");
    }
  }

  /**
   * Readiness of an inbound.
   *
   * @param ready whether the inbound serves traffic
   */
  public record Health(@JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean ready) {}

  /**
   * Active health check of the application next to the proxy.
   *
   * @param interval time between checks
   * @param timeout time to wait for a check
   * @param unhealthyThreshold failed checks before the application is unhealthy
   * @param healthyThreshold passed checks before the application is healthy
   * @param tcp check by opening a TCP connection
   */
  public record ServiceProbe(
      @ProtoJson.Duration ProtoDuration interval,
      @ProtoJson.Duration ProtoDuration timeout,
      @JsonAlias("unhealthy_threshold") Integer unhealthyThreshold,
      @JsonAlias("healthy_threshold") Integer healthyThreshold,
      Tcp tcp) {}

  /** A TCP health check (no settings). */
  public record Tcp() {}

  /**
   * A service consumed by the proxy; every outbound becomes an Envoy listener.
   *
   * @param address IP the service is available on (defaults to 127.0.0.1)
   * @param port port the service is available on
   * @param tags tags of the consumed service ({@code kuma.io/service} required)
   * @param backendRef the consumed MeshService, MeshExternalService or MeshMultiZoneService
   */
  public record Outbound(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String address,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer port,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> tags,
      BackendRef backendRef) {

    /** The {@code kuma.io/service} tag, or {@code ""}. */
    public String service() {
      return tags == null ? "" : tags.getOrDefault(TagChecks.SERVICE_TAG, "");
    }
  }

  /**
   * A reference from an outbound to a service resource.
   *
   * @param kind {@code MeshService}, {@code MeshExternalService} or {@code MeshMultiZoneService}
   * @param name name of the referenced resource
   * @param port port of the referenced resource
   * @param labels labels selecting the resource instead of a name
   */
  public record BackendRef(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String kind,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String name,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer port,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> labels) {}

  /**
   * Gateway settings of a gateway proxy.
   *
   * @param tags tags of the gateway, e.g. {@code kuma.io/service}
   * @param type {@code DELEGATED} (default) or {@code BUILTIN}
   */
  public record Gateway(
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> tags,
      @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = DelegatedIsZero.class)
      String type) {
    public static final String DELEGATED = "DELEGATED";
    public static final String BUILTIN = "BUILTIN";
  }

  /**
   * Transparent proxying settings.
   *
   * @param redirectPortInbound port inbound traffic is redirected to
   * @param redirectPortOutbound port outbound traffic is redirected to
   * @param directAccessServices services accessed directly by IP:port ({@code *} for all)
   * @param reachableServices the only {@code kuma.io/service}s this proxy reaches
   * @param ipFamilyMode {@code DualStack}, {@code IPv4} or {@code IPv6}
   * @param reachableBackends the only service resources this proxy reaches
   */
  public record TransparentProxying(
      @JsonAlias("redirect_port_inbound") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
      Integer redirectPortInbound,
      @JsonAlias("redirect_port_outbound") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
      Integer redirectPortOutbound,
      @JsonAlias("direct_access_services") @JsonInclude(JsonInclude.Include.NON_EMPTY)
      List<String> directAccessServices,
      @JsonAlias("reachable_services") @JsonInclude(JsonInclude.Include.NON_EMPTY)
      List<String> reachableServices,
      @JsonAlias("ip_family_mode")
      @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = UnSpecifiedIsZero.class)
      String ipFamilyMode,
      @JsonAlias("reachable_backends") ReachableBackends reachableBackends) {}

  /**
   * Service resources reachable through transparent proxying.
   *
   * @param refs the references
   */
  public record ReachableBackends(@JsonInclude(JsonInclude.Include.NON_EMPTY) List<ReachableBackendRef> refs) {}

  /**
   * A service resource reachable through transparent proxying.
   *
   * @param kind {@code MeshService}, {@code MeshExternalService} or {@code MeshMultiZoneService}
   * @param name name of the resource
   * @param namespace namespace of the resource
   * @param port port of the resource
   * @param labels labels selecting resources instead of a name
   */
  public record ReachableBackendRef(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String kind,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String name,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String namespace,
      Integer port,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> labels) {}

  /**
   * A zone ingress or egress listener embedded in the proxy.
   *
   * @param type {@code ZoneIngress} or {@code ZoneEgress}
   * @param address address of the listener
   * @param port port of the listener
   * @param name name used by {@code sectionName} (defaults to the port)
   * @param state {@code Ready} (default) or {@code NotReady}
   */
  public record Listener(
      @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = UnspecifiedIsZero.class)
      String type,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String address,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer port,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String name,
      @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = ReadyIsZero.class) String state) {
    public static final String ZONE_INGRESS = "ZoneIngress";
    public static final String ZONE_EGRESS = "ZoneEgress";

    /** Kuma's {@code GetSectionName}: the name, or the port as text. */
    public String sectionName() {
      return name != null && !name.isEmpty() ? name : Integer.toString(port == null ? 0 : port);
    }
  }

  /**
   * Application endpoints exposed without mTLS (virtual probes).
   *
   * @param port port the endpoints are exposed on
   * @param endpoints the exposed endpoints
   */
  public record Probes(
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer port,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Endpoint> endpoints) {}

  /**
   * One endpoint exposed by virtual probes.
   *
   * @param inboundPort application port the endpoint comes from
   * @param inboundPath application path the endpoint comes from
   * @param path path on the probes port
   */
  public record Endpoint(
      @JsonAlias("inbound_port") @JsonInclude(JsonInclude.Include.NON_DEFAULT) Integer inboundPort,
      @JsonAlias("inbound_path") @JsonInclude(JsonInclude.Include.NON_DEFAULT) String inboundPath,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) String path) {}

  /** Omits {@code Ready}, the zero value of inbound and listener states. */
  static final class ReadyIsZero extends ProtoJson.EnumZero {
    ReadyIsZero() {
      super("Ready");
    }
  }

  /** Omits {@code type: DELEGATED}, the zero value. */
  static final class DelegatedIsZero extends ProtoJson.EnumZero {
    DelegatedIsZero() {
      super(Gateway.DELEGATED);
    }
  }

  /** Omits {@code ipFamilyMode: UnSpecified}, the zero value. */
  static final class UnSpecifiedIsZero extends ProtoJson.EnumZero {
    UnSpecifiedIsZero() {
      super("UnSpecified");
    }
  }

  /** Omits {@code type: Unspecified}, the zero value. */
  static final class UnspecifiedIsZero extends ProtoJson.EnumZero {
    UnspecifiedIsZero() {
      super("Unspecified");
    }
  }
}
