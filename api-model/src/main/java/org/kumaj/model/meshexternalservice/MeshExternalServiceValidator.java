package org.kumaj.model.meshexternalservice;

import java.util.List;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.hostnamegenerator.Naming;
import org.kumaj.model.meshservice.DestinationNames;
import org.kumaj.model.policies.core.GoValidator;
import org.kumaj.model.policies.core.PolicyChecks;
import org.kumaj.model.validation.Checks;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.Messages;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/**
 * Kuma's MeshExternalService rules: name length, match, endpoints and TLS (the last two only
 * without an extension), extension type; plus name and SNI deprecation warnings.
 */
final class MeshExternalServiceValidator implements SpecValidator<MeshExternalService> {
  private static final List<String> MATCH_PROTOCOLS = List.of("tcp", "grpc", "http", "http2");
  private static final List<String> VERIFICATION_MODES = List.of(TlsVerification.SKIP_SAN,
      TlsVerification.SKIP_CA, TlsVerification.SKIP_ALL, TlsVerification.SECURED);
  private static final List<String> SAN_MATCH_TYPES = List.of(SanMatch.PREFIX, SanMatch.EXACT);
  private static final String INVALID_PORT = "port must be a valid (1-65535)";

  @Override
  public void validate(ResourceMeta meta, MeshExternalService spec, Violations out) {
    Checks.maxLength(FieldPath.of("name"), 63, Naming.displayName(meta), out);
    FieldPath path = FieldPath.of("spec");
    MeshExternalServiceMatch match = spec.match() == null
        ? new MeshExternalServiceMatch(null, null, null) : spec.match();
    validateMatch(path.field("match"), match, out);
    if (spec.extension() == null) {
      if (spec.endpoints() != null) {
        validateEndpoints(path.field("endpoints"), spec.endpoints(), out);
      }
      if (spec.tls() != null) {
        validateTls(path.field("tls"), spec.tls(), out);
      }
    } else if (spec.extension().type() == null || spec.extension().type().isEmpty()) {
      out.add(path.field("extension").field("type"), Messages.MUST_NOT_BE_EMPTY);
    }
    DestinationNames.warnDeprecated(MeshExternalService.TYPE, meta, List.of(match.sectionName()),
        out);
  }

  private static void validateMatch(FieldPath path, MeshExternalServiceMatch match, Violations out) {
    String type = PolicyChecks.nullToEmpty(match.type());
    if (!type.isEmpty() && !type.equals(MeshExternalServiceMatch.HOSTNAME_GENERATOR)) {
      out.add(path.field("type"), "unrecognized type '" + type + "' - only '"
          + MeshExternalServiceMatch.HOSTNAME_GENERATOR + "' is supported");
    }
    if (!validPort(match.port())) {
      out.add(path.field("port"), INVALID_PORT);
    }
    if (!MATCH_PROTOCOLS.contains(PolicyChecks.nullToEmpty(match.protocol()))) {
      out.add(path.field("protocol"), PolicyChecks.mustBeOneOf("protocol", MATCH_PROTOCOLS));
    }
  }

  /** Kuma's check {@code port == 0 || port > 65535}: negative ports pass (the schema rejects them). */
  private static boolean validPort(Integer port) {
    int p = port == null ? 0 : port;
    return p != 0 && p <= 65535;
  }

  private static void validateEndpoints(FieldPath path, List<MeshExternalServiceEndpoint> endpoints,
      Violations out) {
    for (int i = 0; i < endpoints.size(); i++) {
      MeshExternalServiceEndpoint endpoint = endpoints.get(i);
      String address = endpoint == null ? "" : PolicyChecks.nullToEmpty(endpoint.address());
      Integer port = endpoint == null ? null : endpoint.port();
      boolean ip = GoValidator.isIP(address);
      boolean dns = GoValidator.isDNSName(address);
      if ((ip || dns) && !validPort(port)) {
        out.add(path.index(i).field("port"), INVALID_PORT);
      }
      if (!ip && !dns) {
        out.add(path.index(i).field("address"), "address has to be a valid IP or hostname");
      }
    }
  }

  private static void validateTls(FieldPath path, MeshExternalServiceTls tls, Violations out) {
    if (tls.version() != null) {
      PolicyChecks.tlsVersion(path.field("version"), tls.version(), out);
    }
    TlsVerification verification = tls.verification();
    if (verification == null) {
      return;
    }
    FieldPath v = path.field("verification");
    if (verification.serverName() != null && !GoValidator.isDNSName(verification.serverName())) {
      out.add(v.field("serverName"), "must be a valid DNS name");
    }
    String mode = PolicyChecks.nullToEmpty(verification.mode());
    if (!mode.isEmpty() && !VERIFICATION_MODES.contains(mode)) {
      out.add(v.field("mode"), PolicyChecks.mustBeOneOf("mode", VERIFICATION_MODES));
    }
    List<SanMatch> sans = verification.subjectAltNames();
    for (int i = 0; sans != null && i < sans.size(); i++) {
      String type = sans.get(i) == null ? "" : PolicyChecks.nullToEmpty(sans.get(i).type());
      if (!SAN_MATCH_TYPES.contains(type)) {
        out.add(v.field("subjectAltNames").index(i).field("type"),
            PolicyChecks.mustBeOneOf("type", SAN_MATCH_TYPES));
      }
    }
    if (verification.clientCert() != null && verification.clientKey() == null) {
      out.add(v.field("clientKey"), Messages.MUST_BE_DEFINED + " when clientCert is defined");
    }
    if (verification.clientCert() == null && verification.clientKey() != null) {
      out.add(v.field("clientCert"), Messages.MUST_BE_DEFINED + " when clientKey is defined");
    }
  }
}
