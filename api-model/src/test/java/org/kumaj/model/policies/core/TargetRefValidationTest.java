package org.kumaj.model.policies.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kumaj.model.policies.core.PolicyTesting.expected;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kumaj.model.codec.Json;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.Violation;
import org.kumaj.model.validation.Violations;

class TargetRefValidationTest {
  private static final FieldPath PATH = FieldPath.of("spec").field("targetRef");
  private static final TargetRefRules ALL = TargetRefRules.kinds(TargetRefKind.MESH,
      TargetRefKind.DATAPLANE, TargetRefKind.MESH_SUBSET, TargetRefKind.MESH_GATEWAY,
      TargetRefKind.MESH_SERVICE, TargetRefKind.MESH_EXTERNAL_SERVICE,
      TargetRefKind.MESH_MULTI_ZONE_SERVICE, TargetRefKind.MESH_SERVICE_SUBSET,
      TargetRefKind.MESH_HTTP_ROUTE);

  private static List<Violation> check(String yaml, TargetRefRules rules) throws Exception {
    Violations out = new Violations();
    TargetRefValidation.validate(PATH, Json.yaml().readValue(yaml, TargetRef.class), rules, out);
    return out.list();
  }

  @Test
  void missingReferenceHasNoKind() {
    Violations out = new Violations();
    TargetRefValidation.validate(PATH, null, ALL, out);
    assertThat(out.list()).isEqualTo(expected("spec.targetRef.kind: must be defined"));
  }

  @Test
  void customKindErrorReplacesKumasDefault() throws Exception {
    assertThat(check("kind: MeshService", TargetRefRules.kinds("Mesh").withKindsError("nope")))
        .isEqualTo(expected("spec.targetRef.kind: nope"));
  }

  @Test
  void gatewayListenerTagsNeedTheOption() throws Exception {
    String yaml = "{kind: MeshGateway, name: edge, tags: {port: http}}";
    assertThat(check(yaml, ALL))
        .isEqualTo(expected("spec.targetRef.tags: must not be set with kind MeshGateway"));
    assertThat(check(yaml, ALL.withGatewayListenerTags())).isEmpty();
    assertThat(check("{kind: MeshGateway, tags: {port: \"*\"}}", ALL.withGatewayListenerTags()))
        .isEqualTo(expected("spec.targetRef.name: must be set when kind is MeshGateway"));
  }

  @Test
  void dataplaneSectionNameNeedsAnInboundPolicy() throws Exception {
    String yaml = "{kind: Dataplane, name: dp, namespace: ns, sectionName: http}";
    assertThat(check(yaml, ALL.withInbound(true))).isEmpty();
    assertThat(check(yaml, ALL))
        .isEqualTo(expected("spec.targetRef.sectionName: can only be used with inbound policies"));
  }

  @Test
  void externalServicesNeedANameOrLabels() throws Exception {
    assertThat(check("""
        kind: MeshExternalService
        name: Ext!
        mesh: m
        tags: {a: b}
        proxyTypes: [Sidecar]
        labels: {a: b}
        sectionName: s
        """, ALL)).isEqualTo(expected("""
        spec.targetRef.name: invalid characters: must consist of lower case alphanumeric characters, '-', '.' and '_'.
        spec.targetRef.mesh: must not be set with kind MeshExternalService
        spec.targetRef.tags: must not be set with kind MeshExternalService
        spec.targetRef.proxyTypes: must not be set with kind MeshExternalService
        spec.targetRef.labels: either labels or name must be specified
        spec.targetRef.sectionName: must not be set with kind MeshExternalService
        """));
    assertThat(check("kind: MeshExternalService", ALL)).isEqualTo(
        expected("spec.targetRef: name or labels must be set when kind is MeshExternalService"));
  }

  @Test
  void allowedInvalidNamesPass() throws Exception {
    String yaml = "{kind: MeshService, name: kuma.io/unresolved-backend}";
    assertThat(check(yaml, ALL)).hasSize(1);
    assertThat(check(yaml, ALL.withAllowedInvalidNames("kuma.io/unresolved-backend"))).isEmpty();
  }

  @Test
  void tagKeysAreQuotedLikeGo() throws Exception {
    assertThat(check("{kind: MeshSubset, tags: {\"a\\\"b\": v}}", ALL)).isEqualTo(expected(
        "spec.targetRef.tags[\"a\\\"b\"]: tag name must consist of alphanumeric characters, dots,"
            + " dashes, slashes and underscores"));
  }

  @ParameterizedTest
  @CsvSource({"Mesh,,true", "Mesh,Sidecar,false", "Mesh,Gateway,true", "MeshSubset,,true",
      "MeshGateway,,true", "MeshHTTPRoute,,true", "MeshService,,false", "Dataplane,,false"})
  void includesGatewaysLikeKuma(String kind, String proxyType, boolean expected) {
    TargetRef ref = new TargetRef(kind, null, null, null,
        proxyType == null ? null : List.of(proxyType), null, null, null);
    assertThat(ref.includesGateways()).isEqualTo(expected);
  }

  @Test
  void mapsAreSortedAndImmutable() {
    TargetRef ref = new TargetRef("MeshSubset", null, Map.of("b", "1", "a", "2"), null, null,
        null, null, null);
    assertThat(ref.tags().keySet()).containsExactly("a", "b");
    assertThat(ref.tags()).isUnmodifiable();
  }

  @Test
  void checksTlsVersionsAndPercentages() {
    Violations out = new Violations();
    PolicyChecks.tlsVersion(FieldPath.of("v"), new TlsVersion("TLS13", "TLSAuto"), out);
    PolicyChecks.tlsVersion(FieldPath.of("w"), new TlsVersion("TLS13", "TLS11"), out);
    PolicyChecks.percentage(FieldPath.of("p"), IntOrString.of("0.0"), false, out);
    PolicyChecks.percentage(FieldPath.of("q"), null, true, out);
    PolicyChecks.percentageOrNull(FieldPath.of("r"), IntOrString.of("100.01"), out);
    PolicyChecks.backendRef(FieldPath.of("b"),
        new BackendRef("MeshMultiZoneService", "x", null, null, null, null, null, null, 1L, null),
        out);
    assertThat(out.list()).isEqualTo(expected("""
        w.min: min version must be lower than max
        p: must be greater than 0
        r: must be in inclusive range [0.0, 100.0]
        b.port: must be defined with kind MeshMultiZoneService
        """));
  }
}
