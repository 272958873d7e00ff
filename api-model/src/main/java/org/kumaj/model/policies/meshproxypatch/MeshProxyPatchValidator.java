package org.kumaj.model.policies.meshproxypatch;

import static org.kumaj.model.policies.core.TargetRefKind.DATAPLANE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_GATEWAY;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SERVICE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SERVICE_SUBSET;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SUBSET;
import static org.kumaj.model.policies.meshproxypatch.MeshProxyPatch.ADD;
import static org.kumaj.model.policies.meshproxypatch.MeshProxyPatch.ADD_AFTER;
import static org.kumaj.model.policies.meshproxypatch.MeshProxyPatch.ADD_BEFORE;
import static org.kumaj.model.policies.meshproxypatch.MeshProxyPatch.ADD_FIRST;
import static org.kumaj.model.policies.meshproxypatch.MeshProxyPatch.ADD_LAST;
import static org.kumaj.model.policies.meshproxypatch.MeshProxyPatch.PATCH;
import static org.kumaj.model.policies.meshproxypatch.MeshProxyPatch.REMOVE;

import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.codec.Json;
import org.kumaj.model.policies.core.Copies;
import org.kumaj.model.validation.GoStrings;
import org.kumaj.model.policies.core.PolicyChecks;
import org.kumaj.model.policies.core.PolicyRules;
import org.kumaj.model.policies.core.TargetRefRules;
import org.kumaj.model.policies.core.TargetRefValidation;
import org.kumaj.model.policies.meshproxypatch.EnvoyResourceCheck.Kind;
import org.kumaj.model.policies.meshproxypatch.MeshProxyPatch.FilterMatch;
import org.kumaj.model.policies.meshproxypatch.MeshProxyPatch.Mod;
import org.kumaj.model.policies.meshproxypatch.MeshProxyPatch.Modification;
import org.kumaj.model.policies.meshproxypatch.MeshProxyPatch.VirtualHostMatch;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.Messages;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/** Kuma's MeshProxyPatch validation ({@code meshproxypatch/api/v1alpha1/validator.go}). */
final class MeshProxyPatchValidator implements SpecValidator<MeshProxyPatch> {
  private static final FieldPath SPEC = FieldPath.of("spec");
  private static final TargetRefRules TOP_SYSTEM = TargetRefRules.kinds(MESH, MESH_SUBSET,
      MESH_SERVICE, MESH_SERVICE_SUBSET, MESH_GATEWAY, DATAPLANE);
  private static final TargetRefRules TOP = TargetRefRules.kinds(MESH, MESH_SUBSET, DATAPLANE,
      MESH_SERVICE, MESH_SERVICE_SUBSET);
  private static final String BEFORE_ERR =
      "must be defined. You need to pick a filter before which this one will be added";
  private static final String AFTER_ERR =
      "must be defined. You need to pick a filter after which this one will be added";
  private static final EnvoyResourceCheck ENVOY = ServiceLoader.load(EnvoyResourceCheck.class)
      .findFirst().orElse(MeshProxyPatchValidator::syntaxOnly);

  @Override
  public void validate(ResourceMeta meta, MeshProxyPatch spec, Violations out) {
    if (spec.targetRef() != null) {
      TargetRefValidation.validate(SPEC.field("targetRef"), spec.targetRef(),
          PolicyRules.isSystemRole(meta) ? TOP_SYSTEM : TOP, out);
    }
    List<Modification> mods = spec.defaultConf() == null
        ? List.of() : Copies.orEmpty(spec.defaultConf().appendModifications());
    FieldPath path = SPEC.field("default").field("appendModifications");
    if (mods.isEmpty()) {
      out.add(path, Messages.MUST_NOT_BE_EMPTY);
    }
    for (int i = 0; i < mods.size(); i++) {
      Modification m = mods.get(i) == null
          ? new Modification(null, null, null, null, null) : mods.get(i);
      FieldPath p = path.index(i);
      long count = Stream.of(m.cluster(), m.listener(), m.virtualHost(), m.networkFilter(),
          m.httpFilter()).filter(x -> x != null).count();
      if (count != 1) {
        out.add(p, "exactly one modification can be defined at a time. Currently, " + count
            + " modifications are defined");
      } else if (m.cluster() != null) {
        resourceMod(p, "cluster", Kind.CLUSTER, m.cluster(), m.cluster().match() != null, out);
      } else if (m.listener() != null) {
        resourceMod(p, "listener", Kind.LISTENER, m.listener(), m.listener().match() != null, out);
      } else if (m.virtualHost() != null) {
        VirtualHostMatch match = m.virtualHost().match();
        resourceMod(p, "virtualHost", Kind.VIRTUAL_HOST, m.virtualHost(),
            match != null && match.name() != null, out);
      } else if (m.networkFilter() != null) {
        filterMod(p, "networkFilter", Kind.NETWORK_FILTER, m.networkFilter(), out);
      } else {
        filterMod(p, "httpFilter", Kind.HTTP_FILTER, m.httpFilter(), out);
      }
    }
    PolicyRules.topLevelDeprecations(spec.targetRef(), out);
  }

  /** Clusters, listeners and virtual hosts: Add (without a match), Patch or Remove. */
  private static void resourceMod(FieldPath parent, String field, Kind kind, Mod<?> mod,
      boolean matchForbiddenOnAdd, Violations out) {
    FieldPath path = parent.field(field);
    switch (PolicyChecks.nullToEmpty(mod.operation())) {
      case ADD -> {
        if (matchForbiddenOnAdd) {
          FieldPath match = path.field("match");
          out.add(kind == Kind.VIRTUAL_HOST ? match.field("name") : match,
              Messages.MUST_NOT_BE_DEFINED);
        }
        resourceValue(path.field("value"), kind, mod.value(), out);
      }
      case PATCH -> patch(path, field, kind, mod, out);
      case REMOVE -> valueMustBeAbsent(path, mod, out);
      default -> out.add(path.field("operation"), operations(ADD, PATCH, REMOVE));
    }
  }

  /** Network and HTTP filters: positional adds, Patch or Remove. */
  private static void filterMod(FieldPath parent, String field, Kind kind, Mod<FilterMatch> mod,
      Violations out) {
    FieldPath path = parent.field(field);
    boolean named = mod.match() != null && mod.match().name() != null;
    switch (PolicyChecks.nullToEmpty(mod.operation())) {
      case ADD_FIRST, ADD_LAST -> resourceValue(path.field("value"), kind, mod.value(), out);
      case ADD_BEFORE, ADD_AFTER -> {
        if (!named) {
          out.add(path.field("match").field("name"),
              ADD_BEFORE.equals(mod.operation()) ? BEFORE_ERR : AFTER_ERR);
        }
        resourceValue(path.field("value"), kind, mod.value(), out);
      }
      case PATCH -> {
        if (!named) {
          out.add(path.field("match").field("name"), Messages.MUST_BE_DEFINED);
        }
        patch(path, field, kind, mod, out);
      }
      case REMOVE -> valueMustBeAbsent(path, mod, out);
      default -> out.add(path.field("operation"),
          operations(ADD_FIRST, ADD_LAST, ADD_BEFORE, ADD_AFTER, PATCH, REMOVE));
    }
  }

  private static void valueMustBeAbsent(FieldPath path, Mod<?> mod, Violations out) {
    if (mod.value() != null) {
      out.add(path.field("value"), Messages.MUST_NOT_BE_DEFINED);
    }
  }

  private static void resourceValue(FieldPath path, Kind kind, String value, Violations out) {
    if (value == null) {
      out.add(path, Messages.MUST_BE_DEFINED);
      return;
    }
    String error = ENVOY.check(kind, value, false);
    if (error != null) {
      out.add(path, "native Envoy resource is not valid: " + error);
    }
  }

  /** A patch is either a merge {@code value} or {@code jsonPatches}, never both. */
  private static void patch(FieldPath path, String field, Kind kind, Mod<?> mod, Violations out) {
    int patches = Copies.size(mod.jsonPatches());
    if (mod.value() != null) {
      if (patches > 0) {
        out.add(path, Messages.mustHaveOnlyOne(field, "value", "jsonPatches"));
      } else {
        String error = ENVOY.check(kind, mod.value(), true);
        if (error != null) {
          out.add(path.field("value"), "native Envoy resource is not valid: " + error);
        }
      }
    } else if (patches > 0) {
      PolicyChecks.jsonPatches(path.field("jsonPatches"), mod.jsonPatches(), out);
    } else {
      out.add(path, Messages.mustHaveExactlyOneOf(field, "value", "jsonPatches"));
    }
  }

  private static String operations(String... ops) {
    return "invalid operation. Available operations: "
        + Stream.of(ops).map(GoStrings::quote).collect(Collectors.joining(", "));
  }

  /**
   * Without Envoy's types: the value must at least be a YAML or JSON object. Like Kuma, text that
   * is not YAML is read as JSON, so a truncated document reports Go's "unexpected EOF".
   */
  private static String syntaxOnly(Kind kind, String value, boolean partial) {
    try {
      JsonNode node = Json.yaml().readTree(value);
      return node == null || node.isObject() || node.isMissingNode() || node.isNull() ? null
          : "value must be an object";
    } catch (Exception yamlError) {
      try {
        Json.mapper().readTree(value);
        return null;
      } catch (JsonEOFException eof) {
        return "unexpected EOF";
      } catch (Exception jsonError) {
        String message = yamlError.getMessage();
        return message == null ? "invalid YAML" : message.lines().findFirst().orElse("");
      }
    }
  }
}
