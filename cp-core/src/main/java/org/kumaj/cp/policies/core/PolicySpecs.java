package org.kumaj.cp.policies.core;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Optional;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.legacy.ConnectionPolicy;
import org.kumaj.model.legacy.DataplanePolicy;
import org.kumaj.model.mesh.Selector;
import org.kumaj.model.policies.core.TargetRef;

/**
 * Reads the selecting parts of any policy spec without a per-type switch: the top-level
 * {@code targetRef} of targetRef policies and the {@code selectors} / {@code sources} /
 * {@code destinations} of legacy ones. Specs are records; the accessors are looked up once per
 * class. Thread-safe.
 */
final class PolicySpecs {
  private static final ClassValue<Accessors> ACCESSORS = new ClassValue<>() {
    @Override
    protected Accessors computeValue(Class<?> type) {
      return new Accessors(accessor(type, "targetRef", TargetRef.class), accessor(type, "selectors", List.class));
    }
  };

  private PolicySpecs() {}

  /**
   * The top-level {@code targetRef} of a targetRef policy, Kuma's {@code GetTargetRef()}: an omitted
   * reference means the whole mesh. Empty for specs without a top-level {@code targetRef} field.
   */
  static Optional<TargetRef> topLevelTargetRef(ResourceSpec spec) {
    Method m = ACCESSORS.get(spec.getClass()).targetRef();
    if (m == null) {
      return Optional.empty();
    }
    return Optional.of(TargetRef.orMesh((TargetRef) invoke(m, spec)));
  }

  /**
   * The selectors of a proxy-scoped legacy policy ({@code selectors}, also carried by MeshGateway
   * and MeshGatewayRoute), or null when the spec has no such field.
   */
  @SuppressWarnings("unchecked")
  static List<Selector> selectors(ResourceSpec spec) {
    if (spec instanceof DataplanePolicy p) {
      return orEmpty(p.selectors());
    }
    Method m = ACCESSORS.get(spec.getClass()).selectors();
    return m == null ? null : orEmpty((List<Selector>) invoke(m, spec));
  }

  /** {@code sources} and {@code destinations} of a connection policy, or null for other specs. */
  static List<List<Selector>> sourcesAndDestinations(ResourceSpec spec) {
    if (spec instanceof ConnectionPolicy p) {
      return List.of(orEmpty(p.sources()), orEmpty(p.destinations()));
    }
    return null;
  }

  private static List<Selector> orEmpty(List<Selector> list) {
    return list == null ? List.of() : list;
  }

  private static Method accessor(Class<?> type, String name, Class<?> valueType) {
    if (!type.isRecord()) {
      return null;
    }
    for (RecordComponent c : type.getRecordComponents()) {
      if (c.getName().equals(name) && valueType.isAssignableFrom(c.getType())) {
        return c.getAccessor();
      }
    }
    return null;
  }

  private static Object invoke(Method accessor, Object target) {
    try {
      return accessor.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + accessor.getName() + " of " + target.getClass(), e);
    }
  }

  private record Accessors(Method targetRef, Method selectors) {}
}
