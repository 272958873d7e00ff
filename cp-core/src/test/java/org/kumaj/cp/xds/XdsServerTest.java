package org.kumaj.cp.xds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kumaj.cp.xds.XdsTestSupport.poll;

import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.service.discovery.v3.DiscoveryResponse;
import io.grpc.Status;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kumaj.cp.launcher.Role;
import org.kumaj.cp.manager.ResourceManager;
import org.kumaj.cp.testing.TestControlPlane;
import org.kumaj.cp.tokens.JwtTokens;
import org.kumaj.cp.tokens.SigningKeys;
import org.kumaj.model.ResourceKey;
import org.kumaj.model.mesh.Dataplane;
import org.kumaj.model.mesh.DataplaneInsight;

/**
 * ADS on the data-plane server with a real grpc-java client over TLS: tokens, snapshots, EDS-only
 * updates, NACK backoff, insights and the Dataplane lifecycle.
 */
class XdsServerTest {
  private static final Duration DEADLINE = Duration.ofSeconds(20);
  @TempDir
  static Path workDir;
  static TestControlPlane cp;
  static X509Certificate ca;
  static int port;

  @BeforeAll
  static void start() throws Exception {
    cp = TestControlPlane.start(Role.STANDALONE, workDir, Map.of(
        "KUMA_XDS_SERVER_NACK_BACKOFF", "1s",
        "KUMA_XDS_SERVER_DATAPLANE_STATUS_FLUSH_INTERVAL", "200ms",
        "KUMA_XDS_DATAPLANE_DEREGISTRATION_DELAY", "100ms"));
    ca = XdsTestSupport.controlPlaneCertificate(workDir);
    port = cp.port("KUMA_DP_SERVER_PORT");
    put("client-1", "client", 9000, "  \"outbound\": [{\"port\": 10001, \"tags\": {\"kuma.io/service\": \"backend\"}}]");
    put("backend-1", "backend", 8080, null);
  }

  @AfterAll
  static void stop() {
    cp.close();
  }

  static void put(String name, String service, int port, String outbound) throws Exception {
    String body = "{\"type\":\"Dataplane\",\"mesh\":\"default\",\"name\":\"" + name + "\",\"networking\":{\"address\":"
        + "\"10.0.0." + (name.hashCode() & 0x7f) + "\",\"inbound\":[{\"port\":" + port + ",\"tags\":{\"kuma.io/service\":\""
        + service + "\"}}]" + (outbound == null ? "" : "," + outbound) + "}}";
    XdsTestSupport.put(cp, "/meshes/default/dataplanes/" + name, body);
  }

  static String token(String name, Map<String, List<String>> tags) {
    SigningKeys keys = new SigningKeys(cp.bean(ResourceManager.class));
    return new JwtTokens(java.time.Clock.systemUTC()).issue(
        keys.latest(SigningKeys.dataplanePrefix("default"), "default").orElseThrow(),
        Map.of("Name", name, "Mesh", "default", "Tags", tags, "Type", "dataplane"), Duration.ofHours(1));
  }

  private static boolean hasEndpoints(DiscoveryResponse r, int count) {
    return r.getResourcesList().stream().anyMatch(any -> {
      try {
        ClusterLoadAssignment cla = any.unpack(ClusterLoadAssignment.class);
        return cla.getClusterName().equals("backend")
            && cla.getEndpointsList().stream().mapToInt(e -> e.getLbEndpointsCount()).sum() == count;
      } catch (com.google.protobuf.InvalidProtocolBufferException e) {
        return false;
      }
    });
  }

  @Test
  void proxyWithValidTokenGetsItsConfigAndOnlyEdsChangesWhenAnEndpointIsAdded() throws Exception {
    try (AdsClient client = new AdsClient(port, ca, "default.client-1", token("client-1", Map.of()), Map.of())) {
      client.subscribe(Resources.V3.CLUSTER_TYPE_URL, List.of());
      client.subscribe(Resources.V3.LISTENER_TYPE_URL, List.of());
      DiscoveryResponse clusters = client.await(Resources.V3.CLUSTER_TYPE_URL, r -> r.getResourcesCount() > 0, DEADLINE);
      assertThat(clusters.getResourcesList().toString()).contains("backend");
      DiscoveryResponse listeners = client.await(Resources.V3.LISTENER_TYPE_URL, r -> r.getResourcesCount() > 0, DEADLINE);
      assertThat(listeners.getResourcesList().toString()).contains("outbound:").contains("inbound:");
      client.subscribe(Resources.V3.ENDPOINT_TYPE_URL, List.of("backend"));
      client.await(Resources.V3.ENDPOINT_TYPE_URL, r -> hasEndpoints(r, 1), DEADLINE);
      long cdsBefore = client.responses().stream().filter(r -> r.getTypeUrl().equals(Resources.V3.CLUSTER_TYPE_URL)).count();
      long ldsBefore = client.responses().stream().filter(r -> r.getTypeUrl().equals(Resources.V3.LISTENER_TYPE_URL)).count();

      put("backend-2", "backend", 8080, null);

      client.await(Resources.V3.ENDPOINT_TYPE_URL, r -> hasEndpoints(r, 2), DEADLINE);
      assertThat(client.responses().stream().filter(r -> r.getTypeUrl().equals(Resources.V3.CLUSTER_TYPE_URL)).count())
          .isEqualTo(cdsBefore);
      assertThat(client.responses().stream().filter(r -> r.getTypeUrl().equals(Resources.V3.LISTENER_TYPE_URL)).count())
          .isEqualTo(ldsBefore);
    }
  }

  @Test
  void connectionIsTrackedInTheDataplaneInsight() throws Exception {
    try (AdsClient client = new AdsClient(port, ca, "default.backend-1", token("backend-1", Map.of()), Map.of())) {
      client.subscribe(Resources.V3.CLUSTER_TYPE_URL, List.of());
      client.await(Resources.V3.CLUSTER_TYPE_URL, r -> r.getResourcesCount() > 0, DEADLINE);
      ResourceManager manager = cp.bean(ResourceManager.class);
      ResourceKey key = new ResourceKey(DataplaneInsight.TYPE, "default", "backend-1");
      poll(DEADLINE, () -> manager.get(key).map(r -> {
        var subs = r.spec(DataplaneInsight.class).subscriptions();
        return subs != null && subs.stream().anyMatch(s -> s.isConnected() && s.status() != null
            && s.status().cds() != null && s.status().cds().responsesSent() != null
            && s.status().cds().responsesAcknowledged() != null);
      }).orElse(false));
    }
    ResourceManager manager = cp.bean(ResourceManager.class);
    ResourceKey key = new ResourceKey(DataplaneInsight.TYPE, "default", "backend-1");
    poll(DEADLINE, () -> manager.get(key).map(r -> r.spec(DataplaneInsight.class).subscriptions().stream()
        .noneMatch(s -> s.isConnected())).orElse(false));
  }

  @Test
  void tokensAreEnforcedBeforeAnyConfigIsSent() throws Exception {
    try (AdsClient noToken = new AdsClient(port, ca, "default.client-1", null, Map.of())) {
      noToken.subscribe(Resources.V3.CLUSTER_TYPE_URL, List.of());
      assertThat(noToken.awaitClosed(DEADLINE).getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
      assertThat(noToken.responses()).isEmpty();
    }
    try (AdsClient foreign = new AdsClient(port, ca, "default.client-1", token("backend-1", Map.of()), Map.of())) {
      foreign.subscribe(Resources.V3.CLUSTER_TYPE_URL, List.of());
      assertThat(foreign.awaitClosed(DEADLINE).getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
      assertThat(foreign.responses()).isEmpty();
    }
    try (AdsClient wrongTags = new AdsClient(port, ca, "default.client-1",
        token("client-1", Map.of("kuma.io/service", List.of("someone-else"))), Map.of())) {
      wrongTags.subscribe(Resources.V3.CLUSTER_TYPE_URL, List.of());
      assertThat(wrongTags.awaitClosed(DEADLINE).getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    }
    try (AdsClient garbage = new AdsClient(port, ca, "not-a-node-id", "x", Map.of())) {
      garbage.subscribe(Resources.V3.CLUSTER_TYPE_URL, List.of());
      assertThat(garbage.awaitClosed(DEADLINE).getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }
  }

  @Test
  void aNackedTypeIsResentOnlyAfterTheBackoff() throws Exception {
    try (AdsClient client = new AdsClient(port, ca, "default.client-1", token("client-1", Map.of()), Map.of())) {
      client.subscribe(Resources.V3.CLUSTER_TYPE_URL, List.of());
      DiscoveryResponse first = client.await(Resources.V3.CLUSTER_TYPE_URL, r -> r.getResourcesCount() > 0, DEADLINE);
      long before = client.responses().size();
      long nackedAt = System.nanoTime();
      client.requestsNack(Resources.V3.CLUSTER_TYPE_URL, first.getNonce());
      client.await(Resources.V3.CLUSTER_TYPE_URL, r -> client.responses().size() > before, DEADLINE);
      assertThat(Duration.ofNanos(System.nanoTime() - nackedAt)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }
  }

  @Test
  void aDataplanePassedOnConnectIsRegisteredAndRemovedAfterDisconnect() throws Exception {
    String dp = "{\"type\":\"Dataplane\",\"mesh\":\"default\",\"name\":\"ephemeral-1\",\"networking\":{\"address\":"
        + "\"10.1.1.1\",\"inbound\":[{\"port\":7000,\"tags\":{\"kuma.io/service\":\"ephemeral\"}}]}}";
    ResourceManager manager = cp.bean(ResourceManager.class);
    ResourceKey key = new ResourceKey(Dataplane.TYPE, "default", "ephemeral-1");
    try (AdsClient client = new AdsClient(port, ca, "default.ephemeral-1", token("ephemeral-1", Map.of()),
        Map.of("dataplane.resource", dp))) {
      client.subscribe(Resources.V3.LISTENER_TYPE_URL, List.of());
      client.await(Resources.V3.LISTENER_TYPE_URL, r -> r.getResourcesList().toString().contains("7000"), DEADLINE);
      assertThat(manager.get(key)).isPresent();
    }
    poll(DEADLINE, () -> manager.get(key).isEmpty());
  }
}
