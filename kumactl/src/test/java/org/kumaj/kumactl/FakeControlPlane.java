package org.kumaj.kumactl;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.kumaj.model.BuildInfo;

/**
 * A tiny HTTP server standing in for the control plane where a test needs a fixed answer: it
 * serves {@code GET /} with our product and version and, for each registered path (with its
 * query), a fixed status and body. Unregistered paths answer 404 with a Kuma error body. Records
 * the requests it saw. Close it to stop it.
 */
final class FakeControlPlane implements AutoCloseable {
  /** A canned answer. */
  record Answer(int status, String body) {}

  /** A request as received. */
  record Request(String method, String pathAndQuery, String body, Map<String, List<String>> headers) {}

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  /** Answers GET requests no registered answer covers (path with query in, answer or null out). */
  private volatile java.util.function.Function<String, Answer> fallback = key -> null;
  final List<Request> requests = new CopyOnWriteArrayList<>();

  FakeControlPlane() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    BuildInfo build = BuildInfo.current();
    answer("/", 200, "{\"hostname\":\"localhost\",\"product\":\"" + build.product() + "\",\"version\":\""
        + build.version() + "\",\"instanceId\":\"test-instance\",\"clusterId\":\"test-cluster\",\"gui\":\"/gui\"}");
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getRawPath();
      String query = exchange.getRequestURI().getRawQuery();
      String key = query == null ? path : path + "?" + query;
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(new Request(exchange.getRequestMethod(), key, body, Map.copyOf(exchange.getRequestHeaders())));
      Answer answer = answers.getOrDefault(key, answers.get(path));
      if (answer == null && exchange.getRequestMethod().equals("GET")) {
        answer = fallback.apply(key);
      }
      if (!exchange.getRequestMethod().equals("GET")) {
        answer = answers.getOrDefault(exchange.getRequestMethod() + " " + path,
            new Answer(exchange.getRequestMethod().equals("PUT") ? 201 : 200, ""));
      }
      if (answer == null) {
        answer = new Answer(404, "{\"type\":\"/std-errors\",\"status\":404,\"title\":\"Not found\","
            + "\"detail\":\"Not found\"}");
      }
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
  }

  /** Answers {@code GET pathAndQuery}; {@code "PUT /path"} etc. answer other methods (default: 201/200, no body). */
  FakeControlPlane answer(String pathAndQuery, int status, String body) {
    answers.put(pathAndQuery, new Answer(status, body));
    return this;
  }

  /** Answers the GET requests no registered answer covers with {@code fallback} (null: 404). */
  FakeControlPlane fallback(java.util.function.Function<String, Answer> fallback) {
    this.fallback = fallback;
    return this;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
