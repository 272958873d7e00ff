package org.kumaj.model.mesh;

import static org.kumaj.model.mesh.MeshValidator.orEmpty;
import static org.kumaj.model.mesh.ZoneIngressValidator.intOf;

import org.kumaj.model.ResourceMeta;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/** Kuma's {@code ZoneEgressResource.Validate} (addresses reported at {@code networking.address.address}). */
final class ZoneEgressValidator implements SpecValidator<ZoneEgress> {
  @Override
  public void validate(ResourceMeta meta, ZoneEgress spec, Violations out) {
    FieldPath path = FieldPath.of("networking");
    ZoneEgress.Networking networking = spec.networking() == null
        ? new ZoneEgress.Networking(null, null, null) : spec.networking();
    String address = orEmpty(networking.address());
    int port = intOf(networking.port());
    if (networking.admin() != null && intOf(networking.admin().port()) == port
        && ProxyPorts.overlapsLoopback(address)) {
      out.add(path.field("admin").field("port"), "must differ from port");
    }
    if (!address.isEmpty()) {
      DataplaneValidator.validateAddress(path.field("address"), address, out);
    }
    MeshValidator.validatePort(path.field("port"), port, out);
  }
}
