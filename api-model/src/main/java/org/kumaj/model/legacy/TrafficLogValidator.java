package org.kumaj.model.legacy;

import org.kumaj.model.ResourceMeta;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/** Kuma's TrafficLog rules (an absent conf or backend means the mesh default). */
final class TrafficLogValidator implements SpecValidator<TrafficLog> {

  @Override
  public void validate(ResourceMeta meta, TrafficLog spec, Violations out) {
    TagSelectors.validateSelectors(
        FieldPath.of("sources"), spec.sources(), TagSelectors.SERVICE_SELECTORS, out);
    TagSelectors.validateSelectors(
        FieldPath.of("destinations"), spec.destinations(), TagSelectors.ONLY_SERVICE, out);
  }
}
