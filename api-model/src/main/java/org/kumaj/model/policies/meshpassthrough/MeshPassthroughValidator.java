package org.kumaj.model.policies.meshpassthrough;

import static org.kumaj.model.policies.core.TargetRefKind.DATAPLANE;
import static org.kumaj.model.policies.core.TargetRefKind.MESH;
import static org.kumaj.model.policies.core.TargetRefKind.MESH_SUBSET;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.policies.core.Copies;
import org.kumaj.model.policies.core.GoValidator;
import org.kumaj.model.policies.core.PolicyChecks;
import org.kumaj.model.policies.core.TargetRefRules;
import org.kumaj.model.policies.core.TargetRefValidation;
import org.kumaj.model.policies.meshpassthrough.MeshPassthrough.Match;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/**
 * Kuma's MeshPassthrough validation ({@code meshpassthrough/api/v1alpha1/validator.go}); Kuma has
 * no deprecation warnings for this type.
 */
final class MeshPassthroughValidator implements SpecValidator<MeshPassthrough> {
  private static final FieldPath SPEC = FieldPath.of("spec");
  private static final TargetRefRules TOP = TargetRefRules.kinds(MESH, MESH_SUBSET, DATAPLANE);
  private static final List<String> PROTOCOLS =
      List.of("tcp", "tls", "grpc", "http", "http2", "mysql");
  /** Protocols that cannot share a port with a different protocol. */
  private static final List<String> EXCLUSIVE_PROTOCOLS = List.of("grpc", "http", "http2");
  private static final Pattern PARTIAL_WILDCARD = Pattern.compile("^\\*[^.]+");

  @Override
  public void validate(ResourceMeta meta, MeshPassthrough spec, Violations out) {
    if (spec.targetRef() != null) {
      TargetRefValidation.validate(SPEC.field("targetRef"), spec.targetRef(), TOP, out);
    }
    List<Match> matches = spec.defaultConf() == null
        ? List.of() : Copies.orEmpty(spec.defaultConf().appendMatch());
    FieldPath base = SPEC.field("default").field("appendMatch");
    Map<Integer, String> portProtocols = new HashMap<>();
    Set<List<Object>> domains = new HashSet<>();
    for (int i = 0; i < matches.size(); i++) {
      Match match = matches.get(i) == null ? new Match(null, null, null, null) : matches.get(i);
      validateMatch(base.index(i), match, portProtocols, domains, out);
    }
  }

  private static void validateMatch(FieldPath path, Match match, Map<Integer, String> portProtocols,
      Set<List<Object>> domains, Violations out) {
    String protocol = PolicyChecks.nullToEmpty(match.protocol());
    String value = PolicyChecks.nullToEmpty(match.value());
    Integer port = match.port();
    if (protocol.equals("mysql") && port == null) {
      out.add(path.field("port"), "port must be defined for Mysql protocol");
    }
    if (port != null && (port == 0 || port > 65535)) {
      out.add(path.field("port"), "port must be a valid (1-65535)");
    }
    if (port != null) {
      String known = portProtocols.get(port);
      if (known != null && !known.equals(protocol) && EXCLUSIVE_PROTOCOLS.contains(protocol)) {
        out.add(path.field("port"), "using the same port in multiple matches requires the same"
            + " protocol for the following protocols: [grpc http http2]");
      } else {
        portProtocols.put(port, protocol);
      }
      if (!domains.add(List.of(port, protocol, value))) {
        out.add(path.field("value"), "value " + value
            + " is already defiend for this port and protocol");
      }
    }
    if (!PROTOCOLS.contains(protocol)) {
      out.add(path.field("protocol"), PolicyChecks.mustBeOneOf("protocol", PROTOCOLS));
    }
    switch (PolicyChecks.nullToEmpty(match.type())) {
      case "CIDR" -> {
        if (!GoValidator.isCIDR(value)) {
          out.add(path.field("value"), "provided CIDR has incorrect value");
        }
      }
      case "IP" -> {
        if (!GoValidator.isIP(value)) {
          out.add(path.field("value"), "provided IP has incorrect value");
        }
      }
      case "Domain" -> {
        if (protocol.equals("tcp") || protocol.equals("mysql")) {
          out.add(path.field("protocol"), "protocol " + protocol + " is not supported for a domain");
        }
        if (PARTIAL_WILDCARD.matcher(value).find()) {
          out.add(path.field("value"),
              "provided DNS has incorrect value, partial wildcard is currently not supported");
        }
        if (port == null && value.startsWith("*") && EXCLUSIVE_PROTOCOLS.contains(protocol)) {
          out.add(path.field("port"),
              "wildcard domains doesn't work for all ports and layer 7 protocol");
        }
        String toValidate = value.startsWith("*.") ? value.substring(2) : value;
        if (!toValidate.startsWith("*") && !GoValidator.isDNSName(toValidate)) {
          out.add(path.field("value"), "provided DNS has incorrect value");
        }
      }
      default -> out.add(path.field("type"), "provided type " + PolicyChecks.nullToEmpty(match.type())
          + " is not supported, one of Domain, IP, or CIDR is supported");
    }
  }
}
