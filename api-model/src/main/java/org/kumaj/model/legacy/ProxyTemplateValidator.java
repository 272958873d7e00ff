package org.kumaj.model.legacy;

import java.util.List;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.legacy.EnvoyResourceCheck.Kind;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.GoStrings;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/** Kuma's ProxyTemplate rules; the Envoy snippets go through an {@link EnvoyResourceCheck}. */
final class ProxyTemplateValidator implements SpecValidator<ProxyTemplate> {
  private static final String CANNOT_BE_EMPTY = "cannot be empty";
  private static final String ADD = "add";
  private static final String ADD_FIRST = "addFirst";
  private static final String ADD_LAST = "addLast";
  private static final String ADD_BEFORE = "addBefore";
  private static final String ADD_AFTER = "addAfter";
  private static final String PATCH = "patch";
  private static final String REMOVE = "remove";
  private static final String ELEMENT_OPERATIONS = operations(ADD, PATCH, REMOVE);
  private static final String FILTER_OPERATIONS =
      operations(ADD_FIRST, ADD_LAST, ADD_BEFORE, ADD_AFTER, PATCH, REMOVE);

  private final EnvoyResourceCheck envoyCheck;

  ProxyTemplateValidator(EnvoyResourceCheck envoyCheck) {
    this.envoyCheck = envoyCheck;
  }

  @Override
  public void validate(ResourceMeta meta, ProxyTemplate spec, Violations out) {
    TagSelectors.validateSelectors(FieldPath.of("selectors"), spec.selectors(),
        TagSelectors.OPTIONAL_SERVICE_SELECTORS, out);
    ProxyTemplate.Conf conf = spec.conf();
    if (conf == null) {
      return;
    }
    FieldPath root = FieldPath.of("conf");
    validateImports(root.field("imports"), conf.imports(), out);
    validateResources(root.field("resources"), conf.resources(), out);
    List<ProxyTemplate.Modification> modifications = conf.modifications();
    for (int i = 0; modifications != null && i < modifications.size(); i++) {
      validateModification(root.field("modifications").index(i), modifications.get(i), out);
    }
  }

  private static void validateImports(FieldPath path, List<String> imports, Violations out) {
    for (int i = 0; imports != null && i < imports.size(); i++) {
      String profile = imports.get(i);
      if (profile == null || profile.isEmpty()) {
        out.add(path.index(i), CANNOT_BE_EMPTY);
      } else if (!ProxyTemplate.PROFILES.contains(profile)) {
        out.add(path.index(i), "profile not found. Available profiles: "
            + String.join(",", ProxyTemplate.PROFILES));
      }
    }
  }

  private void validateResources(
      FieldPath path, List<ProxyTemplate.RawResource> resources, Violations out) {
    for (int i = 0; resources != null && i < resources.size(); i++) {
      ProxyTemplate.RawResource resource = resources.get(i);
      FieldPath at = path.index(i);
      if (resource == null || isEmpty(resource.name())) {
        out.add(at.field("name"), CANNOT_BE_EMPTY);
      }
      if (resource == null || isEmpty(resource.version())) {
        out.add(at.field("version"), CANNOT_BE_EMPTY);
      }
      if (resource == null || isEmpty(resource.resource())) {
        out.add(at.field("resource"), CANNOT_BE_EMPTY);
      } else {
        checkEnvoy(at.field("resource"), Kind.RAW_RESOURCE, resource.resource(), false, out);
      }
    }
  }

  private void validateModification(
      FieldPath path, ProxyTemplate.Modification modification, Violations out) {
    if (modification == null) {
      return;
    }
    if (modification.cluster() != null) {
      validateElementChange(path.field("cluster"), Kind.CLUSTER, modification.cluster(),
          modification.cluster().match() != null, "match", out);
    } else if (modification.listener() != null) {
      validateElementChange(path.field("listener"), Kind.LISTENER, modification.listener(),
          modification.listener().match() != null, "match", out);
    } else if (modification.networkFilter() != null) {
      validateFilterChange(
          path.field("networkFilter"), Kind.NETWORK_FILTER, modification.networkFilter(), out);
    } else if (modification.httpFilter() != null) {
      validateFilterChange(
          path.field("httpFilter"), Kind.HTTP_FILTER, modification.httpFilter(), out);
    } else if (modification.virtualHost() != null) {
      ProxyTemplate.VirtualHostMatch match = modification.virtualHost().match();
      validateElementChange(path.field("virtualHost"), Kind.VIRTUAL_HOST,
          modification.virtualHost(), match != null && !isEmpty(match.name()), "match.name", out);
    }
  }

  /** Clusters, listeners and virtual hosts: add (without a match), patch or remove. */
  private void validateElementChange(FieldPath path, Kind kind, ProxyTemplate.Change<?> change,
      boolean matchSetOnAdd, String matchField, Violations out) {
    String operation = change.operation() == null ? "" : change.operation();
    switch (operation) {
      case ADD -> {
        if (matchSetOnAdd) {
          out.add(path.field(matchField), "cannot be defined");
        }
        checkEnvoy(path.field("value"), kind, change.value(), false, out);
      }
      case PATCH -> checkEnvoy(path.field("value"), kind, change.value(), true, out);
      case REMOVE -> {
        // nothing to check
      }
      default -> out.add(path.field("operation"), ELEMENT_OPERATIONS);
    }
  }

  /** Network and HTTP filters: positional adds, patch or remove. */
  private void validateFilterChange(FieldPath path, Kind kind,
      ProxyTemplate.Change<ProxyTemplate.FilterMatch> change, Violations out) {
    String operation = change.operation() == null ? "" : change.operation();
    boolean noName = change.match() == null || isEmpty(change.match().name());
    FieldPath matchName = path.field("match.name");
    switch (operation) {
      case ADD_FIRST, ADD_LAST -> checkEnvoy(path.field("value"), kind, change.value(), false, out);
      case ADD_BEFORE, ADD_AFTER -> {
        if (noName) {
          out.add(matchName, "cannot be empty. You need to pick a filter "
              + (ADD_BEFORE.equals(operation) ? "before" : "after")
              + " which this one will be added");
        }
        checkEnvoy(path.field("value"), kind, change.value(), false, out);
      }
      case PATCH -> {
        if (noName) {
          out.add(matchName, CANNOT_BE_EMPTY);
        }
        checkEnvoy(path.field("value"), kind, change.value(), true, out);
      }
      case REMOVE -> {
        // nothing to check
      }
      default -> out.add(path.field("operation"), FILTER_OPERATIONS);
    }
  }

  private void checkEnvoy(FieldPath path, Kind kind, String snippet, boolean patch,
      Violations out) {
    String error = envoyCheck.check(kind, snippet == null ? "" : snippet, patch);
    if (error != null) {
      out.add(path, "native Envoy resource is not valid: " + error);
    }
  }

  private static String operations(String... names) {
    StringBuilder sb = new StringBuilder("invalid operation. Available operations: ");
    for (int i = 0; i < names.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(GoStrings.quote(names[i]));
    }
    return sb.toString();
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }
}
