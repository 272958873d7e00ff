package org.kumaj.cp.xds.generator;

import com.google.protobuf.ByteString;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CertificateValidationContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.TlsCertificate;
import java.nio.charset.StandardCharsets;
import org.kumaj.cp.xds.IdentityMaterial;

/** Builds the SDS {@link Secret}s of mesh mTLS ({@code pkg/xds/envoy/secrets/v3}), PEM inline. */
final class SecretBuilder {
  private SecretBuilder() {}

  /** {@code identity_cert:secret:<mesh>}: the proxy's certificate chain and key. */
  static Secret identity(String mesh, IdentityMaterial identity) {
    return Secret.newBuilder()
        .setName(Names.identitySecret(mesh))
        .setTlsCertificate(TlsCertificate.newBuilder()
            .setCertificateChain(inline(identity.certificateChainPem()))
            .setPrivateKey(inline(identity.privateKeyPem())))
        .build();
  }

  /** {@code mesh_ca:secret:<mesh>}: the trusted CA certificates, joined by new lines as Kuma does. */
  static Secret meshCa(String mesh, IdentityMaterial identity) {
    return Secret.newBuilder()
        .setName(Names.meshCaSecret(mesh))
        .setValidationContext(CertificateValidationContext.newBuilder()
            .setTrustedCa(inline(String.join("\n", identity.trustedCaPems()))))
        .build();
  }

  private static DataSource inline(String pem) {
    return DataSource.newBuilder()
        .setInlineBytes(ByteString.copyFrom(pem == null ? "" : pem, StandardCharsets.UTF_8))
        .build();
  }
}
