package org.kumaj.cp.xds.generator;

import io.envoyproxy.envoy.config.core.v3.CidrRange;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.kumaj.cp.xds.Endpoint;
import org.kumaj.cp.xds.IdentityMaterial;
import org.kumaj.cp.xds.ProxyContext;
import org.kumaj.cp.xds.ProxyMetadata;
import org.kumaj.model.mesh.CertificateAuthorityBackend;
import org.kumaj.model.mesh.Dataplane;
import org.kumaj.model.mesh.Mesh;

/**
 * A {@link ProxyContext} read once into what the generators need, with every optional field of
 * the Dataplane and Mesh resolved to Kuma's defaults (so no generator handles {@code null}s).
 *
 * @param mesh the mesh name
 * @param mtls the mesh's mTLS mode
 * @param meshPassthrough whether the mesh lets traffic leave to unknown destinations
 * @param address {@code networking.address} of the Dataplane
 * @param inbounds the inbounds, in Dataplane order
 * @param outbounds the outbounds that name a {@code kuma.io/service}, in Dataplane order
 * @param transparentProxy the transparent-proxy settings
 * @param metadata the proxy's node metadata
 * @param endpoints the mesh's endpoints by service
 * @param identity the proxy's mTLS material
 * @param internalAddresses the CIDRs HTTP connection managers treat as internal
 */
record ProxyView(
    String mesh,
    Mtls mtls,
    boolean meshPassthrough,
    String address,
    List<InboundView> inbounds,
    List<OutboundView> outbounds,
    TransparentProxy transparentProxy,
    ProxyMetadata metadata,
    Map<String, List<Endpoint>> endpoints,
    Optional<IdentityMaterial> identity,
    List<CidrRange> internalAddresses) {

  /** Kuma's {@code TCPPortReserved}: an inbound on this port is "serviceless" and gets no listener. */
  static final int SERVICELESS_PORT = 49151;
  static final String FEATURE_REUSE_PORT = "feature-reuse-port";
  static final String FEATURE_BIND_OUTBOUNDS = "feature-bind-outbounds";

  /** Mesh mTLS: off, or on with the enabled CA backend's mode. */
  enum Mtls { OFF, STRICT, PERMISSIVE }

  /**
   * Kuma's {@code InboundInterface} plus the inbound's tags, protocol and state.
   *
   * @param dataplaneIp the listener address ({@code inbound.address}, else {@code networking.address})
   * @param port the listener port
   * @param workloadIp where the application listens ({@code serviceAddress}, else {@code dataplaneIp})
   * @param workloadPort the application port ({@code servicePort}, else {@code port})
   * @param sectionName the inbound's name, else its port
   * @param tags the inbound's tags
   * @param protocol the {@code protocol} field, else the {@code kuma.io/protocol} tag
   * @param state {@code Ready}, {@code NotReady} or {@code Ignored}
   */
  record InboundView(
      String dataplaneIp, int port, String workloadIp, int workloadPort, String sectionName,
      Map<String, String> tags, Protocol protocol, String state) {

    String service() {
      return tags.getOrDefault(Names.SERVICE_TAG, "");
    }

    /** Ignored and serviceless inbounds (and ones without a port) get no listener. */
    boolean hasListener() {
      return !Dataplane.Inbound.IGNORED.equals(state) && port > 0 && port != SERVICELESS_PORT;
    }
  }

  /**
   * An outbound to a {@code kuma.io/service}.
   *
   * @param address the listener address (default {@code 127.0.0.1})
   * @param port the listener port
   * @param tags the outbound's tags
   */
  record OutboundView(String address, int port, Map<String, String> tags) {
    String service() {
      return tags.get(Names.SERVICE_TAG);
    }
  }

  /**
   * Transparent proxying from {@code networking.transparentProxying} (Kuma's
   * {@code DataplaneConfig}).
   *
   * @param enabled traffic is redirected to the proxy (listeners are not bound)
   * @param inboundPort the inbound redirect port, 0 when not redirected
   * @param outboundPort the outbound redirect port, 0 when not redirected
   * @param ipv6 IPv6 is redirected too (the IP family mode is not {@code IPv4})
   */
  record TransparentProxy(boolean enabled, int inboundPort, int outboundPort, boolean ipv6) {}

  static ProxyView of(ProxyContext context, List<CidrRange> internalAddresses) {
    Mesh mesh = context.mesh().meshSpec();
    Dataplane.Networking networking = context.dataplaneSpec().networking();
    String address = networking == null || networking.address() == null ? "" : networking.address();
    List<InboundView> inbounds = networking == null || networking.inbound() == null
        ? List.of()
        : networking.inbound().stream().filter(Objects::nonNull).map(in -> inbound(address, in)).toList();
    List<OutboundView> outbounds = networking == null || networking.outbound() == null
        ? List.of()
        : networking.outbound().stream().filter(Objects::nonNull).map(ProxyView::outbound)
            .filter(o -> o.service() != null && !o.service().isEmpty() && o.port() > 0).toList();
    return new ProxyView(
        context.mesh().name(),
        mtls(mesh),
        mesh.networking() == null || mesh.networking().outbound() == null
            || !Boolean.FALSE.equals(mesh.networking().outbound().passthrough()),
        address,
        inbounds,
        outbounds,
        transparentProxy(networking, address),
        context.metadata() == null ? ProxyMetadata.EMPTY : context.metadata(),
        context.mesh().endpoints(),
        context.identity() == null ? Optional.empty() : context.identity(),
        internalAddresses);
  }

  boolean hasFeature(String feature) {
    return metadata.features().contains(feature);
  }

  /** The healthy endpoints' common protocol (Kuma's {@code inferServiceProtocol}). */
  Protocol serviceProtocol(String service) {
    return endpointsOf(service).stream()
        .filter(Endpoint::healthy)
        .map(e -> Protocol.parse(e.tags().get(Names.PROTOCOL_TAG)))
        .reduce(Protocol::common)
        .orElse(Protocol.UNKNOWN);
  }

  List<Endpoint> endpointsOf(String service) {
    List<Endpoint> found = endpoints.get(service);
    return found == null ? List.of() : found;
  }

  /** Outbound listeners are not bound when traffic is redirected and kuma-dp does not bind them. */
  boolean outboundsTransparent() {
    return transparentProxy.enabled() && !hasFeature(FEATURE_BIND_OUTBOUNDS);
  }

  private static Mtls mtls(Mesh mesh) {
    if (!mesh.mtlsEnabled()) {
      return Mtls.OFF;
    }
    CertificateAuthorityBackend backend = mesh.enabledCertificateAuthorityBackend();
    return backend != null && "PERMISSIVE".equals(backend.mode()) ? Mtls.PERMISSIVE : Mtls.STRICT;
  }

  private static InboundView inbound(String networkingAddress, Dataplane.Inbound in) {
    int port = in.port() == null ? 0 : in.port();
    String dataplaneIp = in.address() == null || in.address().isEmpty() ? networkingAddress : in.address();
    Map<String, String> tags = in.tags() == null ? Map.of() : Map.copyOf(in.tags());
    String protocol = in.protocol() == null || in.protocol().isEmpty() ? tags.get(Names.PROTOCOL_TAG) : in.protocol();
    return new InboundView(
        dataplaneIp,
        port,
        in.serviceAddress() == null || in.serviceAddress().isEmpty() ? dataplaneIp : in.serviceAddress(),
        in.servicePort() == null || in.servicePort() == 0 ? port : in.servicePort(),
        in.sectionName(),
        tags,
        Protocol.parse(protocol),
        in.state() == null ? Dataplane.Inbound.READY : in.state());
  }

  private static OutboundView outbound(Dataplane.Outbound out) {
    return new OutboundView(
        out.address() == null || out.address().isEmpty() ? "127.0.0.1" : out.address(),
        out.port() == null ? 0 : out.port(),
        out.tags() == null ? Map.of() : Map.copyOf(out.tags()));
  }

  private static TransparentProxy transparentProxy(Dataplane.Networking networking, String address) {
    Dataplane.TransparentProxying tp = networking == null ? null : networking.transparentProxying();
    if (tp == null) {
      return new TransparentProxy(false, 0, 0, false);
    }
    int inbound = tp.redirectPortInbound() == null ? 0 : tp.redirectPortInbound();
    int outbound = tp.redirectPortOutbound() == null ? 0 : tp.redirectPortOutbound();
    boolean ipv4Only = tp.ipFamilyMode() != null && tp.ipFamilyMode().toLowerCase(Locale.ROOT).equals("ipv4");
    boolean enabled = (inbound > 0 || outbound > 0) && (!ipv4Only || Protos.isIpv4(address));
    return new TransparentProxy(enabled, inbound, outbound, !ipv4Only);
  }
}
