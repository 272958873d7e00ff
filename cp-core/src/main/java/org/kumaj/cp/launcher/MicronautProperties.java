package org.kumaj.cp.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.kumaj.cp.config.ConfigException;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.listeners.Listener;
import org.kumaj.cp.listeners.ListenerPlan;
import org.kumaj.cp.tls.ServerTls;

/**
 * Translates the Kuma configuration into the Micronaut properties that open the HTTP listeners:
 * one Netty listener per HTTP(S) port of the plan, all sharing the server certificate, except the
 * API HTTPS listener (5682), which presents {@code apiServer.https.tlsCertFile}/{@code tlsKeyFile}
 * when both are set and, when client certificates are asked for
 * ({@code apiServer.https.requireClientCert}, or authentication type {@code adminClientCerts}),
 * trusts the CAs of {@code apiServer.https.tlsCaFile} and {@code apiServer.auth.clientCertsDir}
 * (the API's connection customizer then demands the certificate). Only the API listeners expose
 * the default (un-ported) routes. Stateless.
 */
final class MicronautProperties {
  static final String CERTIFICATE = "kumaj";
  static final String API_CERTIFICATE = "kumaj-api";
  static final String API_CLIENT_CAS = "kumaj-api-client-cas";
  /** The file the client CAs are gathered into when they come from more than one file. */
  static final String CLIENT_CAS_FILE = "kuma-api-client-cas.pem";
  static final int GO_MAX_HEADER_BYTES = 1 << 20;

  private MicronautProperties() {}

  static Map<String, Object> of(ListenerPlan plan, ServerTls tls, KumaConfig config) {
    Map<String, Object> p = new HashMap<>();
    for (Listener l : plan.http()) {
      String prefix = "micronaut.server.netty.listeners." + l.name() + ".";
      p.put(prefix + "port", l.port());
      if (!l.host().isEmpty()) {
        p.put(prefix + "host", l.host());
      }
      p.put(prefix + "ssl", l.isTls());
      if (l.isTls()) {
        p.put(prefix + "key-name", CERTIFICATE);
      }
      boolean api = l.name().equals(ListenerPlan.API_HTTP) || l.name().equals(ListenerPlan.API_HTTPS);
      p.put(prefix + "expose-default-routes", api);
    }
    // switches the features bound to a listener on (@Requires) and off
    for (Listener l : plan.all()) {
      p.put("kumaj.listeners." + l.name() + ".port", l.port());
    }
    p.put("micronaut.server.ssl.enabled", true);
    p.put("micronaut.server.ssl.protocols", tls.protocols());
    certificate(p, CERTIFICATE, tls.keyFile(), tls.certFile());
    if (plan.find(ListenerPlan.API_HTTPS).isPresent()) {
      apiHttps(p, config);
    }
    p.put("micronaut.server.max-request-size", config.number("apiServer.maxRequestBodyBytes"));
    // Go's http.DefaultMaxHeaderBytes (1 MiB) bounds Kuma's request line and headers together
    p.put("micronaut.server.netty.max-initial-line-length", GO_MAX_HEADER_BYTES);
    p.put("micronaut.server.netty.max-header-size", GO_MAX_HEADER_BYTES);
    // CORS and the drive-by-localhost defence are the API's own (Kuma's rules: api.Cors, api.Authenticator)
    p.put("micronaut.server.cors.localhost-pass-through", true);
    p.put("micronaut.server.thread-selection", "AUTO");
    p.put("micronaut.server.date-header", false);
    p.put("micronaut.server.server-header", "");
    return p;
  }

  private static void apiHttps(Map<String, Object> p, KumaConfig config) {
    String prefix = "micronaut.server.netty.listeners." + ListenerPlan.API_HTTPS + ".";
    String cert = config.string("apiServer.https.tlsCertFile");
    String key = config.string("apiServer.https.tlsKeyFile");
    if (!cert.isEmpty() || !key.isEmpty()) {
      if (cert.isEmpty() || key.isEmpty()) {
        throw new ConfigException(KumaConfig.describeKey("apiServer.https.tlsCertFile") + " and "
            + KumaConfig.describeKey("apiServer.https.tlsKeyFile") + " must be set together");
      }
      certificate(p, API_CERTIFICATE, readable(key, "apiServer.https.tlsKeyFile"),
          readable(cert, "apiServer.https.tlsCertFile"));
      p.put(prefix + "key-name", API_CERTIFICATE);
    }
    boolean require = config.bool("apiServer.https.requireClientCert");
    boolean adminCerts = config.string("apiServer.authn.type").equals("adminClientCerts");
    if (!require && !adminCerts) {
      return;
    }
    Path cas = clientCas(config);
    if (cas == null) {
      if (require) {
        throw new ConfigException(KumaConfig.describeKey("apiServer.https.requireClientCert")
            + " needs the CA of the client certificates in "
            + KumaConfig.describeKey("apiServer.https.tlsCaFile") + " or certificates in "
            + KumaConfig.describeKey("apiServer.auth.clientCertsDir"));
      }
      return;
    }
    p.put("micronaut.certificate.file." + API_CLIENT_CAS + ".format", "PEM");
    p.put("micronaut.certificate.file." + API_CLIENT_CAS + ".path", cas.toString());
    p.put(prefix + "trust-name", API_CLIENT_CAS);
  }

  /**
   * The PEM file of the certificates clients are verified against, as Kuma gathers them: the
   * {@code .pem} and {@code .crt} files of {@code apiServer.auth.clientCertsDir}, then
   * {@code apiServer.https.tlsCaFile}. Null when there are none.
   */
  private static Path clientCas(KumaConfig config) {
    List<Path> files = new ArrayList<>();
    String dir = config.string("apiServer.auth.clientCertsDir");
    if (!dir.isEmpty()) {
      try (Stream<Path> entries = Files.list(Path.of(dir))) {
        entries.filter(Files::isRegularFile)
            .filter(f -> f.getFileName().toString().endsWith(".pem") || f.getFileName().toString().endsWith(".crt"))
            .sorted()
            .forEach(files::add);
      } catch (IOException e) {
        throw new ConfigException(KumaConfig.describeKey("apiServer.auth.clientCertsDir") + ": cannot read "
            + dir + " (" + e.getMessage() + ")");
      }
    }
    String ca = config.string("apiServer.https.tlsCaFile");
    if (!ca.isEmpty()) {
      files.add(readable(ca, "apiServer.https.tlsCaFile"));
    }
    if (files.size() <= 1) {
      return files.isEmpty() ? null : files.get(0);
    }
    Path combined = config.workDir().resolve(CLIENT_CAS_FILE);
    try {
      Files.createDirectories(combined.getParent());
      StringBuilder pem = new StringBuilder();
      for (Path f : files) {
        pem.append(Files.readString(f)).append('\n');
      }
      Files.writeString(combined, pem.toString());
    } catch (IOException e) {
      throw new ConfigException("could not write " + combined + " (" + e.getMessage() + "); set "
          + KumaConfig.describeKey("general.workDir") + " to a writable directory");
    }
    return combined;
  }

  private static void certificate(Map<String, Object> p, String name, Path key, Path cert) {
    p.put("micronaut.certificate.file." + name + ".format", "PEM");
    p.put("micronaut.certificate.file." + name + ".path", key.toString());
    p.put("micronaut.certificate.file." + name + ".certificate-path", cert.toString());
  }

  private static Path readable(String file, String key) {
    Path path = Path.of(file);
    if (!Files.isReadable(path)) {
      throw new ConfigException(KumaConfig.describeKey(key) + ": cannot read " + file);
    }
    return path;
  }
}
