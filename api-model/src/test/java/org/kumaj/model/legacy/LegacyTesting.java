package org.kumaj.model.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.codec.Json;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violation;
import org.kumaj.model.validation.Violations;

/** Binding and validation shortcuts for the legacy policy tests. */
final class LegacyTesting {
  static final ResourceMeta META = ResourceMeta.of("default", "example", Map.of());

  private LegacyTesting() {}

  /** Binds YAML (or JSON) text to the spec class of {@code type}. */
  static ResourceSpec bind(ResourceType type, String yaml) throws Exception {
    return Json.yaml().readValue(yaml, type.specClass());
  }

  /** Binds the text, runs the type's validator and returns what it found. */
  static List<Violation> validate(ResourceType type, String yaml) throws Exception {
    return validate(type.validator(), bind(type, yaml));
  }

  static List<Violation> validate(SpecValidator<ResourceSpec> validator, ResourceSpec spec) {
    Violations out = new Violations();
    validator.validate(META, spec, out);
    return out.list();
  }

  /** The spec written back by the shared JSON mapper, read as a tree. */
  static JsonNode written(ResourceSpec spec) throws Exception {
    return Json.mapper().readTree(Json.mapper().writeValueAsString(spec));
  }

  static Violation v(String field, String message) {
    return new Violation(field, message);
  }
}
