package org.kumaj.model.meshopentelemetrybackend;

import java.util.List;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.policies.core.GoValidator;
import org.kumaj.model.policies.core.PolicyChecks;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.Messages;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/**
 * Kuma's MeshOpenTelemetryBackend rules: a valid address and port, an HTTP-only base path without
 * query or fragment, known protocol and env settings.
 */
final class MeshOpenTelemetryBackendValidator implements SpecValidator<MeshOpenTelemetryBackend> {
  private static final List<String> PROTOCOLS = List.of(
      MeshOpenTelemetryBackend.PROTOCOL_GRPC, MeshOpenTelemetryBackend.PROTOCOL_HTTP);
  private static final List<String> ENV_MODES = List.of(
      EnvPolicy.MODE_DISABLED, EnvPolicy.MODE_OPTIONAL, EnvPolicy.MODE_REQUIRED);
  private static final List<String> ENV_PRECEDENCES = List.of(
      EnvPolicy.PRECEDENCE_EXPLICIT_FIRST, EnvPolicy.PRECEDENCE_ENV_FIRST);

  @Override
  public void validate(ResourceMeta meta, MeshOpenTelemetryBackend spec, Violations out) {
    FieldPath path = FieldPath.of("spec");
    String protocol = spec.effectiveProtocol();
    if (spec.endpoint() != null) {
      validateEndpoint(path.field("endpoint"), spec.endpoint(), protocol, out);
    }
    if (!protocol.isEmpty() && !PROTOCOLS.contains(protocol)) {
      out.add(path.field("protocol"), PolicyChecks.mustBeOneOf("protocol", PROTOCOLS));
    }
    EnvPolicy env = spec.env();
    if (env != null) {
      oneOfWhenSet(path.field("env").field("mode"), "mode", env.mode(), ENV_MODES, out);
      oneOfWhenSet(path.field("env").field("precedence"), "precedence", env.precedence(),
          ENV_PRECEDENCES, out);
    }
  }

  private static void validateEndpoint(FieldPath path, OtelEndpoint endpoint, String protocol,
      Violations out) {
    String address = endpoint.address();
    if (address != null) {
      if (address.isEmpty()) {
        out.add(path.field("address"), Messages.MUST_NOT_BE_EMPTY);
      } else if (!GoValidator.isIP(address) && !GoValidator.isDNSName(address)) {
        out.add(path.field("address"), "address has to be a valid IP or hostname");
      }
    }
    if (endpoint.port() != null && (endpoint.port() <= 0 || endpoint.port() > 65535)) {
      out.add(path.field("port"), Messages.INVALID_PORT);
    }
    String basePath = endpoint.path();
    if (basePath != null && !basePath.isEmpty()) {
      if (protocol.equals(MeshOpenTelemetryBackend.PROTOCOL_GRPC) || protocol.isEmpty()) {
        out.add(path.field("path"), "must not be set when protocol is grpc");
        return;
      }
      if (!basePath.startsWith("/")) {
        out.add(path.field("path"), "must start with /");
      }
      if (basePath.indexOf('?') >= 0 || basePath.indexOf('#') >= 0) {
        out.add(path.field("path"), "must not contain query or fragment");
      }
    }
  }

  private static void oneOfWhenSet(FieldPath path, String field, String value, List<String> allowed,
      Violations out) {
    if (value != null && !value.isEmpty() && !allowed.contains(value)) {
      out.add(path, PolicyChecks.mustBeOneOf(field, allowed));
    }
  }
}
