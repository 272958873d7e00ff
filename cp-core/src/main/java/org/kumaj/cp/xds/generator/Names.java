package org.kumaj.cp.xds.generator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Kuma 2.14's legacy resource names ({@code pkg/xds/envoy/names/resource_names.go}, separator
 * {@code :}) and the other identifiers derived from tags (SNI, SPIFFE ids, stat prefixes).
 */
final class Names {
  static final String SERVICE_TAG = "kuma.io/service";
  static final String PROTOCOL_TAG = "kuma.io/protocol";
  static final String ZONE_TAG = "kuma.io/zone";
  static final String MESH_TAG = "kuma.io/mesh";
  static final String UNIFIED_NAME_TAG = "kuma.io/unified-name";
  static final String TAGS_HEADER = "x-kuma-tags";

  static final String ENVOY_ADMIN = "kuma:envoy:admin";
  static final String READINESS = "kuma:readiness";
  static final String NO_DESTINATION_INBOUND = "self_transparentproxy_no_destination_inbound";

  static final String TRANSPORT_SOCKET_TLS = "envoy.transport_sockets.tls";
  static final String KUMA_ALPN = "kuma";

  /**
   * The name of the catch-all route {@code MeshHTTPRoute} adds to every outbound: base64 of the
   * SHA-256 of the JSON of its matches ({@code HashMatches}).
   */
  static final String CATCH_ALL_ROUTE = hashMatches("[{\"path\":{\"value\":\"/\",\"type\":\"PathPrefix\"}}]");

  private static final Pattern ILLEGAL_METRIC_CHARS = Pattern.compile("[^a-zA-Z_\\-0-9]");

  private Names() {}

  static String inboundListener(String address, int port) {
    return "inbound:" + hostPort(address, port);
  }

  static String outboundListener(String address, int port) {
    return "outbound:" + hostPort(address, port);
  }

  static String localCluster(int port) {
    return "localhost:" + port;
  }

  static String inboundRoute(String service) {
    return "inbound:" + service;
  }

  static String outboundRoute(String service) {
    return "outbound:" + service;
  }

  /** {@code inbound:passthrough:ipv4}, {@code outbound:passthrough:ipv6}, ... */
  static String passthrough(String direction, boolean ipv6) {
    return direction + ":passthrough:" + (ipv6 ? "ipv6" : "ipv4");
  }

  /** The contextual name Kuma puts under {@code kuma.io/unified-name} of an inbound without tags. */
  static String contextualInbound(String sectionName) {
    return "self_inbound_dp_" + sectionName;
  }

  static String identitySecret(String mesh) {
    return "identity_cert:secret:" + mesh;
  }

  static String meshCaSecret(String mesh) {
    return "mesh_ca:secret:" + mesh;
  }

  static String spiffeId(String mesh, String service) {
    return "spiffe://" + mesh + "/" + service;
  }

  static String spiffePrefix(String mesh) {
    return "spiffe://" + mesh + "/";
  }

  /** Kuma's {@code tls.SNIFromTags}: {@code <service>{k=v,...}} with the other tags sorted. */
  static String sni(Map<String, String> tags) {
    Map<String, String> extra = new TreeMap<>(tags);
    String service = extra.remove(SERVICE_TAG);
    String rest = extra.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    return rest.isEmpty() ? service : service + "{" + rest + "}";
  }

  /** Kuma's {@code SanitizeMetric}: every character outside {@code [a-zA-Z_-0-9]} becomes {@code _}. */
  static String sanitize(String metric) {
    return ILLEGAL_METRIC_CHARS.matcher(metric).replaceAll("_");
  }

  /** Go's {@code net.JoinHostPort}. */
  private static String hostPort(String address, int port) {
    return (Protos.isIpv6(address) ? "[" + address + "]" : address) + ":" + port;
  }

  private static String hashMatches(String json) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
