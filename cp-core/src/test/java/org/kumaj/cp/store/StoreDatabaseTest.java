package org.kumaj.cp.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kumaj.cp.config.ConfigException;
import org.kumaj.cp.config.ConfigLoader;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.pki.KeyType;
import org.kumaj.pki.Pem;

/** Kuma's {@code store.*} settings become the right JDBC settings. */
class StoreDatabaseTest {
  @TempDir
  Path dir;

  private static KumaConfig config(Map<String, String> env) {
    Map<String, String> all = new HashMap<>(env);
    all.putIfAbsent("KUMA_STORE_TYPE", "postgres");
    return new ConfigLoader().load(null, all, Map.of(), w -> {});
  }

  @ParameterizedTest
  @CsvSource({"disable, disable", "verifyNone, require", "verifyCa, verify-ca", "verifyFull, verify-full"})
  void kumasTlsModesBecomePgjdbcSslModes(String kuma, String pgjdbc) {
    StoreDatabase db = StoreDatabase.postgres(config(Map.of(
        "KUMA_STORE_POSTGRES_TLS_MODE", kuma, "KUMA_STORE_POSTGRES_TLS_ROOT_CERT_PATH", "/etc/ca.pem")));

    assertThat(db.driverProperty("sslmode")).isEqualTo(pgjdbc);
    assertThat(db.driverProperty("sslrootcert")).isEqualTo(kuma.equals("disable") ? null : "/etc/ca.pem");
  }

  @Test
  void verifyingTheServerNeedsACa() {
    assertThatThrownBy(() -> StoreDatabase.postgres(config(Map.of("KUMA_STORE_POSTGRES_TLS_MODE", "verifyCa"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("CAPath cannot be empty");
    assertThatThrownBy(() -> StoreDatabase.postgres(config(Map.of("KUMA_STORE_POSTGRES_TLS_MODE", "verifyNone",
        "KUMA_STORE_POSTGRES_TLS_CERT_PATH", "/etc/client.pem"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("KeyPath cannot be empty when CertPath is provided");
  }

  @Test
  void aPemClientKeyIsHandedToPgjdbcAsPkcs8Der() throws IOException, GeneralSecurityException {
    KeyPair key = KeyType.ECDSA.generate();
    Path pem = dir.resolve("client.key");
    Files.writeString(pem, Pem.encode(key.getPrivate()));

    StoreDatabase db = StoreDatabase.postgres(config(Map.of("KUMA_STORE_POSTGRES_TLS_MODE", "verifyNone",
        "KUMA_STORE_POSTGRES_TLS_CERT_PATH", "/etc/client.crt", "KUMA_STORE_POSTGRES_TLS_KEY_PATH", pem.toString())));

    assertThat(db.driverProperty("sslcert")).isEqualTo("/etc/client.crt");
    Path der = Path.of(db.driverProperty("sslkey"));
    assertThat(der).isNotEqualTo(pem);
    ECPrivateKey read = (ECPrivateKey) KeyFactory.getInstance("EC")
        .generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(der)));
    assertThat(read.getS()).isEqualTo(((ECPrivateKey) key.getPrivate()).getS());
    assertThat(Files.getPosixFilePermissions(der)).hasSize(2);
  }

  @Test
  void connectionSettingsFollowKumasKeys() {
    StoreDatabase db = StoreDatabase.postgres(config(Map.of("KUMA_STORE_POSTGRES_HOST", "db.example",
        "KUMA_STORE_POSTGRES_PORT", "6543", "KUMA_STORE_POSTGRES_USER", "u", "KUMA_STORE_POSTGRES_PASSWORD", "p",
        "KUMA_STORE_POSTGRES_DB_NAME", "kuma db", "KUMA_STORE_POSTGRES_CONNECTION_TIMEOUT", "7")));

    assertThat(db.description()).isEqualTo("PostgreSQL database kuma db at db.example:6543");
    assertThat(db.driverProperty("user")).isEqualTo("u");
    assertThat(db.driverProperty("password")).isEqualTo("p");
    assertThat(db.driverProperty("connectTimeout")).isEqualTo("7");
    assertThat(StoreDatabase.postgres(config(Map.of("KUMA_STORE_POSTGRES_HOST", "::1"))).description())
        .isEqualTo("PostgreSQL database kuma at [::1]:15432");
  }

  @Test
  void theH2FileDefaultsToTheWorkDirectory() {
    KumaConfig config = new ConfigLoader().load(null, Map.of("KUMA_GENERAL_WORK_DIR", dir.toString()),
        Map.of(), w -> {});

    assertThat(config.storeType()).isEqualTo("h2");
    assertThat(StoreDatabase.h2File(config)).isEqualTo(dir.resolve("kuma-store"));
    assertThat(StoreDatabase.of(config).description()).isEqualTo("H2 database " + dir.resolve("kuma-store.mv.db"));
  }
}
