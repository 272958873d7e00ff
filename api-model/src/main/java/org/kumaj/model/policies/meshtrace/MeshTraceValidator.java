package org.kumaj.model.policies.meshtrace;

import static org.kumaj.model.policies.core.TargetRefKind.DATAPLANE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_GATEWAY;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SERVICE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SERVICE_SUBSET;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SUBSET;

import java.math.BigDecimal;
import java.util.Optional;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.policies.core.Copies;
import org.kumaj.model.policies.core.GoUrl;
import org.kumaj.model.policies.core.GoValidator;
import org.kumaj.model.policies.core.IntOrString;
import org.kumaj.model.policies.core.PolicyChecks;
import org.kumaj.model.policies.core.PolicyRules;
import org.kumaj.model.policies.core.TargetRefRules;
import org.kumaj.model.policies.core.TargetRefValidation;
import org.kumaj.model.policies.meshtrace.MeshTrace.Backend;
import org.kumaj.model.policies.meshtrace.MeshTrace.Conf;
import org.kumaj.model.policies.meshtrace.MeshTrace.Tag;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.Messages;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/**
 * Kuma's MeshTrace validation ({@code meshtrace/api/v1alpha1/validator.go}) and deprecation
 * warnings.
 */
final class MeshTraceValidator implements SpecValidator<MeshTrace> {
  private static final FieldPath SPEC = FieldPath.of("spec");
  private static final TargetRefRules TOP_SYSTEM = TargetRefRules.kinds(MESH, MESH_SUBSET,
      MESH_GATEWAY, MESH_SERVICE, MESH_SERVICE_SUBSET, DATAPLANE);
  private static final TargetRefRules TOP = TargetRefRules.kinds(MESH, MESH_SUBSET, MESH_SERVICE,
      MESH_SERVICE_SUBSET, DATAPLANE);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  @Override
  public void validate(ResourceMeta meta, MeshTrace spec, Violations out) {
    if (spec.targetRef() != null) {
      TargetRefValidation.validate(SPEC.field("targetRef"), spec.targetRef(),
          PolicyRules.isSystemRole(meta) ? TOP_SYSTEM : TOP, out);
    }
    Conf conf = spec.defaultConf() == null ? Conf.EMPTY : spec.defaultConf();
    FieldPath path = SPEC.field("default");
    FieldPath backends = path.field("backends");
    if (conf.backends() == null) {
      out.add(backends, Messages.MUST_BE_DEFINED);
    } else if (conf.backends().size() == 1) {
      Backend backend = conf.backends().get(0);
      if (backend != null) {
        validateBackend(backends.index(0), backend, out);
      }
    } else if (conf.backends().size() > 1) {
      out.add(backends, "must have zero or one backend defined");
    }
    for (int i = 0; i < Copies.size(conf.tags()); i++) {
      Tag tag = conf.tags().get(i) == null ? new Tag(null, null, null) : conf.tags().get(i);
      FieldPath p = path.field("tags").index(i);
      if (PolicyChecks.nullToEmpty(tag.name()).isEmpty()) {
        out.add(p.field("name"), Messages.MUST_NOT_BE_EMPTY);
      }
      if ((tag.header() != null) == (tag.literal() != null)) {
        out.add(p, Messages.mustHaveOnlyOne("tag", "header", "literal"));
      }
    }
    if (conf.sampling() != null) {
      FieldPath sampling = path.field("sampling");
      sampling(sampling.field("client"), conf.sampling().client(), out);
      sampling(sampling.field("random"), conf.sampling().random(), out);
      sampling(sampling.field("overall"), conf.sampling().overall(), out);
    }
    boolean inlineEndpoint = Copies.orEmpty(conf.backends()).stream()
        .anyMatch(b -> b != null && b.openTelemetry() != null
            && !PolicyChecks.nullToEmpty(b.openTelemetry().endpoint()).isEmpty()
            && b.openTelemetry().backendRef() == null);
    if (inlineEndpoint) {
      out.warn(PolicyRules.OTEL_ENDPOINT_DEPRECATED);
    }
    PolicyRules.topLevelDeprecations(spec.targetRef(), out);
  }

  private static void sampling(FieldPath path, IntOrString value, Violations out) {
    if (value == null) {
      return;
    }
    Optional<BigDecimal> dec = value.toDecimal();
    if (dec.isEmpty()) {
      out.add(path, "string is not a number");
    } else if (dec.get().signum() < 0 || dec.get().compareTo(HUNDRED) > 0) {
      out.add(path, "must be between 0 and 100");
    }
  }

  private static void validateBackend(FieldPath path, Backend backend, Violations out) {
    switch (PolicyChecks.nullToEmpty(backend.type())) {
      case Backend.DATADOG -> {
        FieldPath p = path.field("datadog");
        if (backend.datadog() == null) {
          out.add(p, Messages.MUST_BE_DEFINED);
          return;
        }
        datadogUrl(p.field("url"), PolicyChecks.nullToEmpty(backend.datadog().url()), out);
      }
      case Backend.ZIPKIN -> {
        FieldPath p = path.field("zipkin");
        if (backend.zipkin() == null) {
          out.add(p, Messages.MUST_BE_DEFINED);
          return;
        }
        String url = PolicyChecks.nullToEmpty(backend.zipkin().url());
        if (url.isEmpty()) {
          out.add(p.field("url"), Messages.MUST_NOT_BE_EMPTY);
        } else if (!GoValidator.isURL(url)) {
          out.add(p.field("url"), "must be a valid url");
        }
      }
      case Backend.OPEN_TELEMETRY -> {
        FieldPath p = path.field("openTelemetry");
        if (backend.openTelemetry() == null) {
          out.add(p, Messages.MUST_BE_DEFINED);
          return;
        }
        PolicyChecks.otelEndpointOrBackendRef(p, backend.openTelemetry().endpoint(),
            backend.openTelemetry().backendRef(), null, out);
      }
      default -> {
        // Kuma's schema admits only the three types above.
      }
    }
  }

  /**
   * The Datadog agent address: {@code http://host:port} and nothing else. Kuma lists the extra
   * URL parts in map order (random); they are reported here in URL order.
   */
  private static void datadogUrl(FieldPath path, String text, Violations out) {
    GoUrl url = GoUrl.parseRequestUri(text);
    if (url == null) {
      out.add(path, "must be a valid url");
      return;
    }
    if (!url.scheme().equals("http")) {
      out.add(path, "scheme must be http");
    }
    String port = url.port();
    if (port.isEmpty()) {
      out.add(path, "port " + Messages.MUST_BE_DEFINED);
    } else {
      long value = port.length() > 18 ? Long.MAX_VALUE : Long.parseLong(port);
      if (value == 0 || value > 65535) {
        out.add(path, "port must be a valid (1-65535)");
      }
    }
    if (!url.opaque().isEmpty()) {
      out.add(path, "opaque " + Messages.MUST_NOT_BE_DEFINED);
    }
    if (url.hasUser()) {
      out.add(path, "user " + Messages.MUST_NOT_BE_DEFINED);
    }
    if (!url.path().isEmpty()) {
      out.add(path, "path " + Messages.MUST_NOT_BE_DEFINED);
    }
    if (!url.rawQuery().isEmpty()) {
      out.add(path, "query " + Messages.MUST_NOT_BE_DEFINED);
    }
    if (!url.fragment().isEmpty()) {
      out.add(path, "fragment " + Messages.MUST_NOT_BE_DEFINED);
    }
  }
}
