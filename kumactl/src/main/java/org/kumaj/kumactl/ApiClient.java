package org.kumaj.kumactl;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.kumaj.model.BuildInfo;

/**
 * The one HTTP client of kumactl: talks to the control plane's API server of the current context
 * over HTTP/1.1 with the JDK's {@link HttpURLConnection} (chosen over {@code java.net.http.HttpClient},
 * whose set-up costs about 0.35 s of CPU per run, see docs/benchmarks.md; connections are kept alive
 * between the requests of one run). Applies the context's TLS settings (its CA file, else
 * the system trust store; verification is skipped only with {@code skipVerify}), client
 * certificate, extra headers, token authentication ({@code authorization: Bearer}) and the
 * {@code --api-timeout}. Error bodies with a {@code title} become {@link ApiError}s; connection
 * failures become one-line {@link KumactlException}s naming the address and the context. One
 * instance per run; not thread-safe.
 */
final class ApiClient {
  /** A response: its status and body. */
  record Response(int status, String body) {
    JsonNode json() throws KumactlException {
      return Trees.parseJson(body);
    }

    /** Kuma's {@code errors.Errorf("(%d): %s", status, body)}. */
    KumactlException unexpected() {
      return new KumactlException("(" + status + "): " + body);
    }
  }

  private final KumactlConfig.ControlPlane controlPlane;
  private final String contextName;
  private final Duration timeout;
  private final URI base;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private SSLSocketFactory tls;
  /** Where {@code --log-level debug} writes one line per request; null otherwise. */
  java.io.PrintStream debugLog;

  private ApiClient(KumactlConfig.ControlPlane controlPlane, String contextName, Duration timeout, URI base) {
    this.controlPlane = controlPlane;
    this.contextName = contextName;
    this.timeout = timeout;
    this.base = base;
  }

  /**
   * A client for {@code cp}.
   *
   * @param timeout Kuma's {@code --api-timeout}; zero means none
   * @throws KumactlException with Kuma's messages when the coordinates or TLS files are unusable
   */
  static ApiClient create(KumactlConfig.ControlPlane cp, String contextName, Duration timeout)
      throws KumactlException {
    KumactlConfig.ApiServer api = cp.apiServer == null ? new KumactlConfig.ApiServer() : cp.apiServer;
    URI base;
    try {
      base = URI.create(api.url);
      if (base.getScheme() == null || base.getHost() == null) {
        throw new IllegalArgumentException("parse \"" + api.url + "\": invalid URI for request");
      }
    } catch (IllegalArgumentException e) {
      throw new KumactlException("failed to create a client for Control Plane \"" + cp.name
          + "\": Failed to parse API Server URL: " + e.getMessage(), e);
    }
    ApiClient client = new ApiClient(cp, contextName, timeout, base);
    client.headers.put("User-Agent", userAgent());
    for (KumactlConfig.Header h : api.headers) {
      client.headers.put(h.key(), h.value());
    }
    if (!api.authType.isEmpty()) {
      if (!api.authType.equals("tokens")) {
        throw new KumactlException("authentication plugin of type \"" + api.authType + "\" not found");
      }
      client.headers.put("authorization", "Bearer " + api.authConf.getOrDefault("token", ""));
    }
    if ("https".equalsIgnoreCase(base.getScheme())) {
      try {
        client.tls = sslContext(api).getSocketFactory();
      } catch (KumactlException e) {
        throw new KumactlException("failed to create a client for Control Plane \"" + cp.name
            + "\": could not configure HTTP client with TLS: " + e.getMessage(), e);
      }
    }
    return client;
  }

  /** Kuma's {@code User-Agent}: {@code kumactl/<version> (<os>; <arch>; <product>/<commit>)}. */
  static String userAgent() {
    BuildInfo b = BuildInfo.current();
    String commit = b.gitCommit().length() > 7 ? b.gitCommit().substring(0, 7) : b.gitCommit();
    commit = commit + "/kuma-" + b.basedOnKuma();
    String arch = System.getProperty("os.arch", "unknown");
    arch = switch (arch) {
      case "x86_64" -> "amd64";
      case "aarch64" -> "arm64";
      default -> arch;
    };
    String os = System.getProperty("os.name", "unknown").toLowerCase().split(" ")[0];
    return "kumactl/" + b.version() + " (" + os + "; " + arch + "; " + b.product() + "/" + commit + ")";
  }

  String address() {
    return controlPlane.url();
  }

  Response get(String path) throws KumactlException {
    return send("GET", path, null);
  }

  Response put(String path, String json) throws KumactlException {
    return send("PUT", path, json);
  }

  Response post(String path, String json) throws KumactlException {
    return send("POST", path, json);
  }

  Response delete(String path) throws KumactlException {
    return send("DELETE", path, null);
  }

  /**
   * Sends one request; answers with status 4xx/5xx and a Kuma error body throw {@link ApiError}.
   *
   * @param path the path below the API server URL, with its query
   */
  Response send(String method, String path, String jsonBody) throws KumactlException {
    return send(method, path, jsonBody, true);
  }

  /**
   * {@code GET path} answered as is, error statuses included (for Kuma's clients that report
   * {@code unexpected status code: <status> <body>} rather than the parsed error).
   */
  Response getRaw(String path) throws KumactlException {
    return send("GET", path, null, false);
  }

  private Response send(String method, String path, String jsonBody, boolean parseErrors) throws KumactlException {
    URI uri = resolve(path);
    if (debugLog != null) {
      debugLog.println(java.time.Instant.now() + "\tDEBUG\tkumactl\tdoing request to control-plane\t{\"method\": \""
          + method + "\", \"url\": \"" + uri + "\"}");
    }
    int status;
    String body;
    try {
      HttpURLConnection conn = open(uri);
      conn.setRequestMethod(method);
      conn.setInstanceFollowRedirects(true);
      int millis = timeout.isZero() ? 0 : (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
      conn.setConnectTimeout(millis);
      conn.setReadTimeout(millis);
      conn.setRequestProperty("Accept", "application/json");
      headers.forEach(conn::setRequestProperty);
      if (jsonBody != null) {
        byte[] bytes = jsonBody.getBytes(StandardCharsets.UTF_8);
        conn.setRequestProperty("Content-Type", "application/json");
        conn.setDoOutput(true);
        conn.setFixedLengthStreamingMode(bytes.length);
        try (OutputStream out = conn.getOutputStream()) {
          out.write(bytes);
        }
      }
      status = conn.getResponseCode();
      InputStream in = status >= 400 ? conn.getErrorStream() : conn.getInputStream();
      try (InputStream stream = in) {
        body = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new Unreachable(goOp(method) + " \"" + uri + "\": " + describe(e) + " (context \"" + contextName + "\")", e);
    }
    if (parseErrors && status / 100 >= 4) {
      JsonNode error;
      try {
        error = Trees.json(body);
      } catch (IOException notJson) {
        error = null;
      }
      ApiError apiError = ApiError.parse(status, error);
      if (apiError != null) {
        throw apiError;
      }
    }
    return new Response(status, body);
  }

  /** A connection-level failure: the control plane could not be reached at all. */
  static final class Unreachable extends KumactlException {
    private static final long serialVersionUID = 1L;

    Unreachable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private URI resolve(String path) {
    String basePath = base.getRawPath() == null ? "" : base.getRawPath();
    String joined = (basePath + "/" + path).replaceAll("/{2,}", "/");
    String query = null;
    int q = joined.indexOf('?');
    if (q >= 0) {
      query = joined.substring(q + 1);
      joined = joined.substring(0, q);
    }
    if (joined.length() > 1 && joined.endsWith("/")) {
      joined = joined.substring(0, joined.length() - 1);
    }
    String authority = base.getRawAuthority();
    return URI.create(base.getScheme() + "://" + authority + joined + (query == null ? "" : "?" + query));
  }

  /** Encodes query parameters as Go's {@code url.Values.Encode} (sorted by key). */
  static String query(Map<String, List<String>> params) {
    StringJoiner q = new StringJoiner("&");
    params.keySet().stream().sorted().forEach(k -> {
      for (String v : params.get(k)) {
        q.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
      }
    });
    return q.toString();
  }

  private HttpURLConnection open(URI uri) throws IOException {
    HttpURLConnection conn = (HttpURLConnection) uri.toURL().openConnection();
    if (conn instanceof HttpsURLConnection https && tls != null) {
      https.setSSLSocketFactory(tls);
      if (controlPlane.apiServer != null && controlPlane.apiServer.skipVerify) {
        https.setHostnameVerifier((host, session) -> true);
      }
    }
    return conn;
  }

  private static SSLContext sslContext(KumactlConfig.ApiServer api) throws KumactlException {
    try {
      TrustManager[] trust = null;
      if (api.skipVerify) {
        trust = new TrustManager[] {new TrustAll()};
      } else if (!api.caCertFile.isEmpty()) {
        Collection<? extends Certificate> certs = readCertificates(api.caCertFile, "could not read CA cert");
        if (certs.isEmpty()) {
          throw new KumactlException("could not add certificate");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        for (Certificate c : certs) {
          store.setCertificateEntry("ca-" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        trust = tmf.getTrustManagers();
      }
      javax.net.ssl.KeyManager[] keys = null;
      if (!api.clientCertFile.isEmpty() && !api.clientKeyFile.isEmpty()) {
        keys = keyManagers(api);
      }
      if (trust == null && keys == null) {
        return SSLContext.getDefault();
      }
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(keys, trust, null);
      return ctx;
    } catch (GeneralSecurityException | IOException e) {
      throw new KumactlException(e.getMessage(), e);
    }
  }

  private static javax.net.ssl.KeyManager[] keyManagers(KumactlConfig.ApiServer api)
      throws KumactlException, GeneralSecurityException, IOException {
    String prefix = "could not create key pair from client cert and client key";
    Collection<? extends Certificate> chain = readCertificates(api.clientCertFile, prefix);
    PrivateKey key;
    try {
      key = org.kumaj.pki.Pem.privateKey(Files.readString(Path.of(api.clientKeyFile)));
    } catch (NoSuchFileException e) {
      throw new KumactlException(prefix + ": open " + api.clientKeyFile + ": no such file or directory", e);
    } catch (IllegalArgumentException e) {
      throw new KumactlException(prefix + ": " + e.getMessage(), e);
    }
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    store.setKeyEntry("client", key, new char[0], chain.toArray(Certificate[]::new));
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, new char[0]);
    return kmf.getKeyManagers();
  }

  private static Collection<? extends Certificate> readCertificates(String file, String prefix)
      throws KumactlException {
    try {
      byte[] pem = Files.readAllBytes(Path.of(file));
      return CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
    } catch (NoSuchFileException e) {
      throw new KumactlException(prefix + ": open " + file + ": no such file or directory", e);
    } catch (IOException | GeneralSecurityException e) {
      throw new KumactlException(prefix + ": " + e.getMessage(), e);
    }
  }

  private static String goOp(String method) {
    return method.charAt(0) + method.substring(1).toLowerCase();
  }

  /** Go's wording of a transport failure. */
  private String describe(IOException e) {
    String host = base.getHost();
    int port = base.getPort() > 0 ? base.getPort() : "https".equalsIgnoreCase(base.getScheme()) ? 443 : 80;
    String dial = "dial tcp " + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException timeout) {
        return timeout.getMessage() != null && timeout.getMessage().contains("connect") ? dial + ": i/o timeout"
            : "context deadline exceeded (Client.Timeout exceeded while awaiting headers)";
      }
      if (t instanceof ConnectException) {
        return dial + ": connect: connection refused";
      }
      if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
        return "dial tcp: lookup " + host + ": no such host";
      }
      if (t instanceof SSLHandshakeException ssl) {
        return tlsProblem(ssl);
      }
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String tlsProblem(SSLHandshakeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.security.cert.CertPathBuilderException
          || t instanceof java.security.cert.CertPathValidatorException) {
        return "tls: failed to verify certificate: x509: certificate signed by unknown authority";
      }
      if (t instanceof java.security.cert.CertificateException c && c.getMessage() != null
          && c.getMessage().startsWith("No ")) {
        return "tls: failed to verify certificate: x509: " + c.getMessage();
      }
    }
    return "tls: " + e.getMessage();
  }

  /** {@code skipVerify}: accepts any server certificate and host name. */
  private static final class TrustAll extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
