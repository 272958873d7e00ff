package org.kumaj.model.policies.meshaccesslog;

import static org.kumaj.model.policies.core.TargetRefKind.DATAPLANE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_EXTERNAL_SERVICE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_GATEWAY;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_HTTP_ROUTE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_MULTI_ZONE_SERVICE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SERVICE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SERVICE_SUBSET;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SUBSET;

import java.util.List;
import java.util.stream.Stream;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.policies.core.Copies;
import org.kumaj.model.policies.core.GoValidator;
import org.kumaj.model.policies.core.KeyValue;
import org.kumaj.model.policies.core.MatchRule;
import org.kumaj.model.policies.core.PolicyChecks;
import org.kumaj.model.policies.core.PolicyItem;
import org.kumaj.model.policies.core.PolicyRules;
import org.kumaj.model.policies.core.TargetRef;
import org.kumaj.model.policies.core.TargetRefRules;
import org.kumaj.model.policies.core.TargetRefValidation;
import org.kumaj.model.policies.meshaccesslog.MeshAccessLog.Backend;
import org.kumaj.model.policies.meshaccesslog.MeshAccessLog.Conf;
import org.kumaj.model.policies.meshaccesslog.MeshAccessLog.Format;
import org.kumaj.model.policies.meshaccesslog.MeshAccessLog.OtelBackend;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.Messages;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/**
 * Kuma's MeshAccessLog validation ({@code meshaccesslog/api/v1alpha1/validator.go}) and deprecation
 * warnings.
 */
final class MeshAccessLogValidator implements SpecValidator<MeshAccessLog> {
  private static final FieldPath SPEC = FieldPath.of("spec");
  private static final TargetRefRules TOP = TargetRefRules.kinds(MESH, MESH_SUBSET, MESH_GATEWAY,
      MESH_SERVICE, MESH_SERVICE_SUBSET, DATAPLANE).withGatewayListenerTags();
  private static final TargetRefRules MESH_ONLY = TargetRefRules.kinds(MESH);
  private static final TargetRefRules TO = TargetRefRules.kinds(MESH, MESH_SERVICE,
      MESH_EXTERNAL_SERVICE, MESH_MULTI_ZONE_SERVICE, MESH_HTTP_ROUTE);

  @Override
  public void validate(ResourceMeta meta, MeshAccessLog spec, Violations out) {
    int to = Copies.size(spec.to());
    int from = Copies.size(spec.from());
    int rules = Copies.size(spec.rules());
    TargetRef top = TargetRef.orMesh(spec.targetRef());
    TargetRefValidation.validate(SPEC.field("targetRef"), top,
        TOP.withInbound(rules > 0 || from > 0), out);
    if (rules > 0 && (to > 0 || from > 0)) {
      out.add(SPEC, PolicyRules.TO_FROM_EMPTY_WITH_RULES);
    }
    if (rules == 0 && to == 0 && from == 0) {
      out.add(SPEC, PolicyRules.FROM_TO_OR_RULES_REQUIRED);
    }
    TargetRefRules toRules = MESH_GATEWAY.equals(top.kind()) ? MESH_ONLY : TO;
    for (int i = 0; i < to; i++) {
      PolicyItem<Conf> item = PolicyItem.orEmpty(spec.to().get(i));
      FieldPath path = SPEC.field("to").index(i);
      TargetRefValidation.validate(path.field("targetRef"), item.targetRef(), toRules, out);
      validateDefault(path.field("default"), item.defaultConf(), out);
    }
    for (int i = 0; i < from; i++) {
      PolicyItem<Conf> item = PolicyItem.orEmpty(spec.from().get(i));
      FieldPath path = SPEC.field("from").index(i);
      TargetRefValidation.validate(path.field("targetRef"), item.targetRef(), MESH_ONLY, out);
      validateDefault(path.field("default"), item.defaultConf(), out);
    }
    for (int i = 0; i < rules; i++) {
      MatchRule<Conf> rule = MatchRule.orEmpty(spec.rules().get(i));
      FieldPath path = SPEC.field("rules").index(i);
      PolicyChecks.matches(path.field("matches"), rule.matches(), out);
      validateDefault(path.field("default"), rule.defaultConf(), out);
    }
    if (from > 0) {
      out.warn(PolicyRules.FROM_DEPRECATED);
    }
    if (hasInlineOtelEndpoint(spec)) {
      out.warn(PolicyRules.OTEL_ENDPOINT_DEPRECATED);
    }
    PolicyRules.topLevelDeprecations(spec.targetRef(), out);
  }

  private static boolean hasInlineOtelEndpoint(MeshAccessLog spec) {
    Stream<Conf> confs = Stream.concat(Stream.concat(
        Copies.orEmpty(spec.to()).stream().map(i -> PolicyItem.orEmpty(i).defaultConf()),
        Copies.orEmpty(spec.from()).stream().map(i -> PolicyItem.orEmpty(i).defaultConf())),
        Copies.orEmpty(spec.rules()).stream().map(r -> MatchRule.orEmpty(r).defaultConf()));
    return confs.filter(c -> c != null)
        .flatMap(c -> Copies.orEmpty(c.backends()).stream())
        .anyMatch(b -> b != null && b.openTelemetry() != null
            && !PolicyChecks.nullToEmpty(b.openTelemetry().endpoint()).isEmpty()
            && b.openTelemetry().backendRef() == null);
  }

  private static void validateDefault(FieldPath path, Conf conf, Violations out) {
    if (conf == null || conf.backends() == null) {
      out.add(path.field("backends"), Messages.MUST_BE_DEFINED);
      return;
    }
    for (int i = 0; i < conf.backends().size(); i++) {
      Backend backend = conf.backends().get(i);
      if (backend != null) {
        validateBackend(path.field("backends").index(i), backend, out);
      }
    }
  }

  private static void validateBackend(FieldPath path, Backend backend, Violations out) {
    switch (PolicyChecks.nullToEmpty(backend.type())) {
      case Backend.FILE -> {
        FieldPath root = path.field("file");
        if (backend.file() == null) {
          out.add(root, Messages.MUST_BE_DEFINED);
          return;
        }
        if (backend.file().format() != null) {
          validateFormat(root.field("format"), backend.file().format(), out);
        }
        if (!GoValidator.isFilePath(PolicyChecks.nullToEmpty(backend.file().path()))) {
          out.add(root.field("path"), "file backend requires a valid path");
        }
      }
      case Backend.TCP -> {
        FieldPath root = path.field("tcp");
        if (backend.tcp() == null) {
          out.add(root, Messages.MUST_BE_DEFINED);
          return;
        }
        if (backend.tcp().format() != null) {
          validateFormat(root.field("format"), backend.tcp().format(), out);
        }
        if (!GoValidator.isURL(PolicyChecks.nullToEmpty(backend.tcp().address()))) {
          out.add(root.field("address"), "tcp backend requires valid address");
        }
      }
      case Backend.OPEN_TELEMETRY -> {
        FieldPath root = path.field("openTelemetry");
        OtelBackend otel = backend.openTelemetry();
        if (otel == null) {
          out.add(root, Messages.MUST_BE_DEFINED);
          return;
        }
        PolicyChecks.otelEndpointOrBackendRef(root, otel.endpoint(), otel.backendRef(), null, out);
        List<KeyValue> attributes = Copies.orEmpty(otel.attributes());
        for (int i = 0; i < attributes.size(); i++) {
          KeyValue attribute = attributes.get(i);
          PolicyChecks.otelAttributeName(root.field("attributes").index(i).field("key"),
              attribute == null ? null : attribute.key(), out);
        }
      }
      default -> {
        // Kuma's schema admits only the three types above.
      }
    }
  }

  private static void validateFormat(FieldPath path, Format format, Violations out) {
    switch (PolicyChecks.nullToEmpty(format.type())) {
      case Format.PLAIN -> {
        if (format.plain() == null) {
          out.add(path.field("plain"), Messages.MUST_BE_DEFINED);
        } else if (format.plain().isEmpty()) {
          out.add(path.field("plain"), Messages.MUST_NOT_BE_EMPTY);
        }
      }
      case Format.JSON -> {
        if (format.json() == null) {
          out.add(path.field("json"), Messages.MUST_BE_DEFINED);
          return;
        }
        if (format.json().isEmpty()) {
          out.add(path.field("json"), Messages.MUST_NOT_BE_EMPTY);
        }
        for (int i = 0; i < format.json().size(); i++) {
          KeyValue field = format.json().get(i) == null
              ? new KeyValue(null, null) : format.json().get(i);
          String key = PolicyChecks.nullToEmpty(field.key());
          String value = PolicyChecks.nullToEmpty(field.value());
          FieldPath p = path.field("json").index(i);
          if (key.isEmpty()) {
            out.add(p.field("key"), "key cannot be empty");
          }
          if (value.isEmpty()) {
            out.add(p.field("value"), "value cannot be empty");
          }
          if (!GoValidator.isJSON("{\"" + key + "\": \"" + value + "\"}")) {
            out.add(p, "is not a valid JSON object");
          }
        }
      }
      default -> {
        // Kuma's schema admits only Plain and Json.
      }
    }
  }
}
