package org.kumaj.cp.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kumaj.cp.launcher.Role;
import org.kumaj.cp.testing.TestControlPlane;

/**
 * Every input path with bad input answers a 4xx in Kuma's error shape ({@code type},
 * {@code status}, {@code title}, {@code detail}, mirrored {@code details}) and, where a field is to
 * blame, names it in {@code invalid_parameters} and {@code causes}.
 */
class BadInputTest {
  @TempDir
  static Path workDir;
  static TestControlPlane cp;
  static ApiClient api;

  @BeforeAll
  static void start() {
    cp = TestControlPlane.start(Role.STANDALONE, workDir, Map.of());
    api = new ApiClient(cp.apiUrl());
  }

  @AfterAll
  static void stop() {
    if (cp != null) {
      cp.close();
    }
  }

  static Stream<Arguments> cases() {
    String dp = "{\"type\":\"Dataplane\",\"mesh\":\"default\",\"name\":\"dp-1\",\"networking\":{\"address\":\"10.0.0.1\","
        + "\"inbound\":[{\"port\":80,\"tags\":{\"kuma.io/service\":\"web\"}}]}}";
    return Stream.of(
        bad("GET", "/meshes?size=abc", null, 400, "size", "invalid format"),
        bad("GET", "/meshes?size=0", null, 400, "size", "must be greater than 0"),
        bad("GET", "/meshes/default/dataplanes?size=1001", null, 400, "size",
            "invalid page size of 1001. Maximum page size is 1000"),
        bad("GET", "/meshes/default/dataplanes?filter%5Bname%5D=x", null, 400,
            "/meshes/{mesh}/dataplanes.filter[name]", "filters are only supported on labels"),
        bad("GET", "/meshes/default?format=yaml", null, 400, "",
            "\"format\" must be one of [\"k8s\", \"kubernetes\", \"universal\"]"),
        bad("GET", "/meshes/default/service-insights?size=-3", null, 400, "size", "must be greater than 0"),
        bad("GET", "/mesh-insights?size=x", null, 400, "size", "invalid format"),
        bad("GET", "/meshes/default/meshtimeouts/x/_resources/dataplanes?size=5000", null, 400, "size",
            "invalid page size of 5000. Maximum page size is 1000"),
        bad("PUT", "/meshes/default/dataplanes/dp-2", dp, 400, "name", "name from the URL has to be the same as in body"),
        bad("PUT", "/meshes/other/dataplanes/dp-1", dp, 404, null, null),
        bad("PUT", "/meshes/default/dataplanes/dp-1", dp.replace("\"type\":\"Dataplane\"", "\"type\":\"Mesh\""), 400,
            "type", "type from the URL has to be the same as in body"),
        bad("PUT", "/meshes/default/dataplanes/dp-1", dp.replace("\"port\":80", "\"port\":0"), 400,
            "networking.inbound[0].port", "port must be in the range [1, 65535]"),
        bad("PUT", "/meshes/default/meshtimeouts/t", "{\"type\":\"MeshTimeout\",\"mesh\":\"default\",\"name\":\"t\","
            + "\"spec\":{\"targetRef\":{\"kind\":\"Mesh\"},\"to\":[{\"targetRef\":{\"kind\":\"Mesh\"},\"default\":"
            + "{\"connectionTimeout\":\"soon\"}}]}}", 400, null, null),
        bad("PUT", "/meshes/m1", "{\"type\":\"Mesh\",\"name\":\"m1\",\"labels\":{\"kuma.io/origin\":\"elsewhere\"}}", 400,
            "labels[\"kuma.io/origin\"]", "unknown resource origin \"elsewhere\", valid values: global, zone"),
        bad("PUT", "/meshes/M1", "{\"type\":\"Mesh\",\"name\":\"M1\"}", 400, null, null),
        bad("PUT", "/meshes/m1", "{\"type\":\"Mesh\",\"name\":", 400, null, null),
        bad("DELETE", "/meshes/nope", null, 404, null, null),
        bad("GET", "/_kri/not-a-kri", null, 400, null, null),
        bad("POST", "/tokens/dataplane", "{\"mesh\":\"default\",\"validFor\":\"1y\"}", 400, "validFor",
            "is invalid: time: unknown unit \"y\" in duration \"1y\""));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void answersInKumasErrorShape(String method, String path, String body, int status, String field, String reason) {
    ApiClient.Response r = api.send(method, path, body);
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    JsonNode error = r.json();
    assertThat(error.path("type").asText()).isEqualTo("/std-errors");
    assertThat(error.path("status").asInt()).isEqualTo(status);
    assertThat(error.path("title").asText()).isNotEmpty();
    assertThat(error.path("detail").asText()).isNotEmpty().isEqualTo(error.path("details").asText());
    if (field != null) {
      JsonNode first = error.path("invalid_parameters").get(0);
      assertThat(first.path("field").asText()).isEqualTo(field);
      assertThat(first.path("reason").asText()).isEqualTo(reason);
      assertThat(error.path("causes").get(0).path("field").asText()).isEqualTo(field);
    }
  }

  private static Arguments bad(String method, String path, String body, int status, String field, String reason) {
    return Arguments.of(method, path, body, status, field, reason);
  }
}
