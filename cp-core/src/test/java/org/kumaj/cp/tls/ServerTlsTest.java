package org.kumaj.cp.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.kumaj.cp.config.ConfigException;
import org.kumaj.cp.config.ConfigLoader;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.pki.Certificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerTlsTest {
  @TempDir
  Path dir;

  private KumaConfig config(Map<String, String> env) {
    Map<String, String> all = new HashMap<>(env);
    all.put("KUMA_GENERAL_WORK_DIR", dir.toString());
    return new ConfigLoader().load(null, all, Map.of(), warning -> { });
  }

  private ServerTls resolve(Map<String, String> env) {
    return ServerTls.resolve(config(env), new Certificates(Clock.systemUTC()));
  }

  @Test
  void generatesOnceIntoTheWorkDirectoryAndServesTlsFromIt() throws IOException {
    ServerTls first = resolve(Map.of());
    String cert = Files.readString(first.certFile());

    ServerTls again = resolve(Map.of());
    assertThat(again.certFile()).isEqualTo(dir.resolve("kuma-cp.crt"));
    assertThat(Files.readString(again.certFile())).isEqualTo(cert);

    SslContext context = again.serverContext().build();
    assertThat(context.isServer()).isTrue();
    assertThat(again.protocols()).containsExactly("TLSv1.2", "TLSv1.3");
  }

  @Test
  void aConfiguredKeyThatIsNotPemIsRefusedNamingTheFile() throws IOException {
    ServerTls generated = resolve(Map.of());
    Path key = Files.writeString(dir.resolve("broken.key"), "not a key\n");
    ServerTls configured = resolve(Map.of(
        "KUMA_GENERAL_TLS_CERT_FILE", generated.certFile().toString(),
        "KUMA_GENERAL_TLS_KEY_FILE", key.toString()));

    assertThatThrownBy(configured::serverContext)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(key.toString())
        .hasMessageContaining("no private key found");
  }

  @Test
  void aConfiguredCertificateThatIsNotPemIsRefusedNamingTheFile() throws IOException {
    ServerTls generated = resolve(Map.of());
    Path cert = Files.writeString(dir.resolve("broken.crt"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    ServerTls configured = resolve(Map.of(
        "KUMA_GENERAL_TLS_CERT_FILE", cert.toString(),
        "KUMA_GENERAL_TLS_KEY_FILE", generated.keyFile().toString()));

    assertThatThrownBy(configured::serverContext)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(cert.toString());
  }

  @Test
  void onlyOneConfiguredFileIsAConfigError() {
    assertThatThrownBy(() -> resolve(Map.of("KUMA_GENERAL_TLS_CERT_FILE", dir.resolve("x.crt").toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("must be set together");
  }
}
