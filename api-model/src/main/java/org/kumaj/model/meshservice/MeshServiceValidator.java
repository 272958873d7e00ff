package org.kumaj.model.meshservice;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.hostnamegenerator.Naming;
import org.kumaj.model.validation.Checks;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/**
 * Kuma's MeshService rules: a name of at most 63 characters and at most one selector; plus the
 * deprecation warnings for names and SNIs that break DNS rules.
 */
final class MeshServiceValidator implements SpecValidator<MeshService> {
  static final int MAX_NAME_LENGTH = 63;

  @Override
  public void validate(ResourceMeta meta, MeshService spec, Violations out) {
    Checks.maxLength(FieldPath.of("name"), MAX_NAME_LENGTH, Naming.displayName(meta), out);
    MeshServiceSelector selector = spec.selector();
    if (selector != null && Stream.of(selector.dataplaneTags(), selector.dataplaneRef(),
        selector.dataplaneLabels()).filter(Objects::nonNull).count() > 1) {
      out.add(FieldPath.of("spec").field("selector"),
          "must specify only one of: dataplaneTags, dataplaneRef, or dataplaneLabels");
    }
    List<String> sections = spec.ports() == null ? List.of()
        : spec.ports().stream().map(p -> p == null ? "0" : p.sectionName()).toList();
    DestinationNames.warnDeprecated(MeshService.TYPE, meta, sections, out);
  }
}
