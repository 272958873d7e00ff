package org.kumaj.model.legacy;

import org.kumaj.model.ResourceMeta;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/** Kuma's TrafficTrace rules (an absent conf or backend means the mesh default). */
final class TrafficTraceValidator implements SpecValidator<TrafficTrace> {

  @Override
  public void validate(ResourceMeta meta, TrafficTrace spec, Violations out) {
    TagSelectors.validateSelectors(
        FieldPath.of("selectors"), spec.selectors(), TagSelectors.ANY_TAGS, out);
  }
}
