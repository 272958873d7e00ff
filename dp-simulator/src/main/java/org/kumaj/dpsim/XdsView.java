package org.kumaj.dpsim;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * What one simulated proxy has accepted so far: per type, the ACKed resources by name and the
 * ACKed type version, plus the time of the ACK that produced this view. Immutable; a new view is
 * made after every ACK.
 */
public final class XdsView {
  private final String proxyId;
  private final EnumMap<XdsType, Map<String, XdsResource>> resources;
  private final EnumMap<XdsType, String> versions;
  private final EnumSet<XdsType> acked;
  private final Set<String> staticClusters;
  private final long ackNanos;

  private XdsView(String proxyId, EnumMap<XdsType, Map<String, XdsResource>> resources,
      EnumMap<XdsType, String> versions, EnumSet<XdsType> acked, Set<String> staticClusters,
      long ackNanos) {
    this.proxyId = proxyId;
    this.resources = resources;
    this.versions = versions;
    this.acked = acked;
    this.staticClusters = staticClusters;
    this.ackNanos = ackNanos;
  }

  static XdsView empty(String proxyId, Set<String> staticClusters) {
    EnumMap<XdsType, Map<String, XdsResource>> resources = new EnumMap<>(XdsType.class);
    EnumMap<XdsType, String> versions = new EnumMap<>(XdsType.class);
    for (XdsType t : XdsType.values()) {
      resources.put(t, Map.of());
      versions.put(t, "");
    }
    return new XdsView(proxyId, resources, versions, EnumSet.noneOf(XdsType.class), staticClusters,
        0L);
  }

  /** Copy of this view with one type's accepted state replaced. */
  XdsView withAck(XdsType type, Map<String, XdsResource> typeResources, String version, long nanos) {
    EnumMap<XdsType, Map<String, XdsResource>> r = new EnumMap<>(resources);
    r.put(type, typeResources);
    EnumMap<XdsType, String> v = new EnumMap<>(versions);
    v.put(type, version);
    EnumSet<XdsType> a = EnumSet.copyOf(acked);
    a.add(type);
    return new XdsView(proxyId, r, v, a, staticClusters, nanos);
  }

  /** Copy of this view with a type's resources narrowed (a dependent subscription shrank). */
  XdsView withResources(XdsType type, Map<String, XdsResource> typeResources) {
    EnumMap<XdsType, Map<String, XdsResource>> r = new EnumMap<>(resources);
    r.put(type, typeResources);
    return new XdsView(proxyId, r, versions, acked, staticClusters, ackNanos);
  }

  /** Whether at least one response of this type has been ACKed. */
  public boolean acked(XdsType type) {
    return acked.contains(type);
  }

  /** The node id of the proxy. */
  public String proxyId() {
    return proxyId;
  }

  /** The accepted resources of a type, by name (unmodifiable). */
  public Map<String, XdsResource> resources(XdsType type) {
    return resources.get(type);
  }

  /** The names of the accepted resources of a type. */
  public Set<String> names(XdsType type) {
    return Collections.unmodifiableSet(resources.get(type).keySet());
  }

  /** One accepted resource. */
  public Optional<XdsResource> resource(XdsType type, String name) {
    return Optional.ofNullable(resources.get(type).get(name));
  }

  /** The last ACKed version of a type ({@code ""} before the first ACK). */
  public String version(XdsType type) {
    return versions.get(type);
  }

  /** Clusters defined statically in the bootstrap (e.g. {@code ads_cluster}), valid as references. */
  public Set<String> staticClusters() {
    return staticClusters;
  }

  /** {@link System#nanoTime()} of the ACK that produced this view, 0 for the empty view. */
  public long ackNanos() {
    return ackNanos;
  }

  /** The endpoints ({@code address:port}) of one load assignment; empty if it is not held. */
  public List<String> endpoints(String loadAssignment) {
    XdsResource cla = resources.get(XdsType.ENDPOINT).get(loadAssignment);
    return cla == null ? List.of() : cla.endpoints();
  }

  /** Whether any held load assignment contains this endpoint ({@code address:port}). */
  public boolean hasEndpoint(String hostPort) {
    for (XdsResource cla : resources.get(XdsType.ENDPOINT).values()) {
      if (cla.endpoints().contains(hostPort)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Problems in the resource graph, empty when it is complete: every route configuration and
   * cluster a listener names exists, every cluster a route configuration names exists, every EDS
   * cluster has its load assignment and every SDS secret named by a TLS context is held.
   */
  public List<String> graphProblems() {
    return GraphCheck.problems(this);
  }

  /** Whether the names and bytes of one type equal those in {@code other}. */
  public boolean sameContent(XdsType type, XdsView other) {
    Map<String, XdsResource> mine = resources.get(type);
    Map<String, XdsResource> theirs = other.resources.get(type);
    if (!mine.keySet().equals(theirs.keySet())) {
      return false;
    }
    for (Map.Entry<String, XdsResource> e : mine.entrySet()) {
      if (e.getValue().contentHash() != theirs.get(e.getKey()).contentHash()) {
        return false;
      }
    }
    return true;
  }

  /** Resource counts per type, e.g. {@code LDS=12 CDS=12 RDS=0 EDS=10 SDS=2}. */
  public String summary() {
    StringJoiner j = new StringJoiner(" ");
    for (XdsType t : XdsType.values()) {
      j.add(t.shortName() + "=" + resources.get(t).size());
    }
    return j.toString();
  }

  @Override
  public String toString() {
    return proxyId + " {" + summary() + "}";
  }
}
