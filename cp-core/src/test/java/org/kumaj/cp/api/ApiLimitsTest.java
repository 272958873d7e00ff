package org.kumaj.cp.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kumaj.cp.launcher.Role;
import org.kumaj.cp.testing.TestControlPlane;

/**
 * Limits Kuma lacks or gets from Go's HTTP server: the body cap (413 in Kuma's error shape, for a
 * declared and for a streamed body, default 4 MiB), and the read-header, read and idle timeouts,
 * checked with raw sockets that dribble bytes: the server must close the connection by the
 * deadline (the socket's read timeout paces the dribble and polls for the close).
 */
class ApiLimitsTest {
  private static final Duration READ_HEADER = Duration.ofSeconds(1);
  private static final Duration READ = Duration.ofSeconds(2);
  private static final Duration IDLE = Duration.ofMillis(1500);
  private static final Duration SLACK = Duration.ofMillis(1500);
  private static final int CAP = 2048;
  @TempDir
  static Path dir;
  @TempDir
  static Path defaultsDir;
  static TestControlPlane cp;
  static TestControlPlane defaults;

  @BeforeAll
  static void start() {
    cp = TestControlPlane.start(Role.STANDALONE, dir, Map.of(
        "KUMA_API_SERVER_MAX_REQUEST_BODY_BYTES", Integer.toString(CAP),
        "KUMA_API_SERVER_READ_TIMEOUT", "2s",
        "KUMA_API_SERVER_IDLE_TIMEOUT", "1500ms"));
    defaults = TestControlPlane.start(Role.STANDALONE, defaultsDir, Map.of());
  }

  @AfterAll
  static void stop() {
    if (cp != null) {
      cp.close();
    }
    if (defaults != null) {
      defaults.close();
    }
  }

  @Test
  void declaredBodyOverTheCapIs413InKumasShape() {
    ApiClient.Response r = new ApiClient(cp.apiUrl()).put("/meshes/big", bigMesh("big", CAP + 1));
    assertThat(r.status()).isEqualTo(413);
    JsonNode error = r.json();
    assertThat(error.path("type").asText()).isEqualTo("/std-errors");
    assertThat(error.path("status").asInt()).isEqualTo(413);
    assertThat(error.path("detail").asText()).isEqualTo("request body is larger than the limit of 2048 bytes");
    assertThat(new ApiClient(cp.apiUrl()).get("/meshes/big").status()).isEqualTo(404);
  }

  @Test
  void bodyAtTheCapIsAccepted() {
    String body = bigMesh("just-fits", CAP);
    assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(CAP);
    assertThat(new ApiClient(cp.apiUrl()).put("/meshes/just-fits", body).status()).isIn(200, 201);
  }

  @Test
  void streamedBodyOverTheCapIsRefused() throws Exception {
    byte[] body = bigMesh("streamed", CAP * 4).getBytes(StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(URI.create(cp.apiUrl() + "/meshes/streamed"))
        .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
        .header("Content-Type", "application/json").build();
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(413);
    } catch (IOException closedWhileSending) {
      // the server may close the connection before the client has finished sending
    }
    assertThat(new ApiClient(cp.apiUrl()).get("/meshes/streamed").status()).isEqualTo(404);
  }

  @Test
  void defaultCapIsFourMebibytes() {
    ApiClient client = new ApiClient(defaults.apiUrl());
    assertThat(client.put("/meshes/huge", bigMesh("huge", 4 * 1024 * 1024 + 1)).status()).isEqualTo(413);
    assertThat(client.put("/meshes/large", bigMesh("large", 1024 * 1024)).status()).isIn(200, 201);
  }

  @Test
  void longRequestLinesAreServedUpToGosHeaderLimit() throws Exception {
    ApiClient client = new ApiClient(cp.apiUrl());
    assertThat(client.get("/meshes/" + "x".repeat(10_000)).status()).isEqualTo(404);
    try (Socket socket = new Socket("127.0.0.1", cp.port("KUMA_API_SERVER_HTTP_PORT"))) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("GET /" + "y".repeat(1_100_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 431");
      assertThat(answer).contains("connection: close");
      assertThat(answer).contains("\"title\":\"Request Header Fields Too Large\"");
    }
  }

  @Test
  void slowHeadersAreCutOffAtTheReadHeaderTimeout() throws Exception {
    byte[] request = "GET /meshes HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n"
        .getBytes(StandardCharsets.US_ASCII);
    Duration closedAfter = dribble(request, Duration.ofMillis(150));
    assertThat(closedAfter).isLessThan(READ_HEADER.plus(SLACK));
    assertThat(closedAfter).isGreaterThanOrEqualTo(READ_HEADER.minusMillis(100));
  }

  @Test
  void slowBodiesAreCutOffAtTheReadTimeout() throws Exception {
    String body = "{\"type\":\"Mesh\",\"name\":\"slow\"}" + " ".repeat(40);
    byte[] request = ("PUT /meshes/slow HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    int headerEnd = new String(request, StandardCharsets.US_ASCII).indexOf("\r\n\r\n") + 4;
    Duration closedAfter = dribbleAfter(request, headerEnd, Duration.ofMillis(150));
    assertThat(closedAfter).isLessThan(READ.plus(SLACK));
    assertThat(closedAfter).isGreaterThanOrEqualTo(READ.minusMillis(100));
    assertThat(new ApiClient(cp.apiUrl()).get("/meshes/slow").status()).isEqualTo(404);
  }

  @Test
  void idleKeepAliveConnectionsAreClosed() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", cp.port("KUMA_API_SERVER_HTTP_PORT"))) {
      socket.getOutputStream().write("GET /meshes HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      socket.setSoTimeout(200);
      InputStream in = socket.getInputStream();
      long deadline = System.nanoTime() + IDLE.plus(SLACK).plus(READ).toNanos();
      boolean answered = false;
      while (System.nanoTime() < deadline) {
        try {
          int n = in.read(new byte[4096]);
          if (n < 0) {
            assertThat(answered).as("closed only after answering").isTrue();
            return;
          }
          answered = true;
        } catch (SocketTimeoutException stillOpen) {
          // poll again
        }
      }
      throw new AssertionError("the idle connection was not closed within " + IDLE.plus(SLACK));
    }
  }

  @Test
  void fastClientsAreUnaffected() {
    ApiClient client = new ApiClient(cp.apiUrl());
    for (int i = 0; i < 20; i++) {
      assertThat(client.get("/meshes/default").status()).isEqualTo(200);
    }
  }

  /** Sends {@code request} one byte per {@code pace}; returns how long until the server closed. */
  private static Duration dribble(byte[] request, Duration pace) throws IOException {
    return dribbleAfter(request, 0, pace);
  }

  /** Sends the first {@code fast} bytes at once, then one byte per {@code pace}, until the server closes. */
  private static Duration dribbleAfter(byte[] request, int fast, Duration pace) throws IOException {
    long start = System.nanoTime();
    long deadline = start + Duration.ofSeconds(30).toNanos();
    try (Socket socket = new Socket("127.0.0.1", cp.port("KUMA_API_SERVER_HTTP_PORT"))) {
      socket.setSoTimeout((int) pace.toMillis());
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(request, 0, fast);
      out.flush();
      int next = fast;
      while (System.nanoTime() < deadline) {
        try {
          if (next < request.length) {
            out.write(request[next++]);
            out.flush();
          }
        } catch (IOException closed) {
          return Duration.ofNanos(System.nanoTime() - start);
        }
        try {
          if (in.read() < 0) {
            return Duration.ofNanos(System.nanoTime() - start);
          }
          throw new AssertionError("the server answered a request it had not fully received");
        } catch (SocketTimeoutException stillOpen) {
          // the read timeout is the pacing
        } catch (IOException reset) {
          return Duration.ofNanos(System.nanoTime() - start);
        }
      }
    }
    throw new AssertionError("the server never closed the connection");
  }

  /** A Mesh body of exactly {@code bytes} bytes (padded with spaces). */
  static String bigMesh(String name, int bytes) {
    String json = "{\"type\":\"Mesh\",\"name\":\"" + name + "\"}";
    return json + " ".repeat(Math.max(0, bytes - json.length()));
  }
}
