package org.kumaj.model.legacy;

import org.kumaj.model.ResourceMeta;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/** Kuma's TrafficPermission rules. */
final class TrafficPermissionValidator implements SpecValidator<TrafficPermission> {

  @Override
  public void validate(ResourceMeta meta, TrafficPermission spec, Violations out) {
    TagSelectors.validateSelectors(
        FieldPath.of("sources"), spec.sources(), TagSelectors.ANY_TAGS, out);
    TagSelectors.validateSelectors(
        FieldPath.of("destinations"), spec.destinations(), TagSelectors.ANY_TAGS, out);
  }
}
