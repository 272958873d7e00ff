package org.kumaj.model.mesh;

import java.util.List;
import org.kumaj.model.validation.FieldPath;
import org.kumaj.model.validation.GoStrings;
import org.kumaj.model.validation.Violations;

/**
 * A proto enum carried as its protojson name. Kuma's decoder rejects an unknown name; we report the
 * decoder's message as a violation at the field instead.
 *
 * @param fullName the proto full name, e.g. {@code kuma.mesh.v1alpha1.HttpMethod}
 * @param names the value names in number order (the first is the zero value)
 */
record ProtoEnum(String fullName, List<String> names) {
  static final String PKG = "kuma.mesh.v1alpha1.";
  static final ProtoEnum CA_MODE =
      new ProtoEnum(PKG + "CertificateAuthorityBackend.Mode", List.of("STRICT", "PERMISSIVE"));
  static final ProtoEnum MESH_SERVICES_MODE = new ProtoEnum(PKG + "Mesh.MeshServices.Mode",
      List.of("Disabled", "Everywhere", "ReachableBackends", "Exclusive"));
  static final ProtoEnum PROMETHEUS_TLS_MODE = new ProtoEnum(PKG + "PrometheusTlsConfig.Mode",
      List.of("activeMTLSBackend", "providedTLS", "disabled"));
  static final ProtoEnum INBOUND_STATE = new ProtoEnum(PKG + "Dataplane.Networking.Inbound.State",
      List.of("Ready", "NotReady", "Ignored"));
  static final ProtoEnum GATEWAY_TYPE = new ProtoEnum(
      PKG + "Dataplane.Networking.Gateway.GatewayType", List.of("DELEGATED", "BUILTIN"));
  static final ProtoEnum IP_FAMILY_MODE = new ProtoEnum(
      PKG + "Dataplane.Networking.TransparentProxying.IpFamilyMode",
      List.of("UnSpecified", "DualStack", "IPv4", "IPv6"));
  static final ProtoEnum LISTENER_TYPE = new ProtoEnum(PKG + "Dataplane.Networking.Listener.Type",
      List.of("Unspecified", "ZoneIngress", "ZoneEgress"));
  static final ProtoEnum LISTENER_STATE = new ProtoEnum(
      PKG + "Dataplane.Networking.Listener.State", List.of("Ready", "NotReady"));
  static final ProtoEnum GATEWAY_TLS_MODE = new ProtoEnum(PKG + "MeshGateway.TLS.Mode",
      List.of("NONE", "TERMINATE", "PASSTHROUGH"));
  static final ProtoEnum GATEWAY_PROTOCOL = new ProtoEnum(PKG + "MeshGateway.Listener.Protocol",
      List.of("NONE", "TCP", "TLS", "HTTP", "HTTPS"));
  static final ProtoEnum PATH_MATCH = new ProtoEnum(
      PKG + "MeshGatewayRoute.HttpRoute.Match.Path.MatchType", List.of("EXACT", "PREFIX", "REGEX"));
  static final ProtoEnum HEADER_MATCH = new ProtoEnum(
      PKG + "MeshGatewayRoute.HttpRoute.Match.Header.MatchType",
      List.of("EXACT", "REGEX", "ABSENT", "PRESENT"));
  static final ProtoEnum QUERY_MATCH = new ProtoEnum(
      PKG + "MeshGatewayRoute.HttpRoute.Match.Query.MatchType", List.of("EXACT", "REGEX"));
  static final ProtoEnum HTTP_METHOD = new ProtoEnum(PKG + "HttpMethod", List.of("NONE", "CONNECT",
      "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE"));

  /** The zero value, which an absent field holds. */
  String zero() {
    return names.get(0);
  }

  /** Returns {@code value}, or the zero value when it is {@code null}. */
  String orZero(String value) {
    return value == null ? zero() : value;
  }

  /** Returns whether {@code value} (absent meaning the zero value) is {@code name}. */
  boolean is(String value, String name) {
    return orZero(value).equals(name);
  }

  /** The decoder's message for an unknown name, or {@code null} when {@code value} is fine. */
  String error(String value) {
    if (value == null || names.contains(value)) {
      return null;
    }
    return "unknown value " + GoStrings.quote("\"" + value + "\"") + " for enum " + fullName;
  }

  /** Adds the decoder's message at {@code path} when {@code value} is no name of this enum. */
  void check(FieldPath path, String value, Violations out) {
    String error = error(value);
    if (error != null) {
      out.add(path, error);
    }
  }
}
