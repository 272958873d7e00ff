package org.kumaj.model.policies.core;

import static org.kumaj.model.policies.core.TargetRefKind.DATAPLANE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_EXTERNAL_SERVICE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_GATEWAY;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_HTTP_ROUTE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SERVICE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SERVICE_SUBSET;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SUBSET;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.GoStrings;
import org.kumaj.model.validation.Messages;
import org.kumaj.model.validation.Violations;

/**
 * Kuma's {@code ValidateTargetRef}: the per-kind checks of a {@code targetRef} with Kuma's exact
 * messages and paths. Stateless.
 */
public final class TargetRefValidation {
  private static final Pattern NAME = Pattern.compile("^[0-9a-z.\\-_]*$");
  private static final Pattern TAG_NAME = Pattern.compile("^[a-zA-Z0-9.\\-_:/]*$");
  private static final Pattern TAG_VALUE = Pattern.compile("^[a-zA-Z0-9.\\-_:]*$");
  private static final Pattern SELECTOR_VALUE = Pattern.compile("^([a-zA-Z0-9.\\-_:/]*|\\*)$");

  private TargetRefValidation() {}

  /**
   * Validates {@code ref} found at {@code path} against {@code rules}. A null reference is Go's
   * zero value (no kind).
   */
  public static void validate(FieldPath path, TargetRef ref, TargetRefRules rules, Violations out) {
    TargetRef r = TargetRef.orEmpty(ref);
    String kind = r.kindOrEmpty();
    if (kind.isEmpty()) {
      out.add(path.field("kind"), Messages.MUST_BE_DEFINED);
      return;
    }
    if (!rules.supportedKinds().contains(kind)) {
      String error = rules.supportedKindsError();
      out.add(path.field("kind"), error == null || error.isEmpty()
          ? "value '" + kind + "' is not supported" : error);
      return;
    }
    Fields f = new Fields(path, r, kind, out);
    switch (kind) {
      case MESH -> {
        if (set(r.name())) {
          out.add(path.field("name"), "using name with kind " + kind + " is not yet supported");
        }
        f.disallow("mesh", r.mesh());
        f.disallow("tags", r.tags());
        f.disallow("labels", r.labels());
        f.disallow("namespace", r.namespace());
        f.disallow("sectionName", r.sectionName());
        proxyTypes(path, r, out);
      }
      case DATAPLANE -> {
        f.disallow("tags", r.tags());
        f.disallow("mesh", r.mesh());
        f.disallow("proxyTypes", r.proxyTypes());
        if (set(r.labels()) && (set(r.name()) || set(r.namespace()))) {
          out.add(path.field("labels"), "either labels or name and namespace must be specified");
        }
        if (!rules.inboundPolicy() && set(r.sectionName())) {
          out.add(path.field("sectionName"), "can only be used with inbound policies");
        }
      }
      case MESH_SUBSET -> {
        f.disallow("name", r.name());
        f.disallow("mesh", r.mesh());
        tags(path.field("tags"), r.tags(), TAG_VALUE,
            "tag value must consist of alphanumeric characters, dots, dashes and underscores", out);
        f.disallow("labels", r.labels());
        f.disallow("namespace", r.namespace());
        f.disallow("sectionName", r.sectionName());
        proxyTypes(path, r, out);
      }
      case MESH_SERVICE, MESH_HTTP_ROUTE -> {
        name(path, r.name(), rules, out);
        f.disallow("mesh", r.mesh());
        f.disallow("tags", r.tags());
        f.disallow("proxyTypes", r.proxyTypes());
        if (kind.equals(MESH_HTTP_ROUTE)) {
          f.disallow("sectionName", r.sectionName());
        }
        nameOrLabels(path, r, kind, out);
        if (set(r.labels()) && (set(r.name()) || set(r.namespace()))) {
          out.add(path.field("labels"), "either labels or name and namespace must be specified");
        }
      }
      case MESH_SERVICE_SUBSET, MESH_GATEWAY -> {
        if (!set(r.name())) {
          out.add(path.field("name"), Messages.MUST_BE_SET + " when kind is " + kind);
        }
        name(path, r.name(), rules, out);
        f.disallow("mesh", r.mesh());
        f.disallow("proxyTypes", r.proxyTypes());
        tags(path.field("tags"), r.tags(), SELECTOR_VALUE, "tag value must consist of alphanumeric"
            + " characters, dots, dashes, slashes and underscores or be \"*\"", out);
        if (kind.equals(MESH_GATEWAY) && set(r.tags()) && !rules.gatewayListenerTagsAllowed()) {
          f.disallow("tags", r.tags());
        }
        f.disallow("labels", r.labels());
        f.disallow("namespace", r.namespace());
        f.disallow("sectionName", r.sectionName());
      }
      case MESH_EXTERNAL_SERVICE -> {
        name(path, r.name(), rules, out);
        f.disallow("mesh", r.mesh());
        f.disallow("tags", r.tags());
        f.disallow("proxyTypes", r.proxyTypes());
        nameOrLabels(path, r, kind, out);
        if (set(r.labels()) && (set(r.name()) || set(r.namespace()))) {
          out.add(path.field("labels"), "either labels or name must be specified");
        }
        f.disallow("sectionName", r.sectionName());
      }
      default -> {
        // a kind in supportedKinds without per-kind checks (MeshMultiZoneService)
      }
    }
  }

  private record Fields(FieldPath path, TargetRef ref, String kind, Violations out) {
    void disallow(String field, Object value) {
      if (set(value)) {
        out.add(path.field(field), Messages.MUST_NOT_BE_SET + " with kind " + kind);
      }
    }
  }

  private static void nameOrLabels(FieldPath path, TargetRef r, String kind, Violations out) {
    if (!set(r.labels()) && !set(r.name())) {
      out.add(path, "name or labels must be set when kind is " + kind);
    }
  }

  private static void proxyTypes(FieldPath path, TargetRef r, Violations out) {
    if (r.proxyTypes() != null && r.proxyTypes().isEmpty()) {
      out.add(path.field("proxyTypes"), "must be undefined or have at least one element");
    }
  }

  private static void name(FieldPath path, String name, TargetRefRules rules, Violations out) {
    String value = name == null ? "" : name;
    if (!rules.allowedInvalidNames().contains(value) && !NAME.matcher(value).matches()) {
      out.add(path.field("name"),
          "invalid characters: must consist of lower case alphanumeric characters, '-', '.' and '_'.");
    }
  }

  /** Kuma's tag checks ({@code ValidateTags} / {@code ValidateSelector}) with no extra options. */
  private static void tags(FieldPath path, Map<String, String> tags, Pattern valuePattern,
      String valueMessage, Violations out) {
    for (Map.Entry<String, String> e : Copies.orEmpty(tags).entrySet()) {
      String key = e.getKey();
      String value = e.getValue() == null ? "" : e.getValue();
      FieldPath keyPath = path.key(GoStrings.escape(key));
      if (key.isEmpty()) {
        out.add(path, "tag name must be non-empty");
      }
      if (!TAG_NAME.matcher(key).matches()) {
        out.add(keyPath,
            "tag name must consist of alphanumeric characters, dots, dashes, slashes and underscores");
      }
      if (value.isEmpty()) {
        out.add(keyPath, "tag value must be non-empty");
      }
      if (!valuePattern.matcher(value).matches()) {
        out.add(keyPath, valueMessage);
      }
    }
  }

  static boolean set(Object value) {
    if (value instanceof String s) {
      return !s.isEmpty();
    }
    if (value instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    if (value instanceof List<?> l) {
      return !l.isEmpty();
    }
    return false;
  }
}
