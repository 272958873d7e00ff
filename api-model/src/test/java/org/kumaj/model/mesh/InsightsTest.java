package org.kumaj.model.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kumaj.model.system.SpecAssertions.assertRoundTrip;
import static org.kumaj.model.system.SpecAssertions.rewrite;
import static org.kumaj.model.system.SpecAssertions.tree;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kumaj.model.codec.Json;
import org.kumaj.model.system.ServiceStats;

class InsightsTest {
  static final String SUBSCRIPTIONS = """
      subscriptions:
        - id: '1'
          controlPlaneInstanceId: node-001
          connectTime: '2018-07-17T16:05:36.995Z'
          disconnectTime: '2018-07-17T16:06:36.995Z'
          status:
            lastUpdateTime: '2018-07-17T16:06:00Z'
            total:
              responsesSent: '10'
              responsesAcknowledged: '9'
              responsesRejected: '1'
            cds:
              responsesSent: '2'
            eds:
              responsesSent: '3'
            lds:
              responsesSent: '4'
            rds:
              responsesSent: '1'
          version:
            kumaDp:
              version: 1.0.0
              gitTag: v1.0.0
              gitCommit: 91ce236824a9d875601679aa80c63783fb0e8725
              buildDate: '2019-08-07T11:26:06Z'
              kumaCpCompatible: true
            envoy:
              version: 1.16.0
              build: hash/1.16.0/RELEASE
              kumaDpCompatible: true
            dependencies:
              coredns: 1.8.3
          generation: 7
        - id: '2'
          controlPlaneInstanceId: node-002
          connectTime: '2019-07-17T16:05:36.123456789Z'
          status:
            total:
              responsesSent: '20'
              responsesRejected: '2'
      """;

  @Test
  void dataplaneInsightBindsEveryField() throws Exception {
    DataplaneInsight insight = assertRoundTrip(SUBSCRIPTIONS + """
        mTLS:
          certificateExpirationTime: '2020-05-08T08:28:22Z'
          lastCertificateRegeneration: '2019-07-16T19:48:08Z'
          certificateRegenerations: 10
          issuedBackend: ca-1
          supportedBackends:
            - ca-1
            - ca-2
        metadata:
          features:
            - feature-tcp-accesslog-via-named-pipe
        openTelemetry:
          backends:
            - name: otel
              traces:
                enabled: true
                envAllowed: true
                envInputPresent: true
                state: Ready
                overrideKinds: [endpoint]
                missingFields: [protocol]
                blockedReasons: [none]
              logs:
                state: Disabled
              metrics: {}
        """, DataplaneInsight.class);
    assertThat(insight.mTLS().certificateExpirationTime()).isEqualTo(Instant.parse("2020-05-08T08:28:22Z"));
    DiscoverySubscription first = insight.subscriptions().get(0);
    assertThat(first.status().total()).isEqualTo(new ServiceStats(10L, 9L, 1L));
    assertThat(first.isConnected()).isFalse();
    assertThat(insight.isOnline()).isTrue();
    assertThat(insight.lastSubscription().connectTime())
        .isEqualTo(Instant.parse("2019-07-17T16:05:36.123456789Z"));
    assertThat(insight.openTelemetry().backends().get(0).traces().overrideKinds()).containsExactly("endpoint");
  }

  @Test
  void proxyInsightsShareSubscriptions() throws Exception {
    ZoneIngressInsight ingress = assertRoundTrip(SUBSCRIPTIONS + "metadata:\n  k: v\n", ZoneIngressInsight.class);
    ZoneEgressInsight egress = assertRoundTrip(SUBSCRIPTIONS, ZoneEgressInsight.class);
    assertThat(ingress.subscriptions()).isEqualTo(egress.subscriptions());
    assertThat(ingress.metadata().get("k").asText()).isEqualTo("v");
    assertThat(new ZoneEgressInsight(null, null).isOnline()).isFalse();
    assertThat(new ZoneEgressInsight(List.of(), null).lastSubscription()).isNull();
  }

  @Test
  void int64CountersAreWrittenAsStringsAndReadFromNumbersToo() throws Exception {
    assertThat(rewrite("""
        subscriptions:
          - id: '1'
            connectTime: '2018-07-17T16:05:36.100+02:00'
            status:
              total:
                responsesSent: 10
                responsesRejected: 0
        """, DataplaneInsight.class)).isEqualTo(tree("""
        subscriptions:
          - id: '1'
            connectTime: '2018-07-17T14:05:36.100Z'
            status:
              total:
                responsesSent: '10'
        """));
  }

  @Test
  void wrongJsonTypeFailsBinding() {
    assertThatThrownBy(() -> Json.mapper().readValue(
        "{\"subscriptions\":[{\"connectTime\":12}]}", DataplaneInsight.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> Json.mapper().readValue(
        "{\"subscriptions\":[{\"connectTime\":\"yesterday\"}]}", DataplaneInsight.class))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> Json.mapper().readValue(
        "{\"subscriptions\":[{\"status\":{\"total\":{\"responsesSent\":\"ten\"}}}]}", DataplaneInsight.class))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void meshInsightBindsEveryField() throws Exception {
    MeshInsight insight = assertRoundTrip("""
        dataplanes:
          total: 100
          online: 90
          offline: 10
          partiallyDegraded: 5
        policies:
          TrafficPermission:
            total: 7
        dpVersions:
          kumaDp:
            1.0.0:
              total: 2
              online: 1
          envoy:
            1.16.0:
              total: 2
              offline: 2
        mTLS:
          issuedBackends:
            ca-1:
              total: 3
          supportedBackends:
            ca-1:
              online: 3
        services:
          total: 5
          internal: 4
          external: 1
        dataplanesByType:
          standard:
            total: 90
          gateway:
            total: 10
          gatewayBuiltin:
            total: 6
          gatewayDelegated:
            total: 4
        resources:
          MeshTimeout:
            total: 3
        """, MeshInsight.class);
    assertThat(insight.policies().get("TrafficPermission")).isEqualTo(new MeshInsight.TotalStat(7));
    assertThat(insight.mTLS().issuedBackends().get("ca-1").total()).isEqualTo(3);
  }

  @Test
  void serviceInsightBindsEveryField() throws Exception {
    ServiceInsight insight = assertRoundTrip("""
        services:
          backend:
            status: partially_degraded
            dataplanes:
              total: 100
              online: 70
              offline: 30
            issuedBackends:
              ca-1: 70
            serviceType: gateway_builtin
            addressPort: backend.mesh:80
            zones:
              - zone-1
        """, ServiceInsight.class);
    assertThat(insight.services().get("backend").dataplanes()).isEqualTo(new ServiceInsight.DataplaneStat(100, 70, 30));
    assertThat(rewrite("""
        services:
          web:
            status: none
            serviceType: internal
        """, ServiceInsight.class)).isEqualTo(tree("services:\n  web: {}\n"));
  }
}
