package org.kumaj.cp.xds.generator;

import io.envoyproxy.envoy.config.core.v3.CidrRange;
import java.util.List;
import java.util.Objects;
import org.kumaj.cp.xds.ProxyContext;
import org.kumaj.cp.xds.XdsResources;

/**
 * Generates the xDS resources of one Universal Dataplane proxy as Kuma 2.14 does for a mesh that
 * holds only the policies created with it, using Kuma's legacy resource names (the names of a
 * proxy without {@code feature-unified-resource-naming}).
 *
 * <h2>Envoy sidecar (the default)</h2>
 * <ul>
 *   <li><b>Inbounds</b>: per inbound, a STATIC cluster {@code localhost:<servicePort>} (connect
 *       timeout 10s; explicit HTTP/1.1 or HTTP/2 for {@code http}, {@code http2}, {@code grpc}) and
 *       a listener {@code inbound:<ip>:<port>} (INBOUND, {@code io.kuma.tags} metadata) with a
 *       {@code tcp_proxy} (idle timeout 2h) or, for {@code http}/{@code http2}/{@code grpc}, an HTTP
 *       connection manager whose inline route configuration {@code inbound:<service>} has one
 *       route to the local cluster. The protocol is the inbound's {@code protocol} field, else its
 *       {@code kuma.io/protocol} tag; anything else is TCP. Inbounds in state {@code Ignored}, on
 *       port 49151 (serviceless) or without a port get nothing; {@code NotReady} inbounds still
 *       get their listener (they are only left out of other proxies' endpoints).</li>
 *   <li><b>Outbounds</b> (those naming a {@code kuma.io/service}): a listener
 *       {@code outbound:<ip>:<port>} with a {@code tcp_proxy} or an HTTP connection manager with
 *       the inline route configuration {@code outbound:<service>} (route timeout 15s, stream idle
 *       30m, MeshRetry's default retry policy for {@code http} and {@code grpc}), an EDS cluster
 *       named after the service (connect timeout 5s, HTTP/2, circuit-breaker limits 1024/1024/1024/3)
 *       and its load assignment: the service's healthy endpoints from {@link
 *       org.kumaj.cp.xds.MeshView#endpoints()}, one weight-1 locality per {@code kuma.io/zone}. The
 *       outbound protocol is the common protocol of the service's healthy endpoints, so TCP when
 *       there are none; a service without endpoints gets an empty load assignment.</li>
 *   <li><b>Admin</b> (when {@code ProxyMetadata.adminPort} is not 0): cluster
 *       {@code kuma:envoy:admin}; with a readiness port also cluster {@code kuma:readiness} and, when
 *       {@code networking.address} is not the admin address, listener {@code kuma:envoy:admin} on
 *       {@code <networking.address>:<adminPort>} exposing {@code /ready}.</li>
 *   <li><b>Transparent proxy</b> ({@code networking.transparentProxying} redirect ports): inbound
 *       and outbound listeners are not bound, local clusters of non-loopback applications bind
 *       {@code 127.0.0.6}/{@code ::6}, and the {@code inbound:passthrough:ipv4|ipv6} and
 *       {@code outbound:passthrough:ipv4|ipv6} listeners and clusters are added.</li>
 *   <li><b>mTLS</b> (the mesh names an enabled CA backend): inbound filter chains require a client
 *       certificate ({@code identity_cert:secret:<mesh>}, validated against
 *       {@code mesh_ca:secret:<mesh>}, SAN prefix {@code spiffe://<mesh>/}) and carry a deny-all
 *       RBAC filter, which is what Kuma applies while no traffic permission selects the inbound;
 *       PERMISSIVE adds plaintext and application-TLS chains behind a TLS inspector. Outbound
 *       clusters use SNI {@code <service>{mesh=<mesh>}}, ALPN {@code kuma} and SAN
 *       {@code spiffe://<mesh>/<service>}. The two secrets come from
 *       {@link ProxyContext#identity()} when present.</li>
 * </ul>
 *
 * <h2>Proxyless gRPC ({@code ProxyMetadata.proxylessGrpc})</h2>
 * A grpc-xds client resolves {@code xds:///<service>} where {@code <service>} is the
 * {@code kuma.io/service} value of one of the Dataplane's outbounds. Per outbound service it gets:
 * <ul>
 *   <li>a listener named {@code <service>} holding only an {@code api_listener}: an HTTP connection
 *       manager that fetches the route configuration {@code outbound:<service>} by RDS over ADS,
 *       with the router as its last (only) HTTP filter;</li>
 *   <li>the route configuration {@code outbound:<service>}: one virtual host for {@code *}, one
 *       route (prefix {@code ""}) to the cluster {@code <service>};</li>
 *   <li>an EDS cluster {@code <service>} with {@code eds_config {ads: {}, resource_api_version: V3}},
 *       connect timeout 5s and the default circuit-breaker limits;</li>
 *   <li>its load assignment, every locality weighted 1 (grpc-xds ignores localities without a
 *       weight).</li>
 * </ul>
 * Inbound, admin and transparent-proxy resources are not generated (grpc-xds does not use them),
 * and neither are TLS transport sockets nor secrets: grpc-xds NACKs SDS secret references (it takes
 * certificates from certificate-provider plugins), so proxyless traffic is plaintext even in an
 * mTLS mesh.
 *
 * <p>Each list of the result is sorted by name; when two resources of one type get the same name
 * (e.g. two inbounds on one port) the later one wins, as in Kuma. Bad input never throws: missing
 * fields take Kuma's defaults.
 *
 * <p>Thread-safe: the same input gives equal resources. The only state is {@link SharedResources}:
 * outbound listeners, clusters and load assignments and inbound local clusters and HTTP connection
 * managers built from equal inputs are one object, for all the proxies and regenerations that hold one.
 */
public final class ProxyGenerator {
  /** Kuma's default {@code ipam.knownInternalCIDRs} ({@code KUMA_IPAM_KNOWN_INTERNAL_CIDRS}). */
  public static final List<String> DEFAULT_KNOWN_INTERNAL_CIDRS = List.of(
      "10.0.0.0/8", "192.168.0.0/16", "172.16.0.0/12", "fc00::/7", "fd00::/8", "127.0.0.1/32", "::1/128");

  private final List<CidrRange> internalAddresses;
  private final SharedResources shared = new SharedResources();

  /** A generator with Kuma's default known internal CIDRs. */
  public ProxyGenerator() {
    this(DEFAULT_KNOWN_INTERNAL_CIDRS);
  }

  /**
   * A generator whose HTTP connection managers treat the given CIDRs as internal.
   *
   * @param knownInternalCidrs {@code ipam.knownInternalCIDRs}, e.g. {@code 10.0.0.0/8}
   * @throws IllegalArgumentException when a CIDR is not {@code <address>/<prefix length>}
   */
  public ProxyGenerator(List<String> knownInternalCidrs) {
    this.internalAddresses = knownInternalCidrs.stream().map(ProxyGenerator::cidr).toList();
  }

  /**
   * Generates the resources of one proxy.
   *
   * @param context the proxy, its mesh and its identity
   * @return the listeners, clusters, load assignments, route configurations and secrets
   */
  public XdsResources generate(ProxyContext context) {
    Objects.requireNonNull(context, "context");
    ProxyView view = ProxyView.of(context, internalAddresses);
    Resources out = new Resources();
    if (view.metadata().proxylessGrpc()) {
      ProxylessGrpcGenerator.generate(view, out);
      return out.toXdsResources();
    }
    AdminGenerator.generate(view, out);
    TransparentProxyGenerator.generate(view, out);
    InboundGenerator.generate(view, out, shared);
    OutboundGenerator.generate(view, out, shared);
    if (view.mtls() != ProxyView.Mtls.OFF) {
      view.identity().ifPresent(identity -> {
        out.add(SecretBuilder.identity(view.mesh(), identity));
        out.add(SecretBuilder.meshCa(view.mesh(), identity));
      });
    }
    return out.toXdsResources();
  }

  private static CidrRange cidr(String cidr) {
    int slash = cidr.indexOf('/');
    try {
      if (slash <= 0) {
        throw new NumberFormatException();
      }
      int prefix = Integer.parseInt(cidr.substring(slash + 1));
      return CidrRange.newBuilder().setAddressPrefix(cidr.substring(0, slash)).setPrefixLen(Protos.uint32(prefix)).build();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("\"" + cidr + "\" is not a CIDR (<address>/<prefix length>)", e);
    }
  }
}
