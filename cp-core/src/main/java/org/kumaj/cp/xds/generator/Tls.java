package org.kumaj.cp.xds.generator;

import com.google.protobuf.Message;
import io.envoyproxy.envoy.config.core.v3.TransportSocket;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CertificateValidationContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CommonTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SdsSecretConfig;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.SubjectAltNameMatcher;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;

/**
 * Kuma's mesh mTLS contexts ({@code pkg/xds/envoy/tls/v3/tls.go}): both sides present
 * {@code identity_cert:secret:<mesh>} and verify peers against {@code mesh_ca:secret:<mesh>}, both
 * delivered over SDS on the ADS stream.
 */
final class Tls {
  private Tls() {}

  /** Server side of an inbound: client certificate required, any SPIFFE id of the mesh accepted. */
  static DownstreamTlsContext downstream(String mesh) {
    SubjectAltNameMatcher anyOfMesh = uriSan(StringMatcher.newBuilder().setPrefix(Names.spiffePrefix(mesh)).build());
    return DownstreamTlsContext.newBuilder()
        .setCommonTlsContext(common(mesh, anyOfMesh))
        .setRequireClientCertificate(Protos.bool(true))
        .build();
  }

  /** Client side towards a service: SNI, ALPN {@code kuma} and the service's exact SPIFFE id. */
  static UpstreamTlsContext upstream(String mesh, String service, String sni) {
    SubjectAltNameMatcher exact = uriSan(StringMatcher.newBuilder().setExact(Names.spiffeId(mesh, service)).build());
    return UpstreamTlsContext.newBuilder()
        .setCommonTlsContext(common(mesh, exact).toBuilder().addAlpnProtocols(Names.KUMA_ALPN))
        .setSni(sni)
        .build();
  }

  /** {@code envoy.transport_sockets.tls} carrying a TLS context. */
  static TransportSocket transportSocket(Message tlsContext) {
    return TransportSocket.newBuilder()
        .setName(Names.TRANSPORT_SOCKET_TLS)
        .setTypedConfig(Protos.pack(tlsContext))
        .build();
  }

  private static CommonTlsContext common(String mesh, SubjectAltNameMatcher san) {
    return CommonTlsContext.newBuilder()
        .setCombinedValidationContext(CommonTlsContext.CombinedCertificateValidationContext.newBuilder()
            .setDefaultValidationContext(CertificateValidationContext.newBuilder().addMatchTypedSubjectAltNames(san))
            .setValidationContextSdsSecretConfig(sds(Names.meshCaSecret(mesh))))
        .addTlsCertificateSdsSecretConfigs(sds(Names.identitySecret(mesh)))
        .build();
  }

  private static SdsSecretConfig sds(String name) {
    return SdsSecretConfig.newBuilder().setName(name).setSdsConfig(Protos.ads()).build();
  }

  private static SubjectAltNameMatcher uriSan(StringMatcher matcher) {
    return SubjectAltNameMatcher.newBuilder()
        .setSanType(SubjectAltNameMatcher.SanType.URI)
        .setMatcher(matcher)
        .build();
  }
}
