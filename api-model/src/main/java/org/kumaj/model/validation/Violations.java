package org.kumaj.model.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects {@link Violation}s in the order validation finds them, plus non-fatal warnings (Kuma's
 * deprecation notices, returned as {@code {"warnings":[...]}} on a successful write). Not
 * thread-safe: one instance per validation run.
 */
public final class Violations {
  private final List<Violation> list = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  public Violations add(FieldPath path, String message) {
    list.add(new Violation(path.toString(), message));
    return this;
  }

  public Violations add(String field, String message) {
    list.add(new Violation(field, message));
    return this;
  }

  public Violations addAll(Violations other) {
    list.addAll(other.list);
    warnings.addAll(other.warnings);
    return this;
  }

  /** Records a warning that does not fail validation. */
  public Violations warn(String warning) {
    warnings.add(warning);
    return this;
  }

  /** Returns an unmodifiable snapshot of the warnings collected so far. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  /** Returns an unmodifiable snapshot of the violations collected so far. */
  public List<Violation> list() {
    return List.copyOf(list);
  }

  /** Throws a {@link ValidationException} if anything was collected. */
  public void throwIfAny() {
    if (!list.isEmpty()) {
      throw new ValidationException(list());
    }
  }
}
