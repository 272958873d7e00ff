package org.kumaj.model.system;

import org.kumaj.model.ResourceMeta;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/**
 * Kuma has no spec rules for Zone; it only warns when the name is not a DNS-1035 label. (Refusing to
 * delete a connected zone needs the store and is not a spec rule.)
 */
final class ZoneValidator implements SpecValidator<Zone> {
  @Override
  public void validate(ResourceMeta meta, Zone spec, Violations out) {
    NameDeprecations.warnIfNotDns1035(Zone.TYPE.name(), meta, out);
  }
}
