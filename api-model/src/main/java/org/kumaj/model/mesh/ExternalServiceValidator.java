package org.kumaj.model.mesh;

import static org.kumaj.model.mesh.MeshValidator.orEmpty;

import org.kumaj.model.ResourceMeta;
import org.kumaj.model.system.DataSource;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.GoStrings;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/** Kuma's {@code ExternalServiceResource.Validate}. */
final class ExternalServiceValidator implements SpecValidator<ExternalService> {
  @Override
  public void validate(ResourceMeta meta, ExternalService spec, Violations out) {
    FieldPath path = FieldPath.of("networking");
    ExternalService.Networking networking = spec.networking();
    if (networking == null) {
      out.add(path, "should have networking");
    } else {
      validateAddress(path.field("address"), orEmpty(networking.address()), out);
    }
    ExternalService.Tls tls = networking == null ? null : networking.tls();
    FieldPath tlsPath = path.field("tls");
    if (tls != null && tls.serverName() != null && tls.serverName().isEmpty()) {
      out.add(tlsPath.field("serverName"), "cannot be empty");
    }
    DataSource.validateNotEmpty(tlsPath.field("caCert"), tls == null ? null : tls.caCert(), out);
    DataSource.validateNotEmpty(tlsPath.field("clientCert"), tls == null ? null : tls.clientCert(), out);
    DataSource.validateNotEmpty(tlsPath.field("clientKey"), tls == null ? null : tls.clientKey(), out);
    TagChecks.validateTags(FieldPath.of("tags"), spec.tags(), TagChecks.Options.NONE
        .withRequireService(true)
        .withTagsCheck(DataplaneValidator::checkProtocolTag), out);
    String service = spec.service();
    if (!service.isEmpty() && networking != null) {
      GoNet.HostPort hostPort = GoNet.splitHostPort(orEmpty(networking.address()));
      if (hostPort != null && service.equals(hostPort.host())) {
        out.add(FieldPath.of("tags").key(TagChecks.SERVICE_TAG), "cannot be the same as networking.address");
      }
    }
  }

  private static void validateAddress(FieldPath path, String address, Violations out) {
    if (address.isEmpty()) {
      out.add(path, "address can't be empty");
      return;
    }
    GoNet.HostPort hostPort = GoNet.splitHostPort(address);
    if (hostPort == null) {
      out.add(path, "unable to parse address");
    }
    String host = hostPort == null ? "" : hostPort.host();
    String port = hostPort == null ? "" : hostPort.port();
    if (!GoNet.isIp(host) && !GoNet.isDnsName(host)) {
      out.add(path, "address has to be a valid IP address or a domain name");
    }
    long value = GoStrings.parseUint32(port);
    if (value < 0 || value > 0xFFFF_FFFFL) {
      out.add(path, "unable to parse port in address");
    }
    long effective = value < 0 ? 0 : Math.min(value, 0xFFFF_FFFFL);
    if (effective == 0 || effective > 65535) {
      out.add(path, MeshValidator.PORT_RANGE);
    }
  }
}
