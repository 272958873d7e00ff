package org.kumaj.model.mesh;

import static org.kumaj.model.mesh.MeshValidator.orEmpty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/**
 * Kuma's {@code MeshGatewayResource.Validate}. Kuma walks Go maps when reporting listener conflicts,
 * so its order is random; we report ports in the order they first appear.
 */
final class MeshGatewayValidator implements SpecValidator<MeshGateway> {
  private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final Pattern DOMAIN = Pattern.compile("^" + DNS_LABEL + "(\\." + DNS_LABEL + ")*$");
  private static final TagChecks.KeyCheck RESERVED_KEYS = TagChecks.keyNotIn(
      TagChecks.EXTERNAL_SERVICE_TAG, TagChecks.PROTOCOL_TAG, TagChecks.SERVICE_TAG, TagChecks.ZONE_TAG);

  @Override
  public void validate(ResourceMeta meta, MeshGateway spec, Violations out) {
    TagChecks.validateSelectors(FieldPath.of("selectors"), spec.selectors(),
        TagChecks.Options.NONE.withRequireAtLeastOneTag().withRequireService(true),
        true, spec.isCrossMesh(), out);
    TagChecks.validateSelector(FieldPath.of("tags"), spec.tags(),
        TagChecks.Options.NONE.withKeyCheck(RESERVED_KEYS), out);
    validateConf(FieldPath.of("conf"), spec.conf(), out);
  }

  /** Kuma's {@code ValidateHostname}: {@code *}, {@code *.domain} or a domain. */
  static void validateHostname(FieldPath path, String hostname, Violations out) {
    if (hostname.equals("*")) {
      return;
    }
    if (hostname.length() > 253) {
      out.add(path, "must be at most 253 characters");
    }
    if (hostname.startsWith("*.")) {
      if (!DOMAIN.matcher(hostname.substring(2)).matches()) {
        out.add(path, "invalid wildcard domain");
      }
      return;
    }
    if (!DOMAIN.matcher(hostname).matches()) {
      out.add(path, "invalid hostname");
    }
  }

  private static void validateConf(FieldPath confPath, MeshGateway.Conf conf, Violations out) {
    if (conf == null) {
      out.add(confPath, "cannot be empty");
      return;
    }
    FieldPath path = confPath.field("listeners");
    List<MeshGateway.Listener> listeners = orEmpty(conf.listeners());
    if (listeners.isEmpty()) {
      out.add(path, "cannot be empty");
    }
    for (int i = 0; i < listeners.size(); i++) {
      validateListener(path.index(i), listeners.get(i), out);
    }
    validateCollapsibility(path, listeners, out);
  }

  private static void validateListener(FieldPath at, MeshGateway.Listener l, Violations out) {
    ProtoEnum.GATEWAY_PROTOCOL.check(at.field("protocol"), l.protocol(), out);
    if (l.tls() != null) {
      ProtoEnum.GATEWAY_TLS_MODE.check(at.field("tls").field("mode"), l.tls().mode(), out);
    }
    if (!orEmpty(l.hostname()).isEmpty()) {
      validateHostname(at.field("hostname"), l.hostname(), out);
    }
    MeshValidator.validatePort(at.field("port"), l.port(), out);
    boolean crossMesh = Boolean.TRUE.equals(l.crossMesh());
    String protocol = ProtoEnum.GATEWAY_PROTOCOL.orZero(l.protocol());
    if (protocol.equals("NONE")) {
      out.add(at.field("protocol"), "cannot be empty");
    } else if (protocol.equals("HTTPS")) {
      if (crossMesh) {
        out.add(at.field("protocol"), "protocol is not supported with crossMesh");
      } else if (l.tls() == null) {
        out.add(at.field("tls"), "cannot be empty");
      } else if (ProtoEnum.GATEWAY_TLS_MODE.is(l.tls().mode(), "PASSTHROUGH")) {
        out.add(at.field("tls").field("mode"), "mode is not supported on HTTPS listeners");
      }
    }
    MeshGateway.TlsConf tls = l.tls();
    int certificates = tls == null ? 0 : orEmpty(tls.certificates()).size();
    if (tls != null && !crossMesh) {
      String mode = ProtoEnum.GATEWAY_TLS_MODE.orZero(tls.mode());
      if (mode.equals("NONE")) {
        out.add(at.field("tls").field("mode"), "cannot be empty");
      } else if (mode.equals("TERMINATE")) {
        if (certificates == 0) {
          out.add(at.field("tls").field("certificates"), "cannot be empty in TLS termination mode");
        } else if (certificates > 2) {
          out.add(at.field("tls").field("certificates"), "cannot have more than 2 certificates");
        }
      }
    }
    if (tls != null && crossMesh
        && (!ProtoEnum.GATEWAY_TLS_MODE.is(tls.mode(), "NONE") || certificates > 0)) {
      out.add(at.field("tls"), "must be empty with crossMesh");
    }
    TagChecks.validateSelector(at.field("tags"), l.tags(),
        TagChecks.Options.NONE.withKeyCheck(RESERVED_KEYS), out);
  }

  private static void validateCollapsibility(FieldPath path, List<MeshGateway.Listener> listeners,
      Violations out) {
    Map<Integer, Map<String, List<Integer>>> protocolsByPort = new LinkedHashMap<>();
    Map<Integer, Map<String, List<Integer>>> hostnamesByPort = new LinkedHashMap<>();
    Map<Integer, Set<Integer>> limitsByPort = new LinkedHashMap<>();
    Map<Integer, List<Integer>> limitedByPort = new LinkedHashMap<>();
    for (int i = 0; i < listeners.size(); i++) {
      MeshGateway.Listener l = listeners.get(i);
      int port = l.port() == null ? 0 : l.port();
      protocolsByPort.computeIfAbsent(port, p -> new LinkedHashMap<>())
          .computeIfAbsent(ProtoEnum.GATEWAY_PROTOCOL.orZero(l.protocol()), p -> new ArrayList<>()).add(i);
      hostnamesByPort.computeIfAbsent(port, p -> new LinkedHashMap<>())
          .computeIfAbsent(l.nonEmptyHostname(), h -> new ArrayList<>()).add(i);
      int limit = l.resources() == null || l.resources().connectionLimit() == null
          ? 0 : l.resources().connectionLimit();
      if (limit != 0) {
        limitedByPort.computeIfAbsent(port, p -> new ArrayList<>()).add(i);
        limitsByPort.computeIfAbsent(port, p -> new LinkedHashSet<>()).add(limit);
      }
    }
    for (Map<String, List<Integer>> protocols : protocolsByPort.values()) {
      if (protocols.size() > 1) {
        protocols.values().forEach(indexes -> indexes.forEach(i ->
            out.add(path.index(i), "protocol conflicts with other listeners on this port")));
      }
    }
    for (Map<String, List<Integer>> hostnames : hostnamesByPort.values()) {
      for (List<Integer> indexes : hostnames.values()) {
        if (indexes.size() > 1) {
          indexes.forEach(i -> out.add(path.index(i), "multiple listeners for hostname on this port"));
        }
      }
    }
    for (Map.Entry<Integer, List<Integer>> e : limitedByPort.entrySet()) {
      if (limitsByPort.get(e.getKey()).size() > 1) {
        e.getValue().forEach(i -> out.add(path.index(i).field("resources").field("connectionLimit"),
            "conflicting values for this port"));
      }
    }
  }
}
