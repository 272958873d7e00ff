package org.kumaj.model.meshmultizoneservice;

import java.util.List;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.meshservice.DestinationNames;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.Messages;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/**
 * Kuma's MeshMultiZoneService rules: a non-empty label selector, at least one port, named ports
 * with non-empty names and supported protocols; plus name and SNI deprecation warnings.
 */
final class MeshMultiZoneServiceValidator implements SpecValidator<MeshMultiZoneService> {
  /** Kuma's {@code SupportedProtocols}, in Kuma's order. */
  static final List<String> SUPPORTED_PROTOCOLS = List.of("grpc", "http", "http2", "kafka", "tcp");

  @Override
  public void validate(ResourceMeta meta, MeshMultiZoneService spec, Violations out) {
    FieldPath path = FieldPath.of("spec");
    MeshMultiZoneServiceSelector selector = spec.selector();
    if (selector == null || selector.meshService() == null
        || selector.meshService().matchLabels() == null
        || selector.meshService().matchLabels().isEmpty()) {
      out.add(path.field("selector").field("meshService").field("matchLabels"), "cannot be empty");
    }
    List<MeshMultiZoneServicePort> ports = spec.ports() == null ? List.of() : spec.ports();
    if (ports.isEmpty()) {
      out.add(path.field("ports"), "cannot be empty");
    }
    for (int i = 0; i < ports.size(); i++) {
      MeshMultiZoneServicePort port = ports.get(i) == null
          ? new MeshMultiZoneServicePort(null, null, null) : ports.get(i);
      if (port.name() != null && port.name().isEmpty()) {
        out.add(path.field("ports").index(i).field("name"), Messages.MUST_NOT_BE_EMPTY);
      }
      if (port.appProtocol() == null || !SUPPORTED_PROTOCOLS.contains(port.appProtocol())) {
        out.add(path.field("ports").index(i).field("appProtocol"),
            Messages.mustBeOneOf("appProtocol", SUPPORTED_PROTOCOLS.toArray(String[]::new)));
      }
    }
    List<String> sections = ports.stream()
        .map(p -> p == null ? "0" : p.sectionName()).toList();
    DestinationNames.warnDeprecated(MeshMultiZoneService.TYPE, meta, sections, out);
  }
}
