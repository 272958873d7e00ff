package org.kumaj.model.policies.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kumaj.model.codec.Json;

class ItemShapesTest {
  record Conf(String mode) {}

  @Test
  void bindsTheGenericConfiguration() throws Exception {
    List<PolicyItem<Conf>> items = Json.mapper().readValue(
        "[{\"targetRef\":{\"kind\":\"Mesh\"},\"default\":{\"mode\":\"Strict\"}}]",
        new TypeReference<>() {});
    assertThat(items).containsExactly(new PolicyItem<>(TargetRef.MESH, new Conf("Strict")));
    MatchRule<Conf> rule = Json.mapper().readValue(
        "{\"matches\":[{\"sni\":{\"type\":\"Exact\",\"value\":\"a.b\"}}],\"default\":{}}",
        new TypeReference<>() {});
    assertThat(rule.matches().get(0).sni()).isEqualTo(new ValueMatch("Exact", "a.b"));
    assertThat(rule.defaultConf()).isEqualTo(new Conf(null));
  }

  @Test
  void writesAnAbsentDefaultAsAnEmptyObjectLikeKuma() throws Exception {
    assertThat(Json.mapper().writeValueAsString(new PolicyItem<Conf>(TargetRef.MESH, null)))
        .isEqualTo("{\"targetRef\":{\"kind\":\"Mesh\"},\"default\":{}}");
    assertThat(Json.mapper().writeValueAsString(new Rule<Conf>(null))).isEqualTo("{\"default\":{}}");
    assertThat(Json.mapper().writeValueAsString(new MatchRule<Conf>(null, new Conf("x"))))
        .isEqualTo("{\"default\":{\"mode\":\"x\"}}");
  }

  @Test
  void nullEntriesReadAsGoZeroValues() {
    assertThat(PolicyItem.orEmpty(null)).isEqualTo(new PolicyItem<>(null, null));
    assertThat(MatchRule.orEmpty(null)).isEqualTo(new MatchRule<>(null, null));
    assertThat(Rule.orEmpty(null)).isEqualTo(new Rule<>(null));
    assertThat(TargetRef.orEmpty(null).kindOrEmpty()).isEmpty();
    assertThat(TargetRef.orMesh(null)).isEqualTo(TargetRef.MESH);
  }
}
