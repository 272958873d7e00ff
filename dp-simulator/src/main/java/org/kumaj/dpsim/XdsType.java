package org.kumaj.dpsim;

import java.util.Optional;

/**
 * The xDS resource types an Envoy sidecar receives over ADS, with their v3 type URLs. Listeners
 * and clusters are wildcard subscriptions; the others are requested by the names the listeners
 * and clusters reference.
 */
public enum XdsType {
  /** LDS. */
  LISTENER("type.googleapis.com/envoy.config.listener.v3.Listener", "LDS", true),
  /** CDS. */
  CLUSTER("type.googleapis.com/envoy.config.cluster.v3.Cluster", "CDS", true),
  /** RDS. */
  ROUTE("type.googleapis.com/envoy.config.route.v3.RouteConfiguration", "RDS", false),
  /** EDS. */
  ENDPOINT("type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment", "EDS", false),
  /** SDS. */
  SECRET("type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret", "SDS", false);

  private final String typeUrl;
  private final String shortName;
  private final boolean wildcard;

  XdsType(String typeUrl, String shortName, boolean wildcard) {
    this.typeUrl = typeUrl;
    this.shortName = shortName;
    this.wildcard = wildcard;
  }

  /** The v3 type URL, e.g. {@code type.googleapis.com/envoy.config.listener.v3.Listener}. */
  public String typeUrl() {
    return typeUrl;
  }

  /** The discovery service abbreviation, e.g. {@code LDS}. */
  public String shortName() {
    return shortName;
  }

  /** Whether Envoy subscribes to this type as a wildcard (all resources) rather than by name. */
  public boolean wildcard() {
    return wildcard;
  }

  /** The type with this type URL, if it is one of the five. */
  public static Optional<XdsType> fromTypeUrl(String typeUrl) {
    for (XdsType t : values()) {
      if (t.typeUrl.equals(typeUrl)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
