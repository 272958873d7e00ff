package org.kumaj.model.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceTypes;
import org.kumaj.model.validation.ValidationException;
import org.kumaj.testing.KumaFixtures;

/**
 * The Kubernetes form against Kuma's own documents: every PUT body of Kuma's API fixtures survives
 * Universal → Kubernetes → back, Kuma's Kubernetes objects decode, and bad documents fail naming
 * the field.
 */
class KubernetesCodecTest {
  static Stream<Path> kumaRequestBodies() throws IOException {
    try (Stream<Path> files = Files.list(KumaFixtures.conformance().resolve("api-server/crud"))) {
      return files.filter(p -> p.getFileName().toString().endsWith(".request.json")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kumaRequestBodies")
  void universalDocumentsRoundTripThroughTheKubernetesForm(Path body) throws IOException {
    JsonNode doc;
    Resource original;
    try {
      doc = Json.mapper().readTree(Files.readString(body));
      original = ResourceTypes.byName(doc.path("type").asText()).map(t -> UniversalCodec.decode(t, doc)).orElse(null);
    } catch (ResourceDecodeException | ValidationException | com.fasterxml.jackson.core.JsonProcessingException invalidOnPurpose) {
      return; // Kuma's fixture is a rejected body; the codec's errors are covered elsewhere
    }
    if (original == null) {
      return;
    }
    ObjectNode kubernetes = KubernetesCodec.encode(original, "");
    Resource back = KubernetesCodec.decode(Json.mapper().readTree(Json.mapper().writeValueAsString(kubernetes)));

    assertThat(back.type()).isEqualTo(original.type());
    assertThat(back.meta().name()).isEqualTo(original.meta().name());
    assertThat(back.meta().mesh()).isEqualTo(original.meta().mesh());
    assertThat(back.meta().labels()).containsAllEntriesOf(original.meta().labels());
    assertThat(withoutLabels(UniversalCodec.encode(back))).isEqualTo(withoutLabels(UniversalCodec.encode(original)));
  }

  @Test
  void labelsRoundTripBecauseDerivedNamesDependOnThem() throws IOException {
    Resource original = UniversalCodec.decode(ResourceTypes.byName("MeshExternalService").orElseThrow(),
        Json.mapper().readTree("""
            {"type":"MeshExternalService","mesh":"mesh-1","name":"ext-svc",
             "labels":{"kuma.io/display-name":"my-display-name","team":"a"},
             "spec":{"match":{"type":"HostnameGenerator","port":9000,"protocol":"http"},
                     "endpoints":[{"address":"192.168.0.1","port":27017}]}}
            """));
    Resource back = KubernetesCodec.decode(KubernetesCodec.encode(original, ""));

    assertThat(back.meta().labels()).containsAllEntriesOf(original.meta().labels());
    assertThat(UniversalCodec.encode(back).get("snis")).isEqualTo(UniversalCodec.encode(original).get("snis"));
  }

  @Test
  void labelsOfAClusterObjectAreKept() throws IOException {
    Resource r = KubernetesCodec.decode(Json.mapper().readTree("""
        {"apiVersion":"kuma.io/v1alpha1","kind":"MeshTimeout",
         "metadata":{"name":"mt-1","namespace":"kuma-demo","labels":{"kuma.io/mesh":"payments","team":"a"}},
         "spec":{"targetRef":{"kind":"Mesh"},"to":[{"targetRef":{"kind":"Mesh"},"default":{"idleTimeout":"99s"}}]}}
        """));

    assertThat(r.meta().mesh()).isEqualTo("payments");
    assertThat(r.meta().labels()).isEqualTo(Map.of("kuma.io/mesh", "payments", "team", "a"));
  }

  @Test
  void kumasKubernetesObjectsDecode() throws IOException {
    Path dir = KumaFixtures.conformance().resolve("kumactl/export");
    Resource timeout = KubernetesCodec.decode(read(dir.resolve("kube-input.MeshTimeout.mt-in-namespace-kuma-test.json")));
    Resource retry = KubernetesCodec.decode(read(dir.resolve("kube-input.Retry.retry-all-default.json")));
    Resource mesh = KubernetesCodec.decode(read(dir.resolve("kube-input.Mesh.mesh-with-mtls.json")));

    assertThat(timeout.type().name()).isEqualTo("MeshTimeout");
    assertThat(timeout.meta().mesh()).isEqualTo("default");
    assertThat(UniversalCodec.encode(timeout).at("/spec/to/0/default/idleTimeout").asText()).isEqualTo("1m39s");
    assertThat(retry.type().name()).isEqualTo("Retry");
    assertThat(retry.meta().mesh()).isEqualTo("default");
    assertThat(UniversalCodec.encode(retry).at("/conf/http/numRetries").asInt()).isEqualTo(5);
    assertThat(mesh.meta().name()).isEqualTo("mesh-with-mtls");
    assertThat(UniversalCodec.encode(mesh).at("/mtls/backends/0/type").asText()).isEqualTo("builtin");
  }

  @Test
  void secretsBecomeCoreSecretsAndBack() throws IOException {
    Resource secret = UniversalCodec.decode(ResourceTypes.byName("Secret").orElseThrow(),
        Json.mapper().readTree("{\"type\":\"Secret\",\"mesh\":\"m1\",\"name\":\"s1\",\"data\":\"aGVsbG8=\"}"));
    ObjectNode kubernetes = KubernetesCodec.encode(secret, "");

    assertThat(kubernetes.path("type").asText()).isEqualTo("system.kuma.io/secret");
    assertThat(kubernetes.at("/data/value").asText()).isEqualTo("aGVsbG8=");
    Resource back = KubernetesCodec.decode(kubernetes);
    assertThat(back.meta().mesh()).isEqualTo("m1");
    assertThat(UniversalCodec.encode(back).path("data").asText()).isEqualTo("aGVsbG8=");
  }

  static Stream<List<String>> badDocuments() {
    return Stream.of(
        List.of("[]", "", "the resource must be a JSON object"),
        List.of("{\"apiVersion\":\"kuma.io/v1alpha1\",\"kind\":\"Mesh\"}", "metadata", "must be an object"),
        List.of("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"x\"}}", "apiVersion",
            "must be kuma.io/v1alpha1 (or v1 for a Secret)"),
        List.of("{\"apiVersion\":\"kuma.io/v1alpha1\",\"kind\":\"Nope\",\"metadata\":{\"name\":\"x\"}}", "kind",
            "unknown kind \"Nope\""),
        List.of("{\"apiVersion\":\"kuma.io/v1alpha1\",\"kind\":\"MeshTimeout\",\"metadata\":{\"name\":\"x\"},\"spec\":[]}",
            "spec", "must be an object"),
        List.of("{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"type\":\"Opaque\",\"metadata\":{\"name\":\"x\"}}", "type",
            "must be system.kuma.io/secret or system.kuma.io/global-secret"),
        List.of("{\"apiVersion\":\"kuma.io/v1alpha1\",\"kind\":\"Dataplane\",\"mesh\":\"default\",\"metadata\":{\"name\":\"x\"},"
            + "\"spec\":{\"networking\":{\"address\":7}}}", "spec.networking.address", ""),
        List.of("{\"apiVersion\":\"kuma.io/v1alpha1\",\"kind\":\"MeshTimeout\",\"metadata\":{\"name\":\"x\"},"
            + "\"spec\":{\"targetRef\":{\"kind\":[]}}}", "spec.targetRef.kind", ""));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badDocuments")
  void badDocumentsNameTheField(List<String> c) {
    assertThatThrownBy(() -> KubernetesCodec.decode(Json.mapper().readTree(c.get(0))))
        .isInstanceOfSatisfying(ResourceDecodeException.class, e -> {
          assertThat(e.field()).isEqualTo(c.get(1));
          assertThat(e.reason()).contains(c.get(2));
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"Secret", "GlobalSecret"})
  void secretKindsAreOnlyReachableAsCoreSecrets(String kind) {
    assertThatThrownBy(() -> KubernetesCodec.decode(Json.mapper().readTree(
        "{\"apiVersion\":\"kuma.io/v1alpha1\",\"kind\":\"" + kind + "\",\"metadata\":{\"name\":\"x\"}}")))
        .isInstanceOfSatisfying(ResourceDecodeException.class, e -> assertThat(e.field()).isEqualTo("kind"));
  }

  private static JsonNode read(Path file) throws IOException {
    return Json.mapper().readTree(Files.readString(file));
  }

  private static ObjectNode withoutLabels(ObjectNode universal) {
    universal.remove(List.of("labels", "creationTime", "modificationTime", "kri"));
    return universal;
  }
}
