package org.kumaj.model.policies.meshtrafficpermission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kumaj.model.policies.core.PolicyTesting.META;
import static org.kumaj.model.policies.core.PolicyTesting.assertRoundTrip;
import static org.kumaj.model.policies.core.PolicyTesting.expected;
import static org.kumaj.model.policies.core.PolicyTesting.violations;
import static org.kumaj.model.policies.core.PolicyTesting.warnings;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kumaj.model.codec.Json;

class MeshTrafficPermissionTest {
  private static final String RULES = """
      targetRef:
        kind: Dataplane
        name: backend-1
        namespace: kuma-demo
        sectionName: http
      rules:
        - default:
            deny:
              - spiffeID:
                  type: Exact
                  value: spiffe://default/ns/kuma-demo/sa/bad
            allowWithShadowDeny:
              - sni:
                  type: Exact
                  value: backend.kuma-demo.svc
            allow:
              - spiffeID:
                  type: Prefix
                  value: spiffe://default/ns/kuma-demo
      """;

  private static final String FROM = """
      targetRef:
        kind: MeshSubset
        tags:
          kuma.io/service: backend
          version: v1
        proxyTypes: [Sidecar, Gateway]
      from:
        - targetRef:
            kind: MeshServiceSubset
            name: web
            tags:
              version: "*"
          default:
            action: AllowWithShadowDeny
      """;

  @Test
  void bindsEveryField() throws Exception {
    MeshTrafficPermission spec = assertRoundTrip(MeshTrafficPermission.TYPE, RULES);
    assertThat(spec.rules().get(0).defaultConf().allow().get(0).spiffeID().type())
        .isEqualTo("Prefix");
    MeshTrafficPermission from = assertRoundTrip(MeshTrafficPermission.TYPE, FROM);
    assertThat(from.from().get(0).defaultConf().action())
        .isEqualTo(MeshTrafficPermission.ALLOW_WITH_SHADOW_DENY);
    assertThat(from.targetRef().proxyTypes()).containsExactly("Sidecar", "Gateway");
  }

  @ParameterizedTest
  @ValueSource(strings = {RULES, FROM, """
      from:
        - targetRef:
            kind: Mesh
          default:
            action: Allow
      """})
  void acceptsValidSpecs(String yaml) {
    assertThat(violations(MeshTrafficPermission.TYPE, META, yaml)).isEmpty();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("targetRef: {kind: Mesh}",
            "spec: at least one of 'from' or 'rules' has to be defined"),
        Arguments.of("""
            targetRef:
              kind: Dataplane
              sectionName: http
            """, """
            spec.targetRef.sectionName: can only be used with inbound policies
            spec: at least one of 'from' or 'rules' has to be defined
            """),
        Arguments.of("""
            targetRef:
              kind: MeshHTTPRoute
              name: route
            from:
              - targetRef:
                  kind: MeshGatewayRoute
                default:
                  action: Allow
              - targetRef:
                  kind: Mesh
                default: {}
            rules:
              - default: {}
            """, """
            spec.targetRef.kind: value 'MeshHTTPRoute' is not supported
            spec: field 'from' must be empty when 'rules' is defined
            spec.rules[0]: at least one of 'allow', 'allowWithShadowDeny', 'deny' has to be defined
            spec.from[0].targetRef.kind: value 'MeshGatewayRoute' is not supported
            spec.from[1].default.action: must be defined
            """),
        Arguments.of("""
            rules:
              - default:
                  allow:
                    - sni:
                        type: Exact
                  allowWithShadowDeny:
                    - sni:
                        type: Prefix
                        value: Bad_Host
                  deny:
                    - spiffeID:
                        type: Exact
                        value: default/ns/x
                    - spiffeID:
                        type: Exact
                        value: spiffe://Default
            """, """
            spec.rules[0].allow[0].sni.value: must be set
            spec.rules[0].allowWithShadowDeny[0].sni.type: unrecognized type "Prefix", supported values are: Exact
            spec.rules[0].allowWithShadowDeny[0].sni.value: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')
            spec.rules[0].deny[0].spiffeID: must be a valid Spiffe ID: scheme is missing or invalid
            spec.rules[0].deny[1].spiffeID: must be a valid Spiffe ID: trust domain characters are limited to lowercase letters, numbers, dots, dashes, and underscores
            """),
        Arguments.of("""
            targetRef:
              kind: MeshSubset
              name: x
              mesh: other
              tags:
                "": v
                "bad key!": ok
                empty: ""
                star: "*"
              labels: {a: b}
              namespace: ns
              sectionName: s
              proxyTypes: []
            from:
              - targetRef:
                  kind: MeshServiceSubset
                  mesh: m
                  proxyTypes: [Sidecar]
                  tags:
                    version: v/1
                  labels: {a: b}
                  namespace: ns
                  sectionName: s
                default:
                  action: Deny
            """, """
            spec.targetRef.name: must not be set with kind MeshSubset
            spec.targetRef.mesh: must not be set with kind MeshSubset
            spec.targetRef.tags: tag name must be non-empty
            spec.targetRef.tags["bad key!"]: tag name must consist of alphanumeric characters, dots, dashes, slashes and underscores
            spec.targetRef.tags["empty"]: tag value must be non-empty
            spec.targetRef.tags["star"]: tag value must consist of alphanumeric characters, dots, dashes and underscores
            spec.targetRef.labels: must not be set with kind MeshSubset
            spec.targetRef.namespace: must not be set with kind MeshSubset
            spec.targetRef.sectionName: must not be set with kind MeshSubset
            spec.targetRef.proxyTypes: must be undefined or have at least one element
            spec.from[0].targetRef.name: must be set when kind is MeshServiceSubset
            spec.from[0].targetRef.mesh: must not be set with kind MeshServiceSubset
            spec.from[0].targetRef.proxyTypes: must not be set with kind MeshServiceSubset
            spec.from[0].targetRef.labels: must not be set with kind MeshServiceSubset
            spec.from[0].targetRef.namespace: must not be set with kind MeshServiceSubset
            spec.from[0].targetRef.sectionName: must not be set with kind MeshServiceSubset
            """),
        Arguments.of("""
            targetRef:
              kind: MeshService
              name: Web
              mesh: m
              tags: {a: b}
              proxyTypes: [Sidecar]
            from:
              - targetRef:
                  kind: MeshService
                  labels: {app: web}
                  namespace: ns
                default:
                  action: Allow
              - targetRef:
                  kind: MeshService
                default:
                  action: Allow
              - targetRef:
                  kind: Mesh
                  name: default
                  mesh: m
                  tags: {a: b}
                  labels: {a: b}
                  namespace: n
                  sectionName: s
                  proxyTypes: []
                default:
                  action: Allow
            """, """
            spec.targetRef.name: invalid characters: must consist of lower case alphanumeric characters, '-', '.' and '_'.
            spec.targetRef.mesh: must not be set with kind MeshService
            spec.targetRef.tags: must not be set with kind MeshService
            spec.targetRef.proxyTypes: must not be set with kind MeshService
            spec.from[0].targetRef.labels: either labels or name and namespace must be specified
            spec.from[1].targetRef: name or labels must be set when kind is MeshService
            spec.from[2].targetRef.name: using name with kind Mesh is not yet supported
            spec.from[2].targetRef.mesh: must not be set with kind Mesh
            spec.from[2].targetRef.tags: must not be set with kind Mesh
            spec.from[2].targetRef.labels: must not be set with kind Mesh
            spec.from[2].targetRef.namespace: must not be set with kind Mesh
            spec.from[2].targetRef.sectionName: must not be set with kind Mesh
            spec.from[2].targetRef.proxyTypes: must be undefined or have at least one element
            """),
        Arguments.of("""
            targetRef:
              kind: Dataplane
              labels: {app: web}
              name: dp
              tags: {a: b}
              mesh: m
              proxyTypes: [Sidecar]
              sectionName: inbound
            from:
              - targetRef:
                  kind: Mesh
                default:
                  action: Allow
            """, """
            spec.targetRef.tags: must not be set with kind Dataplane
            spec.targetRef.mesh: must not be set with kind Dataplane
            spec.targetRef.proxyTypes: must not be set with kind Dataplane
            spec.targetRef.labels: either labels or name and namespace must be specified
            """));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void reportsEveryViolation(String yaml, String violations) {
    assertThat(violations(MeshTrafficPermission.TYPE, META, yaml)).isEqualTo(expected(violations));
  }

  @Test
  void warnsAboutDeprecatedFields() {
    assertThat(warnings(MeshTrafficPermission.TYPE, """
        targetRef:
          kind: MeshSubset
          tags: {app: web}
        from:
          - targetRef:
              kind: MeshService
              name: web
            default:
              action: Allow
        """)).containsExactly(
        "'from' field is deprecated and will be removed in 3.0, use 'rules' with MeshIdentity"
            + " (spiffeId) instead",
        "MeshService value for 'from[].targetRef.kind' is deprecated, use MeshSubset with"
            + " 'kuma.io/service' instead",
        "MeshSubset value for 'targetRef.kind' is deprecated, use Dataplane with labels instead");
  }

  @Test
  void numberAsTargetRefNameIsABindingError() {
    // Kuma's put_mtp_00 fixture: rejected while reading the body, before validation.
    assertThatThrownBy(() -> Json.mapper().readValue(
        "{\"targetRef\":{\"kind\":\"MeshService\",\"name\":2},\"from\":[{\"targetRef\":{\"kind\":\"Mesh\"}}]}",
        MeshTrafficPermission.class)).isInstanceOf(MismatchedInputException.class);
  }
}
