package org.kumaj.cp.xds;

import com.google.protobuf.Message;
import io.envoyproxy.controlplane.cache.Resources;
import io.envoyproxy.controlplane.cache.SnapshotResources;
import io.envoyproxy.controlplane.cache.VersionedResource;
import io.envoyproxy.controlplane.cache.v3.Snapshot;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Content versions of xDS resources: a resource's version is a SHA-256 of its deterministic protobuf
 * serialisation (so map order does not matter), a type's version a SHA-256 of its resources' names
 * and versions in their order. Equal resources get equal versions, so an unchanged type is never
 * resent (Kuma's {@code autoVersion}) and delta xDS sends only the resources that changed.
 *
 * <p>A resource equal to the one of the same name in the proxy's previous snapshot keeps that
 * one's {@link VersionedResource} (the same object, its version not computed again), and a type
 * whose resources all did keeps its version: a regeneration serialises and hashes only the
 * resources that changed. The serialisation hashed is the one {@link PackedResources} keeps for the
 * discovery server to send. Stateless.
 */
final class SnapshotVersions {
  private static final HexFormat HEX = HexFormat.of();

  private SnapshotVersions() {}

  /**
   * The snapshot of {@code resources}, reusing the versions of {@code previous} (may be null); new
   * resources are serialised through {@code packed}.
   */
  static Snapshot snapshot(XdsResources resources, Snapshot previous, PackedResources packed) {
    return new ProxySnapshot(
        of(resources.clusters(), previous == null ? null : previous.clusters(), packed),
        of(resources.endpoints(), previous == null ? null : previous.endpoints(), packed),
        of(resources.listeners(), previous == null ? null : previous.listeners(), packed),
        of(resources.routes(), previous == null ? null : previous.routes(), packed),
        of(resources.secrets(), previous == null ? null : previous.secrets(), packed));
  }

  /** The versioned resources of one type; {@code previous} is that type in the last snapshot, or null. */
  static <T extends Message> SnapshotResources<T> of(List<T> resources, SnapshotResources<T> previous,
      PackedResources packed) {
    Map<String, VersionedResource<T>> before = previous == null ? Map.of() : previous.versionedResources();
    List<VersionedResource<T>> kept = new ArrayList<>(resources.size());
    boolean unchanged = previous != null && before.size() == resources.size();
    for (T resource : resources) {
      VersionedResource<T> old = before.get(Resources.getResourceName(resource));
      // protobuf's equals starts with ==, and the generator shares equal resources as one object
      boolean equal = old != null && old.resource().equals(resource);
      kept.add(equal ? old : null);
      unchanged &= equal;
    }
    if (unchanged) {
      return SnapshotResources.create(kept, previous.version());
    }
    // the type's version: SHA-256 over each resource's name and version, each followed by 0
    MessageDigest type = sha256();
    MessageDigest resourceDigest = sha256(); // digest() resets it for the next resource
    List<VersionedResource<T>> versioned = new ArrayList<>(resources.size());
    for (int i = 0; i < resources.size(); i++) {
      T resource = resources.get(i);
      VersionedResource<T> entry = kept.get(i);
      if (entry == null) {
        resourceDigest.update(packed.pack(resource).getValue().asReadOnlyByteBuffer());
        entry = VersionedResource.create(resource, hex(resourceDigest.digest()));
      }
      versioned.add(entry);
      type.update(Resources.getResourceName(resource).getBytes(StandardCharsets.UTF_8));
      type.update((byte) 0);
      type.update(entry.version().getBytes(StandardCharsets.US_ASCII));
      type.update((byte) 0);
    }
    return SnapshotResources.create(versioned, hex(type.digest()));
  }

  private static String hex(byte[] digest) {
    return HEX.formatHex(digest, 0, 12);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A snapshot of resources versioned here (java-control-plane's own would hash every resource again). */
  private static final class ProxySnapshot extends Snapshot {
    private final SnapshotResources<Cluster> clusters;
    private final SnapshotResources<ClusterLoadAssignment> endpoints;
    private final SnapshotResources<Listener> listeners;
    private final SnapshotResources<RouteConfiguration> routes;
    private final SnapshotResources<Secret> secrets;

    ProxySnapshot(SnapshotResources<Cluster> clusters, SnapshotResources<ClusterLoadAssignment> endpoints,
        SnapshotResources<Listener> listeners, SnapshotResources<RouteConfiguration> routes,
        SnapshotResources<Secret> secrets) {
      this.clusters = clusters;
      this.endpoints = endpoints;
      this.listeners = listeners;
      this.routes = routes;
      this.secrets = secrets;
    }

    @Override
    public SnapshotResources<Cluster> clusters() {
      return clusters;
    }

    @Override
    public SnapshotResources<ClusterLoadAssignment> endpoints() {
      return endpoints;
    }

    @Override
    public SnapshotResources<Listener> listeners() {
      return listeners;
    }

    @Override
    public SnapshotResources<RouteConfiguration> routes() {
      return routes;
    }

    @Override
    public SnapshotResources<Secret> secrets() {
      return secrets;
    }

    // v3.Snapshot implements this, but its generic return type differs from the abstract method's in
    // cache.Snapshot, so javac wants a subclass to declare it again
    @Override
    public Map<String, VersionedResource<?>> versionedResources(Resources.ResourceType type) {
      return super.versionedResources(type);
    }
  }
}
