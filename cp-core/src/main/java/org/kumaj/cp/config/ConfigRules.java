package org.kumaj.cp.config;

import java.util.List;
import java.util.Map;

/**
 * Checks that go beyond a value's type: keys with a fixed set of values, and port ranges.
 * Stateless.
 */
final class ConfigRules {
  private static final Map<String, List<String>> ALLOWED = Map.of(
      "mode", List.of("zone", "global", "standalone"),
      "environment", List.of("universal"),
      "store.type", List.of("memory", "h2", "postgres"),
      "store.postgres.tls.mode", List.of("disable", "verifyNone", "verifyCa", "verifyFull"),
      "apiServer.authn.type", List.of("tokens", "adminClientCerts"),
      "general.tlsMinVersion", List.of("TLSv1_2", "TLSv1_3"),
      "general.certKeyType", List.of("RSA", "ECDSA"),
      "dpServer.authn.dpProxy.type", List.of("", "dpToken", "none"));

  private static final List<String> PORTS = List.of(
      "apiServer.http.port", "apiServer.https.port", "diagnostics.serverPort", "dpServer.port",
      "monitoringAssignmentServer.port", "interCp.server.port", "multizone.global.kds.grpcPort",
      "runtime.kubernetes.admissionServer.port", "store.postgres.port");

  private ConfigRules() {}

  static void check(KumaConfig config) {
    ALLOWED.forEach((path, allowed) -> {
      String value = config.string(path);
      if (!allowed.contains(value)) {
        throw new ConfigException("invalid value \"" + value + "\" for " + KumaConfig.describeKey(path)
            + ": allowed values are " + String.join(", ", allowed.stream()
                .map(v -> v.isEmpty() ? "\"\"" : v).toList()));
      }
    });
    for (String path : PORTS) {
      long port = config.number(path);
      if (port < 1 || port > 65535) {
        throw new ConfigException("invalid value \"" + port + "\" for " + KumaConfig.describeKey(path)
            + ": a port must be between 1 and 65535");
      }
    }
  }
}
