package org.kumaj.model.policies.core;

import org.kumaj.model.ResourceMeta;
import org.kumaj.model.validation.Violations;

/**
 * Rules every targetRef policy shares: the policy role that widens the allowed top-level kinds,
 * the top-level {@code targetRef} deprecation warnings, and the messages about which of
 * {@code to}/{@code from}/{@code rules} may be combined. Stateless.
 */
public final class PolicyRules {
  /** Label carrying the policy role Kuma assigns ({@code system}, {@code producer}, ...). */
  public static final String POLICY_ROLE_LABEL = "kuma.io/policy-role";
  public static final String SYSTEM_ROLE = "system";

  public static final String TO_FROM_EMPTY_WITH_RULES =
      "fields 'to' and 'from' must be empty when 'rules' is defined";
  public static final String FROM_EMPTY_WITH_RULES = "field 'from' must be empty when 'rules' is defined";
  public static final String FROM_TO_OR_RULES_REQUIRED =
      "at least one of 'from', 'to' or 'rules' has to be defined";
  public static final String FROM_OR_RULES_REQUIRED = "at least one of 'from' or 'rules' has to be defined";
  public static final String FROM_DEPRECATED = "'from' field is deprecated, use 'rules' instead";
  public static final String OTEL_ENDPOINT_DEPRECATED = "openTelemetry.endpoint is deprecated, use"
      + " openTelemetry.backendRef with a MeshOpenTelemetryBackend resource instead";
  /** Kuma's message for fields that cannot depend on the client identity of a rule. */
  public static final String NOT_CONDITIONED_ON_SPIFFE_ID = "can't be specified when matches contain"
      + " spiffeID because this field cannot be conditioned on source identity";
  /** Kuma's message for {@code from} on a scope that includes gateways. */
  public static final String FROM_WITH_GATEWAYS = "must not be defined when the scope includes a"
      + " Gateway, select only proxyType Sidecar or select only gateways and use spec.to";

  private PolicyRules() {}

  /**
   * Whether the resource has Kuma's {@code system} policy role: the role label is absent, empty
   * or {@code system} (Kuma's {@code PolicyRole}).
   */
  public static boolean isSystemRole(ResourceMeta meta) {
    String role = meta == null ? null : meta.label(POLICY_ROLE_LABEL);
    return role == null || role.isEmpty() || role.equals(SYSTEM_ROLE);
  }

  /** Kuma's {@code TopLevelTargetRefDeprecations}: warns about kinds Kuma plans to remove. */
  public static void topLevelDeprecations(TargetRef targetRef, Violations out) {
    if (targetRef == null) {
      return;
    }
    String kind = targetRef.kindOrEmpty();
    switch (kind) {
      case TargetRefKind.MESH_SERVICE, TargetRefKind.MESH_SERVICE_SUBSET, TargetRefKind.MESH_SUBSET ->
          out.warn(kind + " value for 'targetRef.kind' is deprecated, use "
              + TargetRefKind.DATAPLANE + " with labels instead");
      case TargetRefKind.MESH_HTTP_ROUTE -> out.warn(TargetRefKind.MESH_HTTP_ROUTE
          + " value for 'targetRef.kind' is deprecated, use " + TargetRefKind.MESH_HTTP_ROUTE
          + " in spec.to[].targetRef");
      default -> {
        // no deprecation
      }
    }
  }
}
