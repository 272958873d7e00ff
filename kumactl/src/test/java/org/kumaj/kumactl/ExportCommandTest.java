package org.kumaj.kumactl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kumaj.model.BuildInfo;

/**
 * {@code kumactl export} against a fake control plane: bad flags, an unreachable or failing
 * control plane, types kumactl does not know, and the order and rewriting of what it prints.
 */
class ExportCommandTest extends KumactlAgainstFakeControlPlane {
  private static final String PRODUCT_LINE = "# Product: " + BuildInfo.current().product() + ", Version: "
      + BuildInfo.current().version() + ", Hostname: localhost, ClusterId: test-cluster, InstanceId: test-instance\n";

  private Run export(String... args) {
    return kumactl(prefixed("export", args));
  }

  private static String resources(String... entries) {
    return "{\"resources\":[" + String.join(",", entries) + "]}";
  }

  private static String type(String name, String path, boolean federated, boolean targetRef) {
    return "{\"includeInFederation\":" + federated + ",\"name\":\"" + name + "\",\"path\":\"" + path + "\""
        + (targetRef ? ",\"policy\":{\"isTargetRef\":true}" : "") + ",\"readOnly\":false,\"scope\":\"Mesh\"}";
  }

  private static String list(String... items) {
    return "{\"total\":" + items.length + ",\"items\":[" + String.join(",", items) + "],\"next\":null}";
  }

  @Test
  void unknownProfileIsRefusedAfterTheVersionLine() {
    Run run = export("--profile", "something");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEqualTo(PRODUCT_LINE);
    assertThat(run.err()).isEqualTo("Error: invalid profile: \"something\"\n");
    assertThat(server.requests).extracting(FakeControlPlane.Request::pathAndQuery).containsExactly("/");
  }

  @Test
  void unknownFormatIsRefused() {
    Run run = export("-f", "json");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("Error: invalid format: \"json\"\n");
  }

  @Test
  void argumentsAreRefused() {
    Run run = export("meshes");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("Error: unknown command \"meshes\" for \"kumactl export\"\n");
  }

  @Test
  void unreachableControlPlaneNamesTheAddress() {
    String url = server.url();
    server.close();
    Run run = export();
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("Error: Get \"" + url + "/_resources\": dial tcp " + url.substring("http://".length())
        + ": connect: connection refused (context \"test\")\n");
  }

  @Test
  void failingResourceListIsReportedWithItsStatusAndBody() {
    server.answer("/_resources", 403, "{\"title\":\"Access Denied\",\"detail\":\"no\"}");
    Run run = export();
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("Error: unexpected status code: 403 {\"title\":\"Access Denied\",\"detail\":\"no\"}\n");
  }

  @Test
  void failingListNamesTheType() {
    server.answer("/_resources", 200, resources(type("Retry", "retries", true, false)));
    server.answer("/meshes", 200, list("{\"type\":\"Mesh\",\"name\":\"default\"}"));
    server.answer("/meshes/default/retries", 500, "oops");
    Run run = export();
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("Error: could not list \"Retry\": (500): oops\n");

    server.answer("/meshes", 500, "down");
    assertThat(export().err()).isEqualTo("Error: could not list meshes: (500): down\n");
  }

  @Test
  void unknownTypesAreCommentedAndWarnedAbout() {
    server.answer("/_resources", 200, resources(type("FutureThing", "futurethings", true, false),
        type("OtherThing", "otherthings", true, false)));
    server.answer("/meshes", 200, list());
    Run run = export();
    assertThat(run.exit()).as(run.toString()).isZero();
    String msg = "The following types won't be exported because they are unknown to kumactl: FutureThing,OtherThing";
    assertThat(run.out()).isEqualTo(PRODUCT_LINE + "# " + msg + "\n");
    assertThat(run.err()).isEqualTo("WARNING: " + msg + ". Are you using a compatible version of kumactl?\n");
  }

  @Test
  void everyPageOfAListIsExported() {
    server.answer("/_resources", 200, resources(
        "{\"includeInFederation\":true,\"name\":\"Mesh\",\"path\":\"meshes\",\"scope\":\"Global\"}",
        type("MeshGateway", "meshgateways", true, false)));
    server.answer("/meshes?size=1000", 200, list("{\"type\":\"Mesh\",\"name\":\"m1\"}"));
    server.answer("/meshes/m1/meshgateways?size=1000", 200, "{\"total\":2,\"items\":[{\"type\":\"MeshGateway\","
        + "\"mesh\":\"m1\",\"name\":\"g1\"}],\"next\":\"http://cp/meshes/m1/meshgateways?offset=1&size=1000\"}");
    server.answer("/meshes/m1/meshgateways?size=1000&offset=1", 200, list("{\"type\":\"MeshGateway\","
        + "\"mesh\":\"m1\",\"name\":\"g2\"}"));

    Run run = export("--profile", "all");
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("name: g1", "name: g2");
  }

  @Test
  void profilesPickTypesFromTheServersDescriptionAndAdminOnlyFromTheRegistry() {
    server.answer("/_resources", 200, resources(
        "{\"includeInFederation\":true,\"name\":\"GlobalSecret\",\"path\":\"globalsecrets\",\"scope\":\"Global\"}",
        "{\"includeInFederation\":true,\"name\":\"Mesh\",\"path\":\"meshes\",\"scope\":\"Global\"}",
        type("Dataplane", "dataplanes", false, false),
        type("MeshGateway", "meshgateways", true, false),
        type("MeshTimeout", "meshtimeouts", true, true),
        type("Retry", "retries", true, false),
        type("Secret", "secrets", true, false)));
    server.answer("/meshes", 200, list("{\"type\":\"Mesh\",\"name\":\"m1\",\"mtls\":{\"enabledBackend\":\"ca\","
        + "\"backends\":[{\"name\":\"ca\",\"type\":\"builtin\",\"conf\":{\"caCert\":{\"RSAbits\":2048}}},"
        + "{\"name\":\"p\",\"type\":\"provided\"}]}}"));
    server.answer("/globalsecrets", 200, list("{\"type\":\"GlobalSecret\",\"name\":\"user-token-signing-key-1\"}",
        "{\"type\":\"GlobalSecret\",\"name\":\"envoy-admin-ca\"}", "{\"type\":\"GlobalSecret\",\"name\":\"inter-cp-ca\"}",
        "{\"type\":\"GlobalSecret\",\"name\":\"zone-token-signing-key-1\"}"));
    for (String ws : List.of("dataplanes", "meshgateways", "meshtimeouts", "retries", "secrets")) {
      server.answer("/meshes/m1/" + ws, 200, list());
    }
    server.answer("/meshes/m1/secrets", 200, list("{\"type\":\"Secret\",\"mesh\":\"m1\",\"name\":\"s\"}"));
    server.answer("/meshes/m1/retries", 200, list("{\"type\":\"Retry\",\"mesh\":\"m1\",\"name\":\"r\","
        + "\"labels\":{\"kuma.io/origin\":\"zone\",\"team\":\"a\"}}"));

    Run federation = export();
    assertThat(federation.exit()).as(federation.toString()).isZero();
    assertThat(federation.out().replace(PRODUCT_LINE, "")).isEqualTo("""
        ---
        creationTime: "0001-01-01T00:00:00Z"
        modificationTime: "0001-01-01T00:00:00Z"
        name: m1
        type: Mesh
        mtls:
          backends:
          - conf:
              cert:
                secret: m1.ca-builtin-cert-ca
              key:
                secret: m1.ca-builtin-key-ca
            name: ca
            type: provided
          - name: p
            type: provided
          enabledBackend: ca
          skipValidation: true
        skipCreatingInitialPolicies:
        - '*'
        ---
        creationTime: "0001-01-01T00:00:00Z"
        mesh: m1
        modificationTime: "0001-01-01T00:00:00Z"
        name: s
        type: Secret
        ---
        creationTime: "0001-01-01T00:00:00Z"
        labels:
          team: a
        mesh: m1
        modificationTime: "0001-01-01T00:00:00Z"
        name: r
        type: Retry
        ---
        creationTime: "0001-01-01T00:00:00Z"
        modificationTime: "0001-01-01T00:00:00Z"
        name: zone-token-signing-key-1
        type: GlobalSecret
        ---
        creationTime: "0001-01-01T00:00:00Z"
        modificationTime: "0001-01-01T00:00:00Z"
        name: user-token-signing-key-1
        type: GlobalSecret
        """);
    assertThat(server.requests).extracting(r -> r.pathAndQuery().split("\\?")[0])
        .doesNotContain("/meshes/m1/dataplanes", "/meshes/m1/meshgateways", "/meshes/m1/meshtimeouts");

    server.requests.clear();
    Run all = export("--profile", "all");
    assertThat(all.exit()).as(all.toString()).isZero();
    assertThat(all.out()).doesNotContain("type: Secret", "type: GlobalSecret").contains("kuma.io/origin: zone");
    assertThat(server.requests).extracting(r -> r.pathAndQuery().split("\\?")[0])
        .contains("/meshes/m1/dataplanes", "/meshes/m1/meshgateways", "/meshes/m1/meshtimeouts")
        .doesNotContain("/meshes/m1/secrets", "/globalsecrets");

    server.requests.clear();
    assertThat(export("--profile", "no-dataplanes", "--include-admin").exit()).isZero();
    assertThat(server.requests).extracting(r -> r.pathAndQuery().split("\\?")[0])
        .contains("/meshes/m1/secrets", "/globalsecrets", "/meshes/m1/meshgateways")
        .doesNotContain("/meshes/m1/dataplanes");

    server.requests.clear();
    assertThat(export("-p", "federation-with-policies").exit()).isZero();
    assertThat(server.requests).extracting(r -> r.pathAndQuery().split("\\?")[0])
        .contains("/meshes/m1/meshtimeouts", "/meshes/m1/meshgateways", "/meshes/m1/secrets")
        .doesNotContain("/meshes/m1/dataplanes");
  }

  @Test
  void kubernetesFormatFetchesEachObjectAndReportsAMissingOne() {
    server.answer("/_resources", 200, resources(
        "{\"includeInFederation\":true,\"name\":\"Mesh\",\"path\":\"meshes\",\"scope\":\"Global\"}",
        type("MeshTimeout", "meshtimeouts", true, true)));
    server.answer("/meshes", 200, list("{\"type\":\"Mesh\",\"name\":\"m1\"}"));
    server.answer("/meshes/m1/meshtimeouts", 200, list(
        "{\"type\":\"MeshTimeout\",\"mesh\":\"m1\",\"name\":\"in-system\",\"spec\":{}}",
        "{\"type\":\"MeshTimeout\",\"mesh\":\"m1\",\"name\":\"elsewhere\",\"spec\":{}}"));
    server.answer("/meshes/m1?format=k8s", 200, "{\"apiVersion\":\"kuma.io/v1alpha1\",\"kind\":\"Mesh\","
        + "\"metadata\":{\"name\":\"m1\",\"uid\":\"u\",\"resourceVersion\":\"1\",\"generation\":2,\"labels\":{}},"
        + "\"spec\":{\"logging\":{}}}");
    server.answer("/meshes/m1/meshtimeouts/in-system?format=k8s", 200, "{\"kind\":\"MeshTimeout\",\"metadata\":"
        + "{\"name\":\"in-system\",\"namespace\":\"kuma-system\",\"labels\":{\"kuma.io/origin\":\"zone\"},"
        + "\"annotations\":{\"kuma.io/origin\":\"x\",\"a\":\"b\"},\"managedFields\":[]},\"spec\":{}}");
    server.answer("/meshes/m1/meshtimeouts/elsewhere?format=k8s", 200, "{\"kind\":\"MeshTimeout\",\"metadata\":"
        + "{\"name\":\"elsewhere\",\"namespace\":\"team-a\"}}");

    Run run = export("--profile", "federation-with-policies", "--format", "kubernetes");
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo(PRODUCT_LINE + """
        apiVersion: kuma.io/v1alpha1
        kind: Mesh
        metadata:
          labels: {}
          name: m1
        spec:
          skipCreatingInitialPolicies:
          - '*'
        ---
        kind: MeshTimeout
        metadata:
          annotations:
            a: b
          labels: {}
          name: in-system
          namespace: kuma-system
        spec: {}
        """);

    Run all = export("--profile", "all", "--format", "kubernetes", "-n", "team-a");
    assertThat(all.out()).contains("name: elsewhere", "kuma.io/origin: zone");
    Run otherNamespace = export("--profile", "federation-with-policies", "--format", "kubernetes", "-n", "team-a");
    assertThat(otherNamespace.out()).contains("name: elsewhere").doesNotContain("name: in-system");

    server.answer("/meshes/m1/meshtimeouts/elsewhere?format=k8s", 404, "{\"title\":\"Not found\"}");
    Run missing = export("--profile", "all", "--format", "kubernetes");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).isEqualTo("Error: unexpected status code: 404 {\"title\":\"Not found\"}\n");
  }
}
