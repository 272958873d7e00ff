package org.kumaj.dpsim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** A tiny HTTP(S) server for tests: one handler for every request, requests recorded. */
final class TestHttpServer implements AutoCloseable {

  /** A received request. */
  record Request(String method, String path, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  /** An answer. */
  record Response(int status, String contentType, String body) {}

  /** Answers requests. */
  interface Handler {
    Response handle(Request request) throws Exception;
  }

  private final HttpServer server;
  private final SelfSigned certificate;
  private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();

  private TestHttpServer(boolean tls, Handler handler) throws IOException {
    InetSocketAddress address = new InetSocketAddress("127.0.0.1", 0);
    if (tls) {
      certificate = SelfSigned.localhost("test-cp");
      HttpsServer https = HttpsServer.create(address, 0);
      https.setHttpsConfigurator(new HttpsConfigurator(sslContext(certificate)));
      server = https;
    } else {
      certificate = null;
      server = HttpServer.create(address, 0);
    }
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", exchange -> serve(exchange, handler));
    server.start();
  }

  static TestHttpServer https(Handler handler) throws IOException {
    return new TestHttpServer(true, handler);
  }

  static TestHttpServer http(Handler handler) throws IOException {
    return new TestHttpServer(false, handler);
  }

  private void serve(HttpExchange exchange, Handler handler) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
        Map.copyOf(exchange.getRequestHeaders()), body);
    requests.add(request);
    Response response;
    try {
      response = handler.handle(request);
    } catch (Exception e) {
      response = new Response(500, "text/plain", e.toString());
    }
    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    if (response.contentType() != null) {
      exchange.getResponseHeaders().set("Content-Type", response.contentType());
    }
    exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  private static SSLContext sslContext(SelfSigned cert) throws IOException {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("server", cert.key(), new char[0],
          new Certificate[] {cert.certificate()});
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(store, new char[0]);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf.getKeyManagers(), null, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IOException(e);
    }
  }

  URI url() {
    return URI.create((certificate == null ? "http" : "https") + "://127.0.0.1:"
        + server.getAddress().getPort());
  }

  SelfSigned certificate() {
    return certificate;
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
