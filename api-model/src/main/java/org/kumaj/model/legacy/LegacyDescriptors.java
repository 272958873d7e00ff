package org.kumaj.model.legacy;

import org.kumaj.model.KdsFlags;
import org.kumaj.model.PolicyTraits;
import org.kumaj.model.ResourceSpec;
import org.kumaj.model.ResourceType;
import org.kumaj.model.Scope;
import org.kumaj.model.SpecStyle;
import org.kumaj.model.validation.SpecValidator;

/**
 * Builds the descriptor every legacy policy shares: mesh-scoped, inline spec, created on global and
 * synced to zones, legacy policy traits. Holds no state, so the spec classes can call it while they
 * initialise.
 */
final class LegacyDescriptors {
  private LegacyDescriptors() {}

  static <S extends ResourceSpec> ResourceType describe(
      String name,
      Class<S> specClass,
      String wsPath,
      String kumactlArg,
      String kumactlListArg,
      String singularDisplayName,
      String pluralDisplayName,
      SpecValidator<S> validator) {
    return builder(name, specClass, wsPath, kumactlArg, kumactlListArg, singularDisplayName, pluralDisplayName,
        validator).build();
  }

  /** {@link #describe}'s builder, for a policy that differs in one more respect. */
  static <S extends ResourceSpec> ResourceType.Builder builder(
      String name,
      Class<S> specClass,
      String wsPath,
      String kumactlArg,
      String kumactlListArg,
      String singularDisplayName,
      String pluralDisplayName,
      SpecValidator<S> validator) {
    return ResourceType.builder(name)
        .scope(Scope.MESH)
        .spec(SpecStyle.INLINE, specClass)
        .wsPath(wsPath)
        .kumactl(kumactlArg, kumactlListArg)
        .displayNames(singularDisplayName, pluralDisplayName)
        .kdsFlags(KdsFlags.GLOBAL_TO_ZONES)
        .policy(PolicyTraits.LEGACY)
        .validator(validator);
  }
}
