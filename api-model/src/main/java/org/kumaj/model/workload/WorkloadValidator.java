package org.kumaj.model.workload;

import org.kumaj.model.ResourceMeta;
import org.kumaj.model.hostnamegenerator.Naming;
import org.kumaj.model.validation.Checks;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/** Kuma's Workload rule: a name of at most 253 characters. */
final class WorkloadValidator implements SpecValidator<Workload> {
  static final int MAX_NAME_LENGTH = 253;

  @Override
  public void validate(ResourceMeta meta, Workload spec, Violations out) {
    Checks.maxLength(FieldPath.of("name"), MAX_NAME_LENGTH, Naming.displayName(meta), out);
  }
}
