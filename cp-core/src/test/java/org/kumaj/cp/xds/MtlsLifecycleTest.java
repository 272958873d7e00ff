package org.kumaj.cp.xds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kumaj.cp.xds.XdsTestSupport.poll;
import static org.kumaj.cp.xds.XdsTestSupport.put;

import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kumaj.cp.ca.IdentityIssuer;
import org.kumaj.cp.launcher.Role;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.cp.testing.TestControlPlane;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.mesh.DataplaneInsight;
import org.kumaj.pki.Pem;

/**
 * The identity-certificate life cycle with real ADS clients: rotation at 4/5 of a short lifetime
 * ({@code dpCert.rotation.expiration}), a new certificate when the proxy's tags change, the
 * DataplaneInsight's {@code mTLS} block following it, the state forgotten on disconnect, and the
 * builtin CA created when mTLS is switched on by a Mesh update.
 */
class MtlsLifecycleTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  @TempDir
  static Path workDir;
  static TestControlPlane cp;
  static X509Certificate ca;
  static int port;

  @BeforeAll
  static void start() throws Exception {
    cp = TestControlPlane.start(Role.STANDALONE, workDir, Map.of(
        "KUMA_DP_SERVER_AUTHN_DP_PROXY_TYPE", "none",
        "KUMA_XDS_SERVER_DATAPLANE_STATUS_FLUSH_INTERVAL", "200ms"));
    ca = XdsTestSupport.controlPlaneCertificate(workDir);
    port = cp.port("KUMA_DP_SERVER_PORT");
  }

  @AfterAll
  static void stop() {
    cp.close();
  }

  static String mesh(String name, String expiration) {
    return "{\"type\":\"Mesh\",\"name\":\"" + name + "\",\"mtls\":{\"enabledBackend\":\"ca-1\",\"backends\":[{\"name\":"
        + "\"ca-1\",\"type\":\"builtin\"" + (expiration == null ? ""
        : ",\"dpCert\":{\"rotation\":{\"expiration\":\"" + expiration + "\"}}") + "}]}}";
  }

  static String dataplane(String mesh, String name, String version) {
    return "{\"type\":\"Dataplane\",\"mesh\":\"" + mesh + "\",\"name\":\"" + name + "\",\"networking\":{\"address\":"
        + "\"10.3.0.1\",\"inbound\":[{\"port\":8080,\"tags\":{\"kuma.io/service\":\"web\",\"version\":\"" + version
        + "\"}}]}}";
  }

  /** Subscribes to the proxy's secrets and returns a way to read its current certificate. */
  static AdsClient connect(String mesh, String name) throws Exception {
    AdsClient client = new AdsClient(port, ca, mesh + "." + name, null, Map.of());
    client.subscribe(Resources.V3.LISTENER_TYPE_URL, List.of());
    client.subscribe(Resources.V3.SECRET_TYPE_URL, List.of("identity_cert:secret:" + mesh, "mesh_ca:secret:" + mesh));
    return client;
  }

  static X509Certificate identity(DiscoveryResponse r, String mesh) {
    for (var any : r.getResourcesList()) {
      try {
        Secret s = any.unpack(Secret.class);
        if (s.getName().equals("identity_cert:secret:" + mesh)) {
          return Pem.certificates(s.getTlsCertificate().getCertificateChain().getInlineBytes()
              .toString(StandardCharsets.UTF_8)).get(0);
        }
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
    return null;
  }

  static X509Certificate awaitCertificate(AdsClient client, String mesh, X509Certificate other) {
    DiscoveryResponse r = client.await(Resources.V3.SECRET_TYPE_URL, resp -> {
      X509Certificate c = identity(resp, mesh);
      return c != null && (other == null || !c.getSerialNumber().equals(other.getSerialNumber()));
    }, DEADLINE);
    return identity(r, mesh);
  }

  static Optional<DataplaneInsight.Mtls> insightMtls(String mesh, String name) {
    return cp.bean(ResourceManager.class).get(new ResourceKey(DataplaneInsight.TYPE, mesh, name))
        .map(r -> r.spec(DataplaneInsight.class).mTLS());
  }

  @Test
  void certificatesRotateAtFourFifthsOfTheirLifeAndTheInsightFollows() throws Exception {
    put(cp, "/meshes/rotating", mesh("rotating", "5s"));
    put(cp, "/meshes/rotating/dataplanes/web-1", dataplane("rotating", "web-1", "v1"));
    try (AdsClient client = connect("rotating", "web-1")) {
      X509Certificate first = awaitCertificate(client, "rotating", null);
      Duration life = Duration.between(first.getNotBefore().toInstant(), first.getNotAfter().toInstant());
      assertThat(first.getNotAfter().toInstant()).isBefore(Instant.now().plusSeconds(6));
      long issuedAt = System.nanoTime();
      poll(DEADLINE,
          () -> insightMtls("rotating", "web-1").map(m -> m.certificateExpirationTime() != null).orElse(false));

      X509Certificate second = awaitCertificate(client, "rotating", first);
      // not before 4/5 of the 5 s life (with a margin for the clock's granularity)
      assertThat(Duration.ofNanos(System.nanoTime() - issuedAt)).isGreaterThan(Duration.ofMillis(3000));
      assertThat(second.getNotAfter()).isAfter(first.getNotAfter());
      assertThat(life).isPositive();

      poll(DEADLINE, () -> insightMtls("rotating", "web-1").map(m -> m.certificateRegenerations() != null
          && m.certificateRegenerations() >= 2 && "ca-1".equals(m.issuedBackend())
          && m.supportedBackends() != null && m.supportedBackends().contains("ca-1")
          && m.lastCertificateRegeneration() != null
          && !m.certificateExpirationTime().isBefore(second.getNotAfter().toInstant().minusSeconds(1))).orElse(false));
    }
  }

  @Test
  void aTagChangeIssuesAndPushesANewCertificate() throws Exception {
    put(cp, "/meshes/tagged", mesh("tagged", null));
    put(cp, "/meshes/tagged/dataplanes/web-1", dataplane("tagged", "web-1", "v1"));
    try (AdsClient client = connect("tagged", "web-1")) {
      X509Certificate first = awaitCertificate(client, "tagged", null);
      assertThat(sans(first)).contains("kuma://version/v1");
      put(cp, "/meshes/tagged/dataplanes/web-1", dataplane("tagged", "web-1", "v2"));
      X509Certificate second = awaitCertificate(client, "tagged", first);
      assertThat(sans(second)).contains("kuma://version/v2").doesNotContain("kuma://version/v1");
    }
  }

  private static List<String> sans(X509Certificate c) throws Exception {
    return c.getSubjectAlternativeNames().stream().map(l -> String.valueOf(l.get(1))).toList();
  }

  @Test
  void theIdentityIsForgottenWhenTheProxyDisconnects() throws Exception {
    put(cp, "/meshes/forgetful", mesh("forgetful", null));
    put(cp, "/meshes/forgetful/dataplanes/web-1", dataplane("forgetful", "web-1", "v1"));
    IdentityIssuer issuer = cp.bean(IdentityIssuer.class);
    ProxyId id = new ProxyId("forgetful", "web-1");
    X509Certificate first;
    try (AdsClient client = connect("forgetful", "web-1")) {
      first = awaitCertificate(client, "forgetful", null);
      assertThat(issuer.status(id)).isPresent();
      assertThat(issuer.nextRotation(id)).isPresent();
    }
    poll(DEADLINE, () -> issuer.status(id).isEmpty() && issuer.nextRotation(id).isEmpty());
    // a reconnecting proxy gets a fresh certificate, not the forgotten one (the old snapshot may be
    // served first while it is regenerated)
    try (AdsClient client = connect("forgetful", "web-1")) {
      X509Certificate again = awaitCertificate(client, "forgetful", first);
      assertThat(again.getSerialNumber()).isNotEqualTo(first.getSerialNumber());
    }
  }

  @Test
  void switchingMtlsOnByAMeshUpdateCreatesTheBuiltinCa() throws Exception {
    put(cp, "/meshes/later", "{\"type\":\"Mesh\",\"name\":\"later\"}");
    ResourceManager manager = cp.bean(ResourceManager.class);
    ResourceKey cert = new ResourceKey(org.kumaj.model.system.Secret.TYPE, "later", "later.ca-builtin-cert-ca-1");
    ResourceKey key = new ResourceKey(org.kumaj.model.system.Secret.TYPE, "later", "later.ca-builtin-key-ca-1");
    assertThat(manager.get(cert)).isEmpty();
    put(cp, "/meshes/later", mesh("later", null));
    // created with the update itself, before any proxy asks for a certificate
    assertThat(manager.get(cert)).isPresent();
    assertThat(manager.get(key)).isPresent();
    Resource secret = manager.get(cert).orElseThrow();
    assertThat(secret.meta().name()).isEqualTo("later.ca-builtin-cert-ca-1");
  }
}
