package org.kumaj.cp.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.kumaj.cp.config.ConfigLoader;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.diagnostics.Readiness;
import org.kumaj.cp.listeners.ListenerStartException;
import org.kumaj.cp.testing.TestControlPlane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A control plane started in-process on free ports (memory store). */
class ControlPlaneTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  Path workDir;

  private static int status(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void readyFollowsEveryPendingCondition() throws Exception {
    Map<String, String> env = TestControlPlane.freePortEnvironment(workDir);
    KumaConfig config = new ConfigLoader().load(null, env, Role.STANDALONE.defaults(), w -> {});
    String ready = "http://127.0.0.1:" + env.get("KUMA_DIAGNOSTICS_SERVER_PORT") + "/ready";
    try (ControlPlane cp = ControlPlane.start(config)) {
      Readiness readiness = cp.context().getBean(Readiness.class);
      assertThat(status(ready)).isEqualTo(200);
      readiness.expect("late-component");
      assertThat(status(ready)).isEqualTo(503);
      assertThat(readiness.pending()).containsExactly("late-component");
      readiness.met("late-component");
      assertThat(status(ready)).isEqualTo(200);
      readiness.lost("store");
      assertThat(status(ready)).isEqualTo(503);
    }
  }

  @Test
  void occupiedGrpcPortFailsStartNamingTheSetting() throws Exception {
    Map<String, String> env = TestControlPlane.freePortEnvironment(workDir);
    try (ServerSocket taken = new ServerSocket(0)) {
      env.put("KUMA_DP_SERVER_PORT", Integer.toString(taken.getLocalPort()));
      KumaConfig config = new ConfigLoader().load(null, env, Role.STANDALONE.defaults(), w -> {});
      assertThatThrownBy(() -> ControlPlane.start(config))
          .isInstanceOf(ListenerStartException.class)
          .hasMessage("port " + taken.getLocalPort() + " is already in use; it is set by dpServer.port (KUMA_DP_SERVER_PORT)");
    }
  }
}
