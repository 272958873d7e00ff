package org.kumaj.model.mesh;

import static org.kumaj.model.mesh.MeshValidator.orEmpty;
import static org.kumaj.model.mesh.MeshValidator.validatePort;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.kumaj.model.ProtoDuration;
import org.kumaj.model.ResourceMeta;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.GoStrings;
import org.kumaj.model.validation.SpecValidator;
import org.kumaj.model.validation.Violations;

/** Kuma's {@code DataplaneResource.Validate}, with its paths and messages. */
final class DataplaneValidator implements SpecValidator<Dataplane> {
  /** The kinds an outbound or reachable backend may reference, sorted as Kuma lists them. */
  static final List<String> BACKEND_KINDS =
      List.of("MeshExternalService", "MeshMultiZoneService", "MeshService");
  static final String IDENTIFIER_MESSAGE = "invalid characters. A lowercase RFC 1123 subdomain must"
      + " consist of lower case alphanumeric characters, '-' or '.', and must start and end with an"
      + " alphanumeric character";
  private static final Pattern IDENTIFIER =
      Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");

  @Override
  public void validate(ResourceMeta meta, Dataplane spec, Violations out) {
    FieldPath net = FieldPath.of("networking");
    Dataplane.Networking networking = spec.networking();
    if (networking == null) {
      out.add(net, "must be defined");
      return;
    }
    checkEnums(net, networking, out);
    if (networking.admin() != null) {
      int adminPort = intOf(networking.admin().port());
      if (usesInboundInterface(networking, adminPort)) {
        out.add(net.field("admin").field("port"), "must differ from inbound");
      }
      if (usesOutboundInterface(networking, adminPort)) {
        out.add(net.field("admin").field("port"), "must differ from outbound");
      }
    }
    if (spec.isDelegatedGateway()) {
      if (!isEmpty(networking.inbound())) {
        out.add(net.field("inbound"), "inbound cannot be defined for delegated gateways");
      }
      if (!isEmpty(networking.listeners())) {
        out.add(net.field("listeners"), "listeners cannot be defined for delegated gateways");
      }
      validateGateway(net.field("gateway"), networking.gateway(), out);
      validateNetworking(net, networking, out);
      validateProbes(spec.probes(), out);
    } else if (spec.isBuiltinGateway()) {
      if (!isEmpty(networking.inbound())) {
        out.add(net.field("inbound"), "inbound cannot be defined for builtin gateways");
      }
      if (!isEmpty(networking.outbound())) {
        out.add(net.field("outbound"), "outbound cannot be defined for builtin gateways");
      }
      if (!isEmpty(networking.listeners())) {
        out.add(net.field("listeners"), "listeners cannot be defined for builtin gateways");
      }
      if (spec.probes() != null) {
        out.add(net.field("probes"), "probes cannot be defined for builtin gateways");
      }
      validateGateway(net.field("gateway"), networking.gateway(), out);
      validateNetworking(net, networking, out);
    } else {
      validateNetworking(net, networking, out);
      validateProbes(spec.probes(), out);
      if (spec.metrics() != null) {
        validateMetricsBackend(spec.metrics(), out);
      }
      validateListeners(net.field("listeners"), networking, out);
    }
  }

  /** Kuma's {@code validateAddress}: violations at {@code parent.address}. */
  static void validateAddress(FieldPath parent, String address, Violations out) {
    FieldPath path = parent.field("address");
    if (address == null || address.isEmpty()) {
      out.add(path, "address can't be empty");
      return;
    }
    if (address.equals("0.0.0.0") || address.equals("::")) {
      out.add(path, "must not be 0.0.0.0 or ::");
    }
    if (!GoNet.isIp(address) && !GoNet.isDnsName(address)) {
      out.add(path, "address has to be valid IP address or domain name");
    }
  }

  /** Kuma's {@code validateIdentifier} with the RFC 1123 subdomain rule. */
  static void validateIdentifier(FieldPath path, String identifier, Violations out) {
    if (identifier.isEmpty()) {
      out.add(path, "cannot be empty");
    } else if (identifier.length() > 253) {
      out.add(path, "value length must less or equal 253");
    } else if (!IDENTIFIER.matcher(identifier).matches()) {
      out.add(path, IDENTIFIER_MESSAGE);
    }
  }

  private static void checkEnums(FieldPath net, Dataplane.Networking networking, Violations out) {
    if (networking.gateway() != null) {
      ProtoEnum.GATEWAY_TYPE.check(net.field("gateway").field("type"), networking.gateway().type(), out);
    }
    List<Dataplane.Inbound> inbounds = orEmpty(networking.inbound());
    for (int i = 0; i < inbounds.size(); i++) {
      ProtoEnum.INBOUND_STATE.check(net.field("inbound").index(i).field("state"), inbounds.get(i).state(), out);
    }
    if (networking.transparentProxying() != null) {
      ProtoEnum.IP_FAMILY_MODE.check(net.field("transparentProxying").field("ipFamilyMode"),
          networking.transparentProxying().ipFamilyMode(), out);
    }
    List<Dataplane.Listener> listeners = orEmpty(networking.listeners());
    for (int i = 0; i < listeners.size(); i++) {
      ProtoEnum.LISTENER_TYPE.check(net.field("listeners").index(i).field("type"), listeners.get(i).type(), out);
      ProtoEnum.LISTENER_STATE.check(net.field("listeners").index(i).field("state"), listeners.get(i).state(), out);
    }
  }

  private static boolean usesInboundInterface(Dataplane.Networking networking, int port) {
    for (Dataplane.Inbound inbound : orEmpty(networking.inbound())) {
      String dataplaneIp = orEmpty(inbound.address()).isEmpty()
          ? orEmpty(networking.address()) : inbound.address();
      String workloadIp = orEmpty(inbound.serviceAddress()).isEmpty()
          ? dataplaneIp : inbound.serviceAddress();
      int dataplanePort = intOf(inbound.port());
      int workloadPort = intOf(inbound.servicePort()) != 0 ? intOf(inbound.servicePort()) : dataplanePort;
      if ((port == dataplanePort && ProxyPorts.overlapsLoopback(dataplaneIp))
          || (port == workloadPort && ProxyPorts.overlapsLoopback(workloadIp))) {
        return true;
      }
    }
    return false;
  }

  private static boolean usesOutboundInterface(Dataplane.Networking networking, int port) {
    for (Dataplane.Outbound outbound : orEmpty(networking.outbound())) {
      String ip = orEmpty(outbound.address()).isEmpty() ? "127.0.0.1" : outbound.address();
      if (port == intOf(outbound.port()) && ProxyPorts.overlapsLoopback(ip)) {
        return true;
      }
    }
    return false;
  }

  private static void validateNetworking(FieldPath path, Dataplane.Networking networking, Violations out) {
    validateAddress(path, networking.address(), out);
    List<Dataplane.Inbound> inbounds = orEmpty(networking.inbound());
    for (int i = 0; i < inbounds.size(); i++) {
      FieldPath field = path.field("inbound").index(i);
      Dataplane.Inbound inbound = inbounds.get(i);
      validateInbound(field, inbound, orEmpty(networking.address()), out);
      if (inbound.tags() != null && !inbound.tags().isEmpty()
          && !inbound.tags().containsKey(TagChecks.SERVICE_TAG)) {
        out.add(field.field("tags").key(TagChecks.SERVICE_TAG), "tag has to exist");
      }
    }
    List<Dataplane.Outbound> outbounds = orEmpty(networking.outbound());
    for (int i = 0; i < outbounds.size(); i++) {
      validateOutbound(path.field("outbound").index(i), outbounds.get(i), out);
    }
    // Kuma spells this path "transparentProxing".
    validateTransparentProxying(path.field("transparentProxing"), networking.transparentProxying(), out);
  }

  private static void validateInbound(FieldPath path, Dataplane.Inbound inbound, String dpAddress,
      Violations out) {
    validatePort(path.field("port"), inbound.port(), out);
    int port = intOf(inbound.port());
    int servicePort = intOf(inbound.servicePort());
    if (servicePort != 0) {
      validatePort(path.field("servicePort"), servicePort, out);
    }
    String serviceAddress = orEmpty(inbound.serviceAddress());
    if (!serviceAddress.isEmpty()) {
      if (!GoNet.isIp(serviceAddress)) {
        out.add(path.field("serviceAddress"), "serviceAddress has to be valid IP address");
      }
      if (serviceAddress.equals(dpAddress) && (servicePort == 0 || servicePort == port)) {
        out.add(path.field("serviceAddress"),
            "serviceAddress and servicePort has to differ from address and port");
      }
    }
    String address = orEmpty(inbound.address());
    if (!address.isEmpty()) {
      if (!GoNet.isIp(address)) {
        out.add(path.field("address"), "address has to be valid IP address");
      }
      if (address.equals(serviceAddress) && (servicePort == 0 || servicePort == port)) {
        out.add(path.field("serviceAddress"),
            "serviceAddress and servicePort has to differ from address and port");
      }
    }
    TagChecks.validateTags(path.field("tags"), inbound.tags(),
        TagChecks.Options.NONE.withTagsCheck(DataplaneValidator::checkProtocolTag), out);
    String protocol = orEmpty(inbound.protocol());
    if (!protocol.isEmpty() && !TagChecks.isKnownProtocol(protocol)) {
      out.add(path.field("protocol"), "has an invalid value " + GoStrings.quote(protocol) + ". "
          + TagChecks.allowedValuesHint(TagChecks.SUPPORTED_PROTOCOLS));
    }
    validateServiceProbe(path.field("serviceProbe"), inbound.serviceProbe(), out);
  }

  /** The {@code kuma.io/protocol} tag, when present, must name a known protocol. */
  static void checkProtocolTag(FieldPath path, Map<String, String> tags, Violations out) {
    String value = tags.get(TagChecks.PROTOCOL_TAG);
    if (tags.containsKey(TagChecks.PROTOCOL_TAG) && !TagChecks.isKnownProtocol(orEmpty(value))) {
      out.add(path.key(TagChecks.PROTOCOL_TAG), "tag " + GoStrings.quote(TagChecks.PROTOCOL_TAG)
          + " has an invalid value " + GoStrings.quote(orEmpty(value)) + ". "
          + TagChecks.allowedValuesHint(TagChecks.SUPPORTED_PROTOCOLS));
    }
  }

  private static void validateServiceProbe(FieldPath path, Dataplane.ServiceProbe probe, Violations out) {
    if (probe == null) {
      return;
    }
    validatePositiveDuration(path.field("interval"), probe.interval(), out);
    validatePositiveDuration(path.field("timeout"), probe.timeout(), out);
    if (probe.unhealthyThreshold() != null && probe.unhealthyThreshold() == 0) {
      out.add(path.field("unhealthyThreshold"), "must have a positive value");
    }
    if (probe.healthyThreshold() != null && probe.healthyThreshold() == 0) {
      out.add(path.field("healthyThreshold"), "must have a positive value");
    }
  }

  /** Kuma's {@code ValidateDuration} of a present duration: zero is refused. */
  private static void validatePositiveDuration(FieldPath path, ProtoDuration d, Violations out) {
    if (d != null && d.toNanos() == 0) {
      out.add(path, "must have a positive value");
    }
  }

  private static void validateOutbound(FieldPath path, Dataplane.Outbound outbound, Violations out) {
    validatePort(path.field("port"), outbound.port(), out);
    String address = orEmpty(outbound.address());
    if (!address.isEmpty() && !GoNet.isIp(address)) {
      out.add(path.field("address"), "address has to be valid IP address");
    }
    Dataplane.BackendRef ref = outbound.backendRef();
    boolean hasTags = outbound.tags() != null && !outbound.tags().isEmpty();
    if (ref != null) {
      if (!BACKEND_KINDS.contains(orEmpty(ref.kind()))) {
        out.add(path.field("backendRef").field("kind"), invalidKind());
      }
      if (orEmpty(ref.name()).isEmpty() && (ref.labels() == null || ref.labels().isEmpty())) {
        out.add(path.field("backendRef"), "either 'name' or 'labels' should be specified");
      }
      if (!"MeshExternalService".equals(ref.kind())) {
        validatePort(path.field("backendRef").field("port"), ref.port(), out);
      }
    } else if (!hasTags) {
      out.add(path.field("tags"), "mandatory tag \"kuma.io/service\" is missing");
    } else {
      TagChecks.validateTags(path.field("tags"), outbound.tags(),
          TagChecks.Options.NONE.withRequireService(true), out);
    }
    if (ref != null && (hasTags || !outbound.service().isEmpty())) {
      out.add(path.field("backendRef"), "both backendRef and tags/service cannot be defined");
    }
  }

  private static void validateTransparentProxying(FieldPath path, Dataplane.TransparentProxying tp,
      Violations out) {
    if (tp == null || tp.reachableBackends() == null) {
      return;
    }
    FieldPath refsPath = path.field("reachableBackends").field("refs");
    List<Dataplane.ReachableBackendRef> refs = orEmpty(tp.reachableBackends().refs());
    for (int i = 0; i < refs.size(); i++) {
      Dataplane.ReachableBackendRef ref = refs.get(i);
      FieldPath at = refsPath.index(i);
      if (!BACKEND_KINDS.contains(orEmpty(ref.kind()))) {
        out.add(at.field("kind"), invalidKind());
      }
      String name = orEmpty(ref.name());
      String namespace = orEmpty(ref.namespace());
      boolean hasLabels = ref.labels() != null && !ref.labels().isEmpty();
      if (!name.isEmpty()) {
        validateIdentifier(at.field("name"), name, out);
      }
      if (name.isEmpty() && namespace.isEmpty() && !hasLabels) {
        out.add(at.field("name"), "name or labels are required");
      }
      if (name.isEmpty() && !namespace.isEmpty()) {
        out.add(at.field("name"), "name is required, when namespace is defined");
      }
      if ((!name.isEmpty() || !namespace.isEmpty()) && hasLabels) {
        out.add(at.field("labels"), "labels cannot be defined when name is specified");
      }
    }
  }

  private static void validateProbes(Dataplane.Probes probes, Violations out) {
    if (probes == null) {
      return;
    }
    FieldPath path = FieldPath.of("probes");
    validatePort(path.field("port"), probes.port(), out);
    List<Dataplane.Endpoint> endpoints = orEmpty(probes.endpoints());
    for (int i = 0; i < endpoints.size(); i++) {
      Dataplane.Endpoint endpoint = endpoints.get(i);
      FieldPath at = path.field("endpoints").index(i);
      validatePort(at.field("inboundPort"), endpoint.inboundPort(), out);
      if (GoNet.parseRequestUri(orEmpty(endpoint.inboundPath())) == null) {
        out.add(at.field("inboundPath"), "should be a valid URL Path");
      }
      if (GoNet.parseRequestUri(orEmpty(endpoint.path())) == null) {
        out.add(at.field("path"), "should be a valid URL Path");
      }
    }
  }

  private static void validateMetricsBackend(MetricsBackend metrics, Violations out) {
    FieldPath path = FieldPath.of("metrics");
    if (!MetricsBackend.PROMETHEUS.equals(metrics.type())) {
      out.add(path.field("type"), "unknown backend type. Available backends: \"prometheus\"");
    } else {
      MeshValidator.validatePrometheusConfig(path.field("conf"), metrics, out);
    }
  }

  private static void validateListeners(FieldPath path, Dataplane.Networking networking, Violations out) {
    Set<String> names = new HashSet<>();
    for (Dataplane.Inbound inbound : orEmpty(networking.inbound())) {
      names.add(inbound.sectionName());
    }
    Map<String, String> typeByAddressPort = new LinkedHashMap<>();
    List<Dataplane.Listener> listeners = orEmpty(networking.listeners());
    for (int i = 0; i < listeners.size(); i++) {
      Dataplane.Listener listener = listeners.get(i);
      FieldPath at = path.index(i);
      String type = ProtoEnum.LISTENER_TYPE.orZero(listener.type());
      if (type.equals(ProtoEnum.LISTENER_TYPE.zero())) {
        out.add(at.field("type"), "type must be ZoneIngress or ZoneEgress");
      }
      validateAddress(at, listener.address(), out);
      validatePort(at.field("port"), listener.port(), out);
      String name = orEmpty(listener.name());
      if (!name.isEmpty()) {
        if (names.contains(name)) {
          out.add(at.field("name"),
              "name " + GoStrings.quote(name) + " must be unique across inbounds and listeners");
        }
        names.add(name);
      }
      String key = orEmpty(listener.address()) + ":" + intOf(listener.port());
      String existing = typeByAddressPort.get(key);
      if (existing != null) {
        out.add(at, existing.equals(type)
            ? "address:port " + key + " is already used by another listener"
            : "address:port " + key + " is used by listeners of different types");
      } else {
        typeByAddressPort.put(key, type);
      }
      for (Dataplane.Inbound inbound : orEmpty(networking.inbound())) {
        String inboundAddress = orEmpty(inbound.address()).isEmpty()
            ? orEmpty(networking.address()) : inbound.address();
        if ((inboundAddress + ":" + intOf(inbound.port())).equals(key)) {
          out.add(at, "address:port " + key + " collides with an inbound listener");
          break;
        }
      }
    }
  }

  private static void validateGateway(FieldPath path, Dataplane.Gateway gateway, Violations out) {
    boolean hasTags = gateway.tags() != null && !gateway.tags().isEmpty();
    TagChecks.validateTags(path.field("tags"), gateway.tags(), TagChecks.Options.NONE
        .withRequireService(hasTags)
        .withTagsCheck((p, tags, o) -> {
          if (tags.containsKey(TagChecks.PROTOCOL_TAG)
              && !"tcp".equalsIgnoreCase(orEmpty(tags.get(TagChecks.PROTOCOL_TAG)))) {
            o.add(p.key(TagChecks.PROTOCOL_TAG), "other values than tcp are not allowed, provided value "
                + GoStrings.quote(orEmpty(tags.get(TagChecks.PROTOCOL_TAG))));
          }
        }), out);
  }

  static String invalidKind() {
    return "invalid value. Available values are: " + String.join(",", BACKEND_KINDS);
  }

  private static int intOf(Integer value) {
    return value == null ? 0 : value;
  }

  private static boolean isEmpty(List<?> list) {
    return list == null || list.isEmpty();
  }
}
