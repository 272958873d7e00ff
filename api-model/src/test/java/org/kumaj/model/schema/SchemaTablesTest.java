package org.kumaj.model.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kumaj.model.ResourceType;
import org.kumaj.model.ResourceTypes;
import org.kumaj.model.SpecStyle;

/** The generated tables: all load, and they cover exactly the new-style types Kuma schema-validates. */
class SchemaTablesTest {
  static List<String> indexedTypes() {
    return List.copyOf(SchemaTables.names());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("indexedTypes")
  void everyIndexedTableLoads(String typeName) {
    Schema schema = SchemaTables.forType(typeName).orElseThrow();
    assertThat(schema.type).isEqualTo("object");
    assertThat(schema.properties.get("type").enumValues).containsExactly(typeName);
    assertThat(schema.properties).containsKeys("name", "spec");
    assertThat(SchemaTables.source(typeName)).startsWith("v2.14.3:").endsWith("#/components/schemas/" + typeName + "Item");
    assertThat(SchemaTables.forType(typeName).orElseThrow()).isSameAs(schema);
  }

  @Test
  void theIndexListsKumasTwentyFiveSchemaValidatedTypes() {
    assertThat(SchemaValidation.types()).hasSize(25).contains("MeshTimeout", "MeshService", "MeshIdentity",
        "MeshTrust", "HostnameGenerator", "Workload", "MeshZoneAddress", "MeshOpenTelemetryBackend");
  }

  @Test
  void everyIndexedTypeIsANewStyleTypeOfTheModel() {
    for (String name : SchemaValidation.types()) {
      ResourceType type = ResourceTypes.byName(name).orElseThrow(() -> new AssertionError(name + " is not modelled"));
      assertThat(type.style()).as(name).isEqualTo(SpecStyle.NESTED);
      assertThat(SchemaValidation.appliesTo(type)).isTrue();
    }
  }

  @Test
  void everyNewStyleTypeWithAnApiHasATable() {
    List<String> missing = ResourceTypes.withApi().stream()
        .filter(t -> t.style() == SpecStyle.NESTED && !SchemaValidation.appliesTo(t))
        .map(ResourceType::name).collect(Collectors.toList());
    assertThat(missing).as("new-style types without a schema table").isEmpty();
  }

  @Test
  void unknownTypesHaveNoTable() {
    assertThat(SchemaTables.forType("Dataplane")).isEmpty();
    assertThat(SchemaTables.forType("NoSuchType")).isEmpty();
  }
}
