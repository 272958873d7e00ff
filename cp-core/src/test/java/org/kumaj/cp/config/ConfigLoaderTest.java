package org.kumaj.cp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
  @TempDir
  Path dir;
  private final List<String> warnings = new ArrayList<>();
  private final ConfigLoader loader = new ConfigLoader();

  private KumaConfig load(String yaml, Map<String, String> env) throws IOException {
    Path file = null;
    if (yaml != null) {
      file = dir.resolve("kuma-cp.yaml");
      Files.writeString(file, yaml);
    }
    return loader.load(file, env, Map.of(), warnings::add);
  }

  @Test
  void defaultsFollowKumaExceptOurEmbeddedStore() throws IOException {
    KumaConfig c = load(null, Map.of());
    assertThat(c.integer("apiServer.http.port")).isEqualTo(5681);
    assertThat(c.integer("apiServer.https.port")).isEqualTo(5682);
    assertThat(c.integer("diagnostics.serverPort")).isEqualTo(5680);
    assertThat(c.integer("dpServer.port")).isEqualTo(5678);
    assertThat(c.integer("monitoringAssignmentServer.port")).isEqualTo(5676);
    assertThat(c.integer("interCp.server.port")).isEqualTo(5683);
    assertThat(c.integer("multizone.global.kds.grpcPort")).isEqualTo(5685);
    assertThat(c.integer("runtime.kubernetes.admissionServer.port")).isEqualTo(5443);
    assertThat(c.mode()).isEqualTo("zone");
    assertThat(c.storeType()).isEqualTo("h2");
    assertThat(c.string("general.tlsMinVersion")).isEqualTo("TLSv1_2");
    assertThat(c.duration("xdsServer.dataplaneStatusFlushInterval")).hasSeconds(10);
    assertThat(c.strings("policies.pluginPoliciesEnabled")).contains("meshtimeouts", "meshtrafficpermissions");
    assertThat(warnings).isEmpty();
  }

  @Test
  void environmentWinsOverFileWhichWinsOverDefaults() throws IOException {
    KumaConfig c = load("""
        apiServer:
          http:
            port: 6000
          https:
            port: 6001
        store:
          type: memory
        """, Map.of("KUMA_API_SERVER_HTTP_PORT", "7000"));
    assertThat(c.integer("apiServer.http.port")).isEqualTo(7000);
    assertThat(c.integer("apiServer.https.port")).isEqualTo(6001);
    assertThat(c.storeType()).isEqualTo("memory");
  }

  @Test
  void irregularEnvironmentNamesComeFromTheTable() throws IOException {
    KumaConfig c = load(null, Map.of(
        "KUMA_STORE_POSTGRES_TLS_ROOT_CERT_PATH", "/ca.pem",
        "KUMA_XDS_DATAPLANE_DEREGISTRATION_DELAY", "30s",
        "KUMA_API_SERVER_HTTPS_CLIENT_CERTS_CA_FILE", "/clients.pem",
        "KUMA_DNS_SERVICE_SERVICE_VIP_PORT", "8080",
        "KUMA_PLUGIN_POLICIES_ENABLED", "meshtimeouts, meshretries",
        "KUMA_DP_SERVER_AUTHN_DP_PROXY_TYPE", "none"));
    assertThat(c.string("store.postgres.tls.caPath")).isEqualTo("/ca.pem");
    assertThat(c.string("xdsServer.dataplaneDeregistrationDelay")).isEqualTo("30s");
    assertThat(c.string("apiServer.https.tlsCaFile")).isEqualTo("/clients.pem");
    assertThat(c.integer("dnsServer.serviceVipPort")).isEqualTo(8080);
    assertThat(c.strings("policies.pluginPoliciesEnabled")).containsExactly("meshtimeouts", "meshretries");
    assertThat(c.string("dpServer.authn.dpProxy.type")).isEqualTo("none");
  }

  @Test
  void unknownFileKeysAreWarningsNamingTheKey() throws IOException {
    KumaConfig c = load("""
        apiServer:
          htpp:
            port: 1
        notASection: true
        runtime:
          kubernetes:
            injector:
              exceptions:
                labels:
                  my.label/x: "*"
        """, Map.of());
    assertThat(warnings).containsExactly(
        "unknown configuration key \"apiServer.htpp\" in the configuration file is ignored",
        "unknown configuration key \"notASection\" in the configuration file is ignored");
    assertThat(c.get("runtime.kubernetes.injector.exceptions.labels").has("my.label/x")).isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "KUMA_API_SERVER_HTTP_PORT|abc|invalid value \"abc\" for apiServer.http.port (KUMA_API_SERVER_HTTP_PORT): expected an integer",
      "KUMA_MODE|federated|invalid value \"federated\" for mode (KUMA_MODE): allowed values are zone, global, standalone",
      "KUMA_STORE_TYPE|mysql|invalid value \"mysql\" for store.type (KUMA_STORE_TYPE): allowed values are memory, h2, postgres",
      "KUMA_API_SERVER_READ_ONLY|yes|invalid value \"yes\" for apiServer.readOnly (KUMA_API_SERVER_READ_ONLY): expected true or false",
      "KUMA_DIAGNOSTICS_SERVER_PORT|70000|invalid value \"70000\" for diagnostics.serverPort (KUMA_DIAGNOSTICS_SERVER_PORT): a port must be between 1 and 65535",
      "KUMA_XDS_SERVER_NACK_BACKOFF|5 seconds|invalid value \"5 seconds\" for xdsServer.nackBackoff (KUMA_XDS_SERVER_NACK_BACKOFF): expected a duration such as 10s, 1m30s or 2h",
      "KUMA_GENERAL_TLS_MIN_VERSION|TLSv1_0|invalid value \"TLSv1_0\" for general.tlsMinVersion (KUMA_GENERAL_TLS_MIN_VERSION): allowed values are TLSv1_2, TLSv1_3",
  })
  void badEnvironmentValuesNameTheKeyAndTheAllowedValues(String env, String value, String message) {
    assertThatThrownBy(() -> load(null, Map.of(env, value)))
        .isInstanceOf(ConfigException.class).hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "'apiServer: {http: {port: abc}}'|invalid value \"abc\" for apiServer.http.port (KUMA_API_SERVER_HTTP_PORT): expected an integer",
      "'mode: local'|invalid value \"local\" for mode (KUMA_MODE): allowed values are zone, global, standalone",
      "'apiServer: 5'|apiServer: expected a mapping of settings, got 5",
      "'policies: {pluginPoliciesEnabled: meshtimeouts}'|invalid value \"meshtimeouts\" for policies.pluginPoliciesEnabled (KUMA_PLUGIN_POLICIES_ENABLED): expected a list",
      "'- a list'|configuration file DIR/kuma-cp.yaml must contain a YAML mapping",
  })
  void badFileValuesNameTheKey(String yaml, String message) {
    assertThatThrownBy(() -> load(yaml, Map.of()))
        .isInstanceOf(ConfigException.class).hasMessage(message.replace("DIR", dir.toString()));
  }

  @Test
  void unparseableFileIsAConfigError() {
    assertThatThrownBy(() -> load("apiServer: [unclosed", Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("could not parse configuration file");
  }

  @Test
  void baseDefaultsSitBelowFileAndEnvironment() throws IOException {
    KumaConfig global = loader.load(null, Map.of(), Map.of("mode", TextNode.valueOf("global")), warnings::add);
    assertThat(global.mode()).isEqualTo("global");
    KumaConfig overridden = loader.load(null, Map.of("KUMA_MODE", "zone"),
        Map.of("mode", TextNode.valueOf("global")), warnings::add);
    assertThat(overridden.mode()).isEqualTo("zone");
  }

  @Test
  void deprecatedStandaloneModeMeansZone() throws IOException {
    assertThat(load("mode: standalone", Map.of()).mode()).isEqualTo("zone");
  }

  @Test
  void maskedJsonHidesPasswordsAndKeepsEverythingElse() throws IOException {
    KumaConfig c = load(null, Map.of("KUMA_STORE_POSTGRES_PASSWORD", "s3cret"));
    var json = c.toMaskedJson();
    assertThat(json.at("/store/postgres/password").asText()).isEqualTo("*****");
    assertThat(json.at("/store/postgres/user").asText()).isEqualTo("kuma");
    assertThat(json.at("/apiServer/http/port").asInt()).isEqualTo(5681);
    assertThat(json.toString()).doesNotContain("s3cret");
    assertThat(c.string("store.postgres.password")).isEqualTo("s3cret");
  }
}
