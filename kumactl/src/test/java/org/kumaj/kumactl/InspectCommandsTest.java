package org.kumaj.kumactl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code kumactl inspect}: the requests it makes and what it prints when the control plane cannot answer. */
class InspectCommandsTest extends KumactlAgainstFakeControlPlane {
  @Test
  void endpointTheServerDoesNotServeIsAnErrorNotAnEmptySuccess() {
    server.answer("/zones/_overview", 501, "{\"type\":\"/std-errors\",\"status\":501,\"title\":\"Not implemented\","
        + "\"detail\":\"zone overviews are not implemented yet\"}");
    Run zones = kumactl("inspect", "zones");
    assertThat(zones.exit()).isEqualTo(1);
    assertThat(zones.out()).isEmpty();
    assertThat(zones.err()).isEqualTo("Error: Not implemented (zone overviews are not implemented yet)\n");

    server.answer("/meshes/default/dataplanes/dp-1/xds?include_eds=false", 404, "404 page not found");
    Run dump = kumactl("inspect", "dataplane", "dp-1", "--type", "config-dump");
    assertThat(dump.exit()).isEqualTo(1);
    assertThat(dump.err()).isEqualTo("Error: (404): 404 page not found\n");
  }

  @Test
  void dataplanesFiltersAreSentAsKumaSendsThem() {
    server.answer("/meshes/demo/dataplanes/_overview", 200, "{\"total\":0,\"items\":[],\"next\":null}");
    Run run = kumactl("inspect", "dataplanes", "-m", "demo", "--gateway", "--tag", "kuma.io/service=web");
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(server.requests.get(server.requests.size() - 1).pathAndQuery())
        .isEqualTo("/meshes/demo/dataplanes/_overview?gateway=true&tag=kuma.io%2Fservice%3Aweb");
  }

  @Test
  void envoyDataIsPrintedAsReceived() {
    server.answer("/meshes/default/dataplanes/dp-1/stats", 200, "cluster.a.upstream_cx_total: 3\n");
    server.answer("/zoneegresses/ze-1/clusters", 200, "a::1.2.3.4:80::health_flags::healthy\n");
    assertThat(kumactl("inspect", "dataplane", "dp-1", "--type=stats").out())
        .isEqualTo("cluster.a.upstream_cx_total: 3\n");
    assertThat(kumactl("inspect", "zoneegress", "ze-1", "--type=clusters").out())
        .isEqualTo("a::1.2.3.4:80::health_flags::healthy\n");
  }

  @Test
  void flagCombinationsAreChecked() {
    assertThat(kumactl("inspect", "dataplane", "dp-1", "--shadow").err())
        .isEqualTo("Error: flag '--shadow' can be used only when '--type=config'\n");
    assertThat(kumactl("inspect", "dataplane", "dp-1", "--include-eds").err())
        .isEqualTo("Error: flag '--include-eds' can be used only when '--type=config-dump'\n");
    assertThat(kumactl("inspect", "zoneingress", "zi-1", "--type=policies").err())
        .isEqualTo("Error: Policies are not applied on ZoneIngress, please use '--config-dump' flag to get envoy"
            + " config dump of the ZoneIngress\n");
  }

  @Test
  void everyPolicyTypeCanBeInspected() {
    server.answer("/meshes/default/meshtimeouts/mt-1/dataplanes", 200, "{\"total\":1,\"items\":[{\"kind\":"
        + "\"SidecarDataplane\",\"dataplane\":{\"mesh\":\"default\",\"name\":\"web-1\"},\"attachments\":"
        + "[{\"type\":\"outbound\",\"name\":\"127.0.0.1:10001\",\"service\":\"backend\"}]}]}");
    assertThat(kumactl("inspect", "meshtimeout", "mt-1").out()).isEqualTo("Affected data plane proxies:\n\n"
        + "  web-1:\n    outbound 127.0.0.1:10001(backend)\n\n");
  }
}
