package org.kumaj.model.validation;

import org.kumaj.model.ResourceMeta;
import org.kumaj.model.ResourceSpec;

/**
 * Checks the semantic rules Kuma enforces for one type's spec. Implementations are stateless and
 * thread-safe; they add every failure to {@code out} instead of stopping at the first.
 *
 * @param <S> the spec type
 */
@FunctionalInterface
public interface SpecValidator<S extends ResourceSpec> {

  /**
   * Validates {@code spec} of the resource described by {@code meta}.
   *
   * @param meta name, mesh and labels of the resource (some rules depend on them)
   * @param spec the bound spec, never null
   * @param out where failures are added, with paths relative to the resource root
   */
  void validate(ResourceMeta meta, S spec, Violations out);

  /** A validator that accepts everything. */
  static <S extends ResourceSpec> SpecValidator<S> none() {
    return (meta, spec, out) -> {};
  }
}
