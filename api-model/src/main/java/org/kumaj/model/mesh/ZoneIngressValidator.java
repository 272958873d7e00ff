package org.kumaj.model.mesh;

import static org.kumaj.model.mesh.MeshValidator.orEmpty;

import java.util.List;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/**
 * Kuma's {@code ZoneIngressResource.Validate}. Kuma's quirks are kept: addresses are reported at
 * {@code networking.address.address}, available services at {@code availableService[i]}.
 */
final class ZoneIngressValidator implements SpecValidator<ZoneIngress> {
  @Override
  public void validate(ResourceMeta meta, ZoneIngress spec, Violations out) {
    FieldPath path = FieldPath.of("networking");
    ZoneIngress.Networking networking = spec.networking() == null
        ? new ZoneIngress.Networking(null, null, null, null, null) : spec.networking();
    String address = orEmpty(networking.address());
    String advertisedAddress = orEmpty(networking.advertisedAddress());
    int port = intOf(networking.port());
    int advertisedPort = intOf(networking.advertisedPort());
    if (networking.admin() != null) {
      int adminPort = intOf(networking.admin().port());
      if ((adminPort == port && ProxyPorts.overlapsLoopback(address))
          || (adminPort == advertisedPort && ProxyPorts.overlapsLoopback(advertisedAddress))) {
        out.add(path.field("admin").field("port"), "must differ from port");
      }
    }
    if (advertisedAddress.isEmpty() && advertisedPort != 0) {
      out.add(path.field("advertisedAddress"), "has to be defined with advertisedPort");
    }
    if (advertisedPort == 0 && !advertisedAddress.isEmpty()) {
      out.add(path.field("advertisedPort"), "has to be defined with advertisedAddress");
    }
    if (!address.isEmpty()) {
      DataplaneValidator.validateAddress(path.field("address"), address, out);
    }
    if (!advertisedAddress.isEmpty()) {
      DataplaneValidator.validateAddress(path.field("advertisedAddress"), advertisedAddress, out);
    }
    MeshValidator.validatePort(path.field("port"), port, out);
    if (advertisedPort != 0) {
      MeshValidator.validatePort(path.field("advertisedPort"), advertisedPort, out);
    }
    List<ZoneIngress.AvailableService> services = orEmpty(spec.availableServices());
    for (int i = 0; i < services.size(); i++) {
      TagChecks.validateTags(FieldPath.of("availableService").index(i).field("tags"),
          services.get(i).tags(), TagChecks.Options.NONE.withRequireService(true), out);
    }
  }

  static int intOf(Integer value) {
    return value == null ? 0 : value;
  }
}
