package org.kumaj.kumactl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code kumactl apply}: parsing, templating, dry runs, directories, upserts and Kuma's error messages. */
class ApplyCommandTest extends KumactlAgainstFakeControlPlane {
  private static final String DATAPLANE = """
      type: Dataplane
      mesh: default
      name: dp-1
      networking:
        address: "{{ address }}"
        inbound:
        - port: 80
          tags:
            kuma.io/service: web
      """;

  private Run apply(String stdin, String... args) {
    return kumactlWithStdin(stdin, prefixed("apply", args));
  }

  private List<FakeControlPlane.Request> puts() {
    return server.requests.stream().filter(r -> r.method().equals("PUT")).toList();
  }

  @Test
  void createsNewAndUpdatesExistingResources() throws Exception {
    server.answer("/meshes/existing", 200, "{\"type\":\"Mesh\",\"name\":\"existing\"}");
    server.answer("/meshes/existing", 200, "{\"type\":\"Mesh\",\"name\":\"existing\"}");
    Run run = apply("type: Mesh\nname: fresh\n---\ntype: Mesh\nname: existing\n", "-f", "-");
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("resource type=\"Mesh\" mesh=\"\" name=\"fresh\" Created\n"
        + "resource type=\"Mesh\" mesh=\"\" name=\"existing\" Updated\n");
    assertThat(puts()).extracting(FakeControlPlane.Request::pathAndQuery)
        .containsExactly("/meshes/fresh", "/meshes/existing");
    JsonNode body = Trees.json(puts().get(0).body());
    assertThat(body.path("type").asText()).isEqualTo("Mesh");
    assertThat(body.path("name").asText()).isEqualTo("fresh");
  }

  @Test
  void rendersVariablesIncludingDottedNames() throws Exception {
    Run run = apply(DATAPLANE.replace("{{ address }}", "{{ net.address }}"), "-f", "-", "-v", "net.address=10.0.0.1");
    assertThat(run.exit()).as(run.toString()).isZero();
    JsonNode body = Trees.json(puts().get(0).body());
    assertThat(body.path("networking").path("address").asText()).isEqualTo("10.0.0.1");
    assertThat(puts().get(0).pathAndQuery()).isEqualTo("/meshes/default/dataplanes/dp-1");
  }

  @Test
  void dryRunPrintsTheRenderedResourcesWithoutSendingThem() {
    Run run = apply(DATAPLANE + "---\n" + DATAPLANE.replace("dp-1", "dp-2"), "-f", "-", "-v", "address=2.2.2.2",
        "--dry-run");
    assertThat(run.exit()).as(run.toString()).isZero();
    String one = """
        creationTime: "0001-01-01T00:00:00Z"
        kri: kri_dp_default___NAME_
        mesh: default
        modificationTime: "0001-01-01T00:00:00Z"
        name: NAME
        type: Dataplane
        networking:
          address: 2.2.2.2
          inbound:
          - port: 80
            tags:
              kuma.io/service: web
        """;
    assertThat(run.out()).isEqualTo(one.replace("NAME", "dp-1") + "---\n" + one.replace("NAME", "dp-2"));
    assertThat(puts()).isEmpty();
  }

  @Test
  void appliesEveryResourceFileOfADirectoryInNameOrder() throws Exception {
    Path dir = Files.createDirectories(home.resolve("resources"));
    Files.writeString(dir.resolve("b.yml"), "type: Mesh\nname: b\n");
    Files.writeString(dir.resolve("a.json"), "{\"type\": \"Mesh\", \"name\": \"a\"}");
    Files.writeString(dir.resolve("c.txt"), "type: Mesh\nname: ignored\n");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/d.yaml"), "type: Mesh\nname: ignored\n");
    Run run = apply(null, "-f", dir.toString());
    assertThat(run.out()).isEqualTo("resource type=\"Mesh\" mesh=\"\" name=\"a\" Created\n"
        + "resource type=\"Mesh\" mesh=\"\" name=\"b\" Created\n");
  }

  @Test
  void emptyInputIsAnError() throws Exception {
    Path empty = Files.createDirectories(home.resolve("empty"));
    assertThat(apply(null, "-f", empty.toString()).err()).isEqualTo("Error: no resource(s) passed to apply\n");
    assertThat(apply("", "-f", "-").err()).isEqualTo("Error: no resource(s) passed to apply\n");
  }

  @Test
  void invalidDocumentsAreAllReportedAndNothingIsApplied() {
    Run run = apply("""
        type: Mesh
        name: ok
        ---
        type: Dataplane
        name: dp-1
        networking:
          address: 1.1.1.1
          inbound:
          - port: 80
            tags:
              kuma.io/service: web
        ---
        type: Dataplane
        mesh: default
        name: dp-2
        networking:
          inbound: 0
        ---
        type: Mesh
        name: Not_Valid
        ---
        name: no-type
        """, "-f", "-");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("""
        resource[1]: failed to read meta: mesh: cannot be empty
        resource[2]: failed to parse resource: invalid Dataplane object: "networking.inbound: in body must be of type \
        array: \\"number\\""
        resource[3]: failed to read meta: name: invalid characters. A lowercase RFC 1123 subdomain must consist of \
        lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character
        resource[4]: failed to parse resource: invalid resource type ""
        Error: failed to validate some resources
        """);
    assertThat(puts()).isEmpty();
  }

  /** A spec rule of the type's validator, and a structural-schema rule checked while decoding. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{}                 | spec.from[0].default.action: must be defined",
      "{action: Maybe}    | spec.from[0].default.action: in body should be one of [Allow Deny AllowWithShadowDeny]"})
  void invalidDocumentsAreParseFailuresAndNothingIsSent(String defaults, String violation) {
    Run run = apply("""
        type: MeshTrafficPermission
        mesh: mesh-1
        name: mtp-1
        spec:
          targetRef:
            kind: Mesh
          from:
          - targetRef:
              kind: Mesh
            default: %s
        """.formatted(defaults), "-f", "-");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("resource[0]: failed to parse resource: " + violation
        + "\nError: failed to validate some resources\n");
    assertThat(puts()).isEmpty();
  }

  @Test
  void serverSideErrorsNameTheResource() {
    server.answer("PUT /meshes/sample", 400, """
        {"title":"Could not process resource","detail":"Resource is not valid",
         "invalid_parameters":[{"field":"path","reason":"cannot be empty"},{"field":"mesh","reason":"cannot be empty"}]}""");
    Run run = apply("type: Mesh\nname: sample\n", "-f", "-");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("Error: resource type=\"Mesh\" mesh=\"\" name=\"sample\": failed server side: Could"
        + " not process resource (Resource is not valid);path=cannot be empty ;mesh=cannot be empty \n");
  }

  @Test
  void missingFileIsAnError() {
    Run run = apply(null, "-f", home.resolve("nope.yaml").toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("Error: error while reading provided file: stat " + home.resolve("nope.yaml")
        + ": no such file or directory\n");
  }

  @Test
  void readsResourcesFromAUrl() throws Exception {
    server.answer("/files/mesh.yaml", 200, "type: Mesh\nname: remote\n");
    Run run = apply(null, "-f", server.url() + "/files/mesh.yaml");
    assertThat(run.out()).isEqualTo("resource type=\"Mesh\" mesh=\"\" name=\"remote\" Created\n");
  }

  @Test
  void splitsDocumentsAsKumaDoes() {
    assertThat(ApplyCommand.split("# comment\n---\na: 1\n# --- not a separator\nb: 2\n---\n\n---\nc: 3\n"))
        .containsExactly("a: 1\n# --- not a separator\nb: 2", "---\nc: 3");
  }

  @Test
  void rendersMustacheAsKumaDoes() {
    assertThat(Mustache.render("{{a}} {{{a}}} {{& a}} {{#a}}yes{{/a}}{{^b}}no b{{/b}} {{x.y}}",
        java.util.Map.of("a", "<v>", "x.y", "z"))).isEqualTo("&lt;v&gt; <v> <v> yesno b z");
  }
}
