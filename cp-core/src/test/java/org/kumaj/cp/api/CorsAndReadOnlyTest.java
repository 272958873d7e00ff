package org.kumaj.cp.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kumaj.cp.launcher.Role;
import org.kumaj.cp.testing.TestControlPlane;

/**
 * CORS: off by default, Kuma's go-restful behaviour when {@code apiServer.corsAllowedDomains} is
 * set; and {@code apiServer.readOnly}, which turns every write into 405.
 */
class CorsAndReadOnlyTest {
  private static final String ORIGIN = "https://gui.example.com";
  @TempDir
  static Path plainDir;
  @TempDir
  static Path corsDir;
  static TestControlPlane plain;
  static TestControlPlane cors;

  @BeforeAll
  static void start() {
    plain = TestControlPlane.start(Role.STANDALONE, plainDir, Map.of());
    cors = TestControlPlane.start(Role.STANDALONE, corsDir, Map.of(
        "KUMA_API_SERVER_CORS_ALLOWED_DOMAINS", ORIGIN + ",HTTP://Other.Example.com",
        "KUMA_API_SERVER_READ_ONLY", "true"));
  }

  @AfterAll
  static void stop() {
    if (plain != null) {
      plain.close();
    }
    if (cors != null) {
      cors.close();
    }
  }

  @Test
  void corsIsOffUnlessConfigured() {
    ApiClient.Response r = new ApiClient(plain.apiUrl()).with("Origin", ORIGIN).asAnonymous().get("/meshes");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Access-Control-Allow-Origin")).isNull();
    ApiClient.Response preflight = new ApiClient(plain.apiUrl()).with("Origin", ORIGIN)
        .with("Access-Control-Request-Method", "GET").send("OPTIONS", "/meshes", null);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    assertThat(preflight.header("Access-Control-Allow-Methods")).isNull();
  }

  @Test
  void allowedOriginGetsTheHeaders() {
    ApiClient.Response r = new ApiClient(cors.apiUrl()).with("Origin", ORIGIN).asAnonymous().get("/meshes");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
    assertThat(r.header("Access-Control-Expose-Headers")).isEqualTo("Access-Control-Allow-Origin");
    ApiClient.Response mixedCase = new ApiClient(cors.apiUrl()).with("Origin", "http://other.example.COM")
        .asAnonymous().get("/meshes/none");
    assertThat(mixedCase.status()).isEqualTo(404);
    assertThat(mixedCase.header("Access-Control-Allow-Origin")).isEqualTo("http://other.example.COM");
  }

  @Test
  void otherOriginsGetNoHeaders() {
    ApiClient.Response r = new ApiClient(cors.apiUrl()).with("Origin", "https://evil.example.com").asAnonymous()
        .get("/meshes");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void preflight() {
    ApiClient.Response r = new ApiClient(cors.apiUrl()).with("Origin", ORIGIN)
        .with("Access-Control-Request-Method", "PUT").asAnonymous().send("OPTIONS", "/meshes/default", null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEmpty();
    assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
    assertThat(r.header("Access-Control-Allow-Methods")).contains("GET").contains("PUT").contains("DELETE");
    ApiClient.Response unknownMethod = new ApiClient(cors.apiUrl()).with("Origin", ORIGIN)
        .with("Access-Control-Request-Method", "PATCH").asAnonymous().send("OPTIONS", "/meshes/default", null);
    assertThat(unknownMethod.status()).isEqualTo(200);
    assertThat(unknownMethod.header("Access-Control-Allow-Methods")).isNull();
    ApiClient.Response withHeaders = new ApiClient(cors.apiUrl()).with("Origin", ORIGIN)
        .with("Access-Control-Request-Method", "GET").with("Access-Control-Request-Headers", "authorization")
        .asAnonymous().send("OPTIONS", "/meshes", null);
    assertThat(withHeaders.status()).isEqualTo(200);
    assertThat(withHeaders.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void readOnlyAnswers405ToEveryWrite() {
    ApiClient client = new ApiClient(cors.apiUrl());
    ApiClient.Response put = client.put("/meshes/m1", "{\"type\":\"Mesh\",\"name\":\"m1\"}");
    assertThat(put.status()).isEqualTo(405);
    assertThat(put.json().path("title").asText()).isEqualTo("Method not allowed");
    assertThat(client.delete("/meshes/default").status()).isEqualTo(405);
    assertThat(client.put("/meshes/default/meshtimeouts/t", "{}").status()).isEqualTo(405);
    assertThat(client.put("/global-secrets/g", "{}").status()).isEqualTo(405);
    assertThat(client.get("/meshes/default").status()).isEqualTo(200);
    assertThat(client.get("/_resources").json().path("resources").findValuesAsText("readOnly"))
        .containsOnly("true");
  }
}
