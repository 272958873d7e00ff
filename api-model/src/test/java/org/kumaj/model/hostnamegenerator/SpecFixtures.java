package org.kumaj.model.hostnamegenerator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.codec.Json;
import org.kumaj.model.validation.Violations;

/** Test helpers shared by the new-style type tests: YAML round trips and validator runs. */
public final class SpecFixtures {
  private SpecFixtures() {}

  /** Binds {@code yaml} to {@code type}, asserts it serialises back to the same JSON and returns it. */
  public static <S extends ResourceSpec> S roundTrip(String yaml, Class<S> type) throws Exception {
    JsonNode input = Json.yaml().readTree(yaml);
    S spec = Json.mapper().treeToValue(input, type);
    String json = Json.mapper().writeValueAsString(spec);
    assertThat(Json.mapper().readTree(json)).isEqualTo(input);
    assertThat(Json.mapper().readValue(json, type)).isEqualTo(spec);
    return spec;
  }

  /** Binds {@code yaml} to {@code type} without asserting anything. */
  public static <S extends ResourceSpec> S bind(String yaml, Class<S> type) throws Exception {
    return Json.yaml().readValue(yaml, type);
  }

  /** Metadata of a resource called {@code name} in {@code mesh} (null for global types). */
  public static ResourceMeta meta(String mesh, String name) {
    return ResourceMeta.of(mesh, name, Map.of());
  }

  /** Runs the descriptor's validator and returns what it collected. */
  public static Violations validate(ResourceType type, ResourceMeta meta, ResourceSpec spec) {
    Violations out = new Violations();
    type.<ResourceSpec>validator().validate(meta, spec, out);
    return out;
  }
}
