package org.kumaj.model.hostnamegenerator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.validation.GoStrings;
import org.kumaj.model.policies.core.K8sNames;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.Messages;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/** Kuma's HostnameGenerator rules: one selector, a template that renders to a DNS name. */
final class HostnameGeneratorValidator implements SpecValidator<HostnameGenerator> {
  private static final Map<String, GoTemplate.StringFunction> STUB_FUNCTIONS =
      Map.of("label", key -> "label");
  private static final GoTemplate.Struct STUB = GoTemplate.Struct.ofStrings(stubFields());

  private static Map<String, String> stubFields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Name", "name");
    fields.put("DisplayName", "displayname");
    fields.put("Namespace", "namespace");
    fields.put("Mesh", "mesh");
    fields.put("Zone", "zone");
    return fields;
  }

  @Override
  public void validate(ResourceMeta meta, HostnameGenerator spec, Violations out) {
    FieldPath path = FieldPath.of("spec");
    HostnameGeneratorSelector selector = spec.selector();
    long defined = selector == null ? 0 : Stream.of(selector.meshService(),
        selector.meshExternalService(), selector.meshMultiZoneService())
        .filter(s -> s != null).count();
    if (defined != 1) {
      out.add(path.field("selector"),
          "exact one selector (meshService, meshExternalService) must be defined");
    }
    validateTemplate(path.field("template"), spec.template(), out);
    if (spec.extension() != null
        && (spec.extension().type() == null || spec.extension().type().isEmpty())) {
      out.add(path.field("extension").field("type"), Messages.MUST_NOT_BE_EMPTY);
    }
  }

  private static void validateTemplate(FieldPath path, String template, Violations out) {
    if (template == null || template.isEmpty()) {
      out.add(path, Messages.MUST_NOT_BE_EMPTY);
      return;
    }
    GoTemplate parsed;
    try {
      parsed = GoTemplate.parse(template, STUB_FUNCTIONS);
    } catch (GoTemplateException e) {
      out.add(path, "couldn't parse template: " + e.getMessage());
      return;
    }
    String rendered;
    try {
      rendered = parsed.execute(STUB);
    } catch (GoTemplateException e) {
      out.add(path, "couldn't render template with stub values: " + e.getMessage());
      return;
    }
    List<String> violations = K8sNames.dns1123SubdomainErrors(rendered);
    if (!violations.isEmpty()) {
      out.add(path, "template renders to " + GoStrings.quote(rendered)
          + " which is not a valid DNS name: " + String.join(", ", violations));
    }
  }
}
