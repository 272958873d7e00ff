package org.kumaj.model.policies.meshmetric;

import static org.kumaj.model.policies.core.TargetRefKind.DATAPLANE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_GATEWAY;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SERVICE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SERVICE_SUBSET;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SUBSET;

import java.util.List;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.policies.core.Copies;
import org.kumaj.model.policies.core.GoNet;
import org.kumaj.model.policies.core.GoRegex;
import org.kumaj.model.policies.core.PolicyChecks;
import org.kumaj.model.policies.core.PolicyRules;
import org.kumaj.model.policies.core.TargetRefRules;
import org.kumaj.model.policies.core.TargetRefValidation;
import org.kumaj.model.policies.meshmetric.MeshMetric.Application;
import org.kumaj.model.policies.meshmetric.MeshMetric.Backend;
import org.kumaj.model.policies.meshmetric.MeshMetric.Conf;
import org.kumaj.model.policies.meshmetric.MeshMetric.Profile;
import org.kumaj.model.policies.meshmetric.MeshMetric.Profiles;
import org.kumaj.model.policies.meshmetric.MeshMetric.Selector;
import org.kumaj.model.validation.Checks;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.Messages;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/**
 * Kuma's MeshMetric validation ({@code meshmetric/api/v1alpha1/validator.go}) and deprecation
 * warnings. Kuma reports applications under {@code applications.application[i]} and backends
 * under {@code backends.backend[i]}; the paths here do the same.
 */
final class MeshMetricValidator implements SpecValidator<MeshMetric> {
  private static final FieldPath SPEC = FieldPath.of("spec");
  private static final TargetRefRules TOP_SYSTEM = TargetRefRules.kinds(MESH, MESH_SUBSET,
      MESH_SERVICE, MESH_SERVICE_SUBSET, MESH_GATEWAY, DATAPLANE).withGatewayListenerTags();
  private static final TargetRefRules TOP = TargetRefRules.kinds(MESH, MESH_SUBSET, MESH_SERVICE,
      DATAPLANE, MESH_SERVICE_SUBSET);
  private static final List<String> PROFILES = List.of("All", "None", "Basic");
  private static final List<String> SELECTORS = List.of("Prefix", "Exact", "Contains");

  @Override
  public void validate(ResourceMeta meta, MeshMetric spec, Violations out) {
    if (spec.targetRef() != null) {
      TargetRefValidation.validate(SPEC.field("targetRef"), spec.targetRef(),
          PolicyRules.isSystemRole(meta) ? TOP_SYSTEM : TOP, out);
    }
    Conf conf = spec.defaultConf() == null ? Conf.EMPTY : spec.defaultConf();
    FieldPath path = SPEC.field("default");
    if (conf.sidecar() != null && conf.sidecar().profiles() != null) {
      profiles(path.field("sidecar").field("profiles"), conf.sidecar().profiles(), out);
    }
    for (int i = 0; i < Copies.size(conf.applications()); i++) {
      Application app = conf.applications().get(i);
      Checks.port(path.field("applications").field("application").index(i),
          app == null || app.port() == null ? 0 : app.port(), out);
    }
    for (int i = 0; i < Copies.size(conf.backends()); i++) {
      Backend backend = conf.backends().get(i) == null
          ? new Backend(null, null, null) : conf.backends().get(i);
      backend(path.field("backends").field("backend").index(i), backend, out);
    }
    deprecations(spec, conf, out);
  }

  private static void profiles(FieldPath path, Profiles profiles, Violations out) {
    if (profiles.exclude() != null) {
      selectors(path.field("exclude"), profiles.exclude(), out);
    }
    if (profiles.include() != null) {
      selectors(path.field("include"), profiles.include(), out);
    }
    if (profiles.appendProfiles() != null) {
      for (int i = 0; i < profiles.appendProfiles().size(); i++) {
        Profile profile = profiles.appendProfiles().get(i);
        String name = profile == null ? "" : PolicyChecks.nullToEmpty(profile.name());
        if (!PROFILES.contains(name)) {
          out.add(path.field("appendProfiles").index(i).field("name"), "unrecognized profile name '"
              + name + "' - 'All', 'None', 'Basic' are supported");
        }
      }
    }
  }

  private static void selectors(FieldPath path, List<Selector> selectors, Violations out) {
    for (int i = 0; i < selectors.size(); i++) {
      Selector selector = selectors.get(i) == null ? new Selector(null, null) : selectors.get(i);
      String type = PolicyChecks.nullToEmpty(selector.type());
      if (type.equals("Regex")) {
        if (!GoRegex.isValid(PolicyChecks.nullToEmpty(selector.match()))) {
          out.add(path.index(i).field("match"), "invalid regex");
        }
      } else if (!SELECTORS.contains(type)) {
        out.add(path.index(i).field("type"), "unrecognized type '" + type
            + "' - 'Regex', 'Prefix', 'Exact' are supported");
      }
    }
  }

  private static void backend(FieldPath path, Backend backend, Violations out) {
    switch (PolicyChecks.nullToEmpty(backend.type())) {
      case Backend.PROMETHEUS -> {
        if (backend.prometheus() == null) {
          out.add(path.field("prometheus"), Messages.MUST_BE_DEFINED);
        } else {
          Integer port = backend.prometheus().port();
          Checks.port(path.field("port"), port == null ? 0 : port, out);
        }
      }
      case Backend.OPEN_TELEMETRY -> {
        if (backend.openTelemetry() == null) {
          out.add(path.field("openTelemetry"), Messages.MUST_BE_DEFINED);
        } else {
          PolicyChecks.otelEndpointOrBackendRef(path.field("openTelemetry"),
              backend.openTelemetry().endpoint(), backend.openTelemetry().backendRef(),
              MeshMetricValidator::hostPort, out);
        }
      }
      default -> out.add(path, "unrecognized type");
    }
  }

  /** MeshMetric still requires host:port endpoints, as before backendRef existed. */
  private static void hostPort(FieldPath path, String endpoint, Violations out) {
    if (!GoNet.isHostPort(endpoint)) {
      out.add(path.field("endpoint"), "must be in host:port format");
    }
  }

  private static void deprecations(MeshMetric spec, Conf conf, Violations out) {
    boolean inlineEndpoint = Copies.orEmpty(conf.backends()).stream()
        .anyMatch(b -> b != null && b.openTelemetry() != null
            && !PolicyChecks.nullToEmpty(b.openTelemetry().endpoint()).isEmpty()
            && b.openTelemetry().backendRef() == null);
    if (inlineEndpoint) {
      out.warn(PolicyRules.OTEL_ENDPOINT_DEPRECATED);
    }
    PolicyRules.topLevelDeprecations(spec.targetRef(), out);
  }
}
