package org.kumaj.model.policies.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.codec.Json;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violation;
import org.kumaj.model.validation.Violations;

/** Test helpers for policy specs: YAML binding round trips and validation runs. */
public final class PolicyTesting {
  /** Metadata of a policy without labels (Kuma treats it as a system policy). */
  public static final ResourceMeta META = ResourceMeta.of("default", "policy", Map.of());
  /** Metadata of a policy created in a workload namespace (producer role). */
  public static final ResourceMeta PRODUCER_META =
      ResourceMeta.of("default", "policy", Map.of(PolicyRules.POLICY_ROLE_LABEL, "producer"));

  private PolicyTesting() {}

  /** Binds {@code yaml} to the spec class of {@code type}. */
  public static <S extends ResourceSpec> S bind(ResourceType type, String yaml) {
    try {
      @SuppressWarnings("unchecked")
      S spec = (S) Json.yaml().readValue(yaml, type.specClass());
      return spec;
    } catch (Exception e) {
      throw new AssertionError("binding failed: " + e.getMessage(), e);
    }
  }

  /** Binds {@code yaml}, writes it back as JSON and asserts both are the same JSON tree. */
  public static <S extends ResourceSpec> S assertRoundTrip(ResourceType type, String yaml)
      throws Exception {
    S spec = bind(type, yaml);
    JsonNode expected = Json.yaml().readTree(yaml);
    JsonNode actual = Json.mapper().readTree(Json.mapper().writeValueAsString(spec));
    assertThat(actual).isEqualTo(expected);
    return spec;
  }

  /** Runs the validator of {@code type} on {@code yaml} and returns all violations. */
  public static List<Violation> violations(ResourceType type, ResourceMeta meta, String yaml) {
    return run(type, meta, yaml).list();
  }

  /** Runs the validator of {@code type} on {@code yaml} and returns all warnings. */
  public static List<String> warnings(ResourceType type, String yaml) {
    return run(type, META, yaml).warnings();
  }

  private static Violations run(ResourceType type, ResourceMeta meta, String yaml) {
    ResourceSpec spec = bind(type, yaml);
    Violations out = new Violations();
    SpecValidator<ResourceSpec> validator = type.validator();
    validator.validate(meta, spec, out);
    return out;
  }

  /**
   * Parses an expected violation list written one per line as {@code field: message}; a line
   * starting with {@code ": "} has an empty field.
   */
  public static List<Violation> expected(String text) {
    List<Violation> list = new ArrayList<>();
    for (String line : text.strip().split("\n")) {
      String l = line.strip();
      if (l.isEmpty()) {
        continue;
      }
      int sep = l.indexOf(": ");
      list.add(new Violation(l.substring(0, sep), l.substring(sep + 2)));
    }
    return list;
  }
}
