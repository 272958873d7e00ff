package org.kumaj.dpsim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The control plane's HTTP API as the benchmark uses it (as admin from localhost): meshes,
 * Dataplanes, dataplane tokens, and the diagnostics {@code /metrics}. Thread-safe.
 */
final class CpApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI api;
  private final URI diagnostics;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10))
      .build();

  CpApi(URI api, URI diagnostics) {
    this.api = api;
    this.diagnostics = diagnostics;
  }

  /** A mesh, optionally with a builtin CA backend in the given mode (STRICT or PERMISSIVE). */
  static String meshJson(String mesh, String mtlsMode) {
    ObjectNode m = JSON.createObjectNode();
    m.put("type", "Mesh");
    m.put("name", mesh);
    if (mtlsMode != null) {
      ObjectNode mtls = m.putObject("mtls");
      mtls.put("enabledBackend", "ca-1");
      ObjectNode backend = mtls.putArray("backends").addObject();
      backend.put("name", "ca-1");
      backend.put("type", "builtin");
      backend.put("mode", mtlsMode);
    }
    return m.toString();
  }

  CompletableFuture<Void> putMesh(String mesh, String json) {
    return send(put("/meshes/" + mesh, json)).thenApply(r -> null);
  }

  CompletableFuture<Void> putDataplane(String mesh, String name, String json) {
    return send(put("/meshes/" + mesh + "/dataplanes/" + name, json)).thenApply(r -> null);
  }

  CompletableFuture<Void> deleteDataplane(String mesh, String name) {
    return send(HttpRequest.newBuilder(api.resolve("/meshes/" + mesh + "/dataplanes/" + name))
        .timeout(Duration.ofSeconds(30)).DELETE().build()).thenApply(r -> null);
  }

  CompletableFuture<Void> deleteMesh(String mesh) {
    return send(HttpRequest.newBuilder(api.resolve("/meshes/" + mesh))
        .timeout(Duration.ofSeconds(30)).DELETE().build()).thenApply(r -> null);
  }

  /** Kuma's {@code POST /tokens/dataplane} for one Dataplane name in a mesh. */
  CompletableFuture<String> dataplaneToken(String mesh, String name) {
    ObjectNode body = JSON.createObjectNode();
    body.put("name", name);
    body.put("mesh", mesh);
    body.put("validFor", "24h");
    return send(HttpRequest.newBuilder(api.resolve("/tokens/dataplane"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build())
        .thenApply(String::strip);
  }

  /** The diagnostics server's {@code /metrics} text. */
  String metrics() throws IOException {
    try {
      return send(HttpRequest.newBuilder(diagnostics.resolve("/metrics"))
          .timeout(Duration.ofSeconds(30)).GET().build()).join();
    } catch (CompletionException e) {
      throw new IOException(e.getCause().getMessage(), e.getCause());
    }
  }

  private HttpRequest put(String path, String json) {
    return HttpRequest.newBuilder(api.resolve(path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  /**
   * Sends {@code request}; an idempotent one (not POST) is sent once more when the connection fails
   * before an answer, e.g. a pooled keep-alive connection the server closed while idle ("header
   * parser received no bytes"). A retried DELETE that finds nothing (404) succeeded the first time.
   */
  private CompletableFuture<String> send(HttpRequest request) {
    CompletableFuture<String> first = send(request, false);
    if (request.method().equals("POST")) {
      return first;
    }
    return first.handle((body, error) -> {
      Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      if (cause instanceof IOException && !(cause instanceof AnsweredException)) {
        return send(request, true);
      }
      return error == null ? CompletableFuture.completedFuture(body) : CompletableFuture.<String>failedFuture(cause);
    }).thenCompose(f -> f);
  }

  /** A non-2xx answer: not retried. */
  private static final class AnsweredException extends IOException {
    AnsweredException(String message) {
      super(message);
    }
  }

  private CompletableFuture<String> send(HttpRequest request, boolean retried) {
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
      if (retried && request.method().equals("DELETE") && r.statusCode() == 404) {
        return "";
      }
      if (r.statusCode() / 100 != 2) {
        throw new CompletionException(new AnsweredException(request.method() + " " + request.uri()
            + " answered " + r.statusCode() + ": " + r.body().strip()));
      }
      return r.body();
    });
  }
}
