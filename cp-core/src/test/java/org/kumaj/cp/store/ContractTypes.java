package org.kumaj.cp.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;

/**
 * Resource types of the store contract tests, independent of the real model: a global
 * {@code Gadget} that owns mesh-scoped {@code Widget}s, which own {@code Part}s.
 */
final class ContractTypes {
  /** A global-scoped spec. */
  record GadgetSpec(String kind, int level) implements ResourceSpec {}

  /** A mesh-scoped spec with nested values, to check the JSON round trip. */
  record WidgetSpec(String color, int size, List<String> tags, Map<String, Integer> weights, Nested nested)
      implements ResourceSpec {}

  /** A nested record. */
  record Nested(boolean on, double ratio) {}

  /** A mesh-scoped spec owned by widgets. */
  record PartSpec(String serial) implements ResourceSpec {}

  static final ResourceType GADGET = ResourceType.builder("ContractGadget")
      .scope(Scope.GLOBAL).spec(SpecStyle.INLINE, GadgetSpec.class).build();
  static final ResourceType WIDGET = ResourceType.builder("ContractWidget")
      .scope(Scope.MESH).spec(SpecStyle.INLINE, WidgetSpec.class).hasStatus().build();
  static final ResourceType PART = ResourceType.builder("ContractPart")
      .scope(Scope.MESH).spec(SpecStyle.INLINE, PartSpec.class).build();

  static final Function<String, Optional<ResourceType>> LOOKUP = name -> List.of(GADGET, WIDGET, PART).stream()
      .filter(t -> t.name().equals(name)).findFirst();

  private ContractTypes() {}
}
