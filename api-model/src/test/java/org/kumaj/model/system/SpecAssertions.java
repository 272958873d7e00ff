package org.kumaj.model.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.codec.Json;
import org.kumaj.model.validation.Violation;
import org.kumaj.model.validation.Violations;

/** Test helpers shared by the mesh and system type tests. */
public final class SpecAssertions {
  private SpecAssertions() {}

  /** Binds YAML to {@code type}, writes it back as JSON and asserts both trees are equal. */
  public static <T> T assertRoundTrip(String yaml, Class<T> type) throws Exception {
    JsonNode input = Json.yaml().readTree(yaml);
    T spec = Json.yaml().readValue(yaml, type);
    JsonNode output = Json.mapper().readTree(Json.mapper().writeValueAsString(spec));
    assertThat(output).isEqualTo(input);
    return spec;
  }

  /** Binds YAML to {@code type} and returns its JSON form. */
  public static JsonNode rewrite(String yaml, Class<?> type) throws Exception {
    Object spec = Json.yaml().readValue(yaml, type);
    return Json.mapper().readTree(Json.mapper().writeValueAsString(spec));
  }

  /** Parses YAML as a tree. */
  public static JsonNode tree(String yaml) throws Exception {
    return Json.yaml().readTree(yaml);
  }

  /** Binds YAML and runs the type's validator on it, with the given resource name. */
  public static Violations validate(ResourceType type, String name, String yaml) throws Exception {
    ResourceSpec spec = Json.yaml().readValue(yaml.isBlank() ? "{}" : yaml, type.specClass());
    Violations out = new Violations();
    String mesh = type.isMeshScoped() ? "default" : null;
    type.<ResourceSpec>validator().validate(ResourceMeta.of(mesh, name, null), spec, out);
    return out;
  }

  /** The violations as {@code field: message} lines, for whole-list assertions. */
  public static List<String> lines(Violations violations) {
    return violations.list().stream().map(SpecAssertions::line).toList();
  }

  private static String line(Violation v) {
    return v.field() + ": " + v.message();
  }
}
