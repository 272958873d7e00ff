package org.kumaj.cp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kumaj.cp.launcher.Role;
import org.kumaj.cp.testing.TestControlPlane;
import org.kumaj.pki.CertificateUsage;
import org.kumaj.pki.Certificates;
import org.kumaj.pki.KeyAndCertificate;
import org.kumaj.pki.KeyType;

/**
 * The API over HTTPS (5682) with a real TLS client: the listener presents
 * {@code apiServer.https.tlsCertFile}, serves the same routes, and with
 * {@code KUMA_API_SERVER_HTTPS_REQUIRE_CLIENT_CERT} refuses clients without a certificate signed by
 * {@code apiServer.https.tlsCaFile} during the handshake.
 */
class ApiHttpsTest {
  @TempDir
  static Path dir;
  static TestControlPlane cp;
  static KeyAndCertificate server;
  static KeyAndCertificate client;
  static KeyAndCertificate stranger;

  @BeforeAll
  static void start() throws IOException {
    Certificates certs = new Certificates(Clock.systemUTC());
    server = certs.selfSigned(CertificateUsage.SERVER, KeyType.RSA, List.of("127.0.0.1", "localhost"));
    client = certs.selfSigned(CertificateUsage.CLIENT, KeyType.RSA, List.of());
    stranger = certs.selfSigned(CertificateUsage.CLIENT, KeyType.RSA, List.of());
    Path cert = Files.writeString(dir.resolve("api.crt"), server.certificatePem());
    Path key = Files.writeString(dir.resolve("api.key"), server.keyPem());
    Path ca = Files.writeString(dir.resolve("clients-ca.crt"), client.certificatePem());
    cp = TestControlPlane.start(Role.STANDALONE, dir.resolve("work"), Map.of(
        "KUMA_API_SERVER_HTTPS_TLS_CERT_FILE", cert.toString(),
        "KUMA_API_SERVER_HTTPS_TLS_KEY_FILE", key.toString(),
        "KUMA_API_SERVER_HTTPS_REQUIRE_CLIENT_CERT", "true",
        "KUMA_API_SERVER_HTTPS_CLIENT_CERTS_CA_FILE", ca.toString()));
  }

  @AfterAll
  static void stop() {
    if (cp != null) {
      cp.close();
    }
  }

  @Test
  void clientWithATrustedCertificateIsServed() throws Exception {
    try (SSLSocket socket = connect(client)) {
      assertThat(socket.getSession().getPeerCertificates()[0]).isEqualTo(server.certificate());
      String response = get(socket, "/meshes/default");
      assertThat(response).startsWith("HTTP/1.1 200");
      assertThat(response).contains("\"name\":\"default\"");
    }
  }

  @Test
  void clientWithoutCertificateIsRefused() {
    assertThatThrownBy(() -> {
      try (SSLSocket socket = connect(null)) {
        get(socket, "/meshes/default");
      }
    }).isInstanceOf(IOException.class);
  }

  @Test
  void clientWithAnUntrustedCertificateIsRefused() {
    assertThatThrownBy(() -> {
      try (SSLSocket socket = connect(stranger)) {
        get(socket, "/meshes/default");
      }
    }).isInstanceOf(IOException.class);
  }

  @Test
  void plainHttpListenerIsUnaffected() {
    assertThat(new ApiClient(cp.apiUrl()).get("/meshes/default").status()).isEqualTo(200);
  }

  private static SSLSocket connect(KeyAndCertificate identity) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("server", server.certificate());
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    KeyManagerFactory kmf = null;
    if (identity != null) {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("client", identity.key(), new char[0], new Certificate[] {identity.certificate()});
      kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, new char[0]);
    }
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    SSLSocket socket = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1",
        cp.port("KUMA_API_SERVER_HTTPS_PORT"));
    socket.setSoTimeout(10_000);
    socket.startHandshake();
    return socket;
  }

  /** Sends a GET and reads the whole answer (the server closes after {@code Connection: close}). */
  private static String get(SSLSocket socket, String path) throws IOException {
    socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    int n;
    while ((n = in.read(buf)) > 0) {
      out.write(buf, 0, n);
    }
    if (out.size() == 0) {
      throw new IOException("connection closed without an answer");
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
