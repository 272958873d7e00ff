package org.kumaj.cp.xds;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.kumaj.model.mesh.DiscoverySubscription;

/**
 * The data plane proxies connected to this instance over ADS, by stream. A proxy is connected while
 * at least one of its streams is open. Listeners hear of first connections and last disconnections.
 * Thread-safe.
 */
@Singleton
@Requires(property = "kumaj.listeners.dp-server.port")
public final class ConnectedProxies {
  /**
   * One proxy's connection.
   *
   * @param id the proxy
   * @param metadata what it reported in its node metadata
   * @param dataplaneResource the Dataplane JSON it registers on connect, or empty
   * @param version the kuma-dp and Envoy builds it reported (node metadata {@code version})
   * @param connectedAt when its first stream opened
   */
  public record Connection(ProxyId id, ProxyMetadata metadata, String dataplaneResource,
      DiscoverySubscription.Version version, Instant connectedAt) {}

  /** Hears of proxies connecting and disconnecting. Called on the stream's thread; must be quick. */
  public interface Listener {
    void connected(Connection connection);

    void disconnected(Connection connection);
  }

  private final Clock clock;
  private final Map<Long, Connection> byStream = new ConcurrentHashMap<>();
  private final Map<ProxyId, List<Long>> streamsByProxy = new ConcurrentHashMap<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();

  ConnectedProxies(Clock clock) {
    this.clock = clock;
  }

  public void addListener(Listener listener) {
    listeners.add(listener);
  }

  /** Records that {@code streamId} belongs to proxy {@code id}; returns false if already recorded. */
  boolean register(long streamId, ProxyId id, ProxyMetadata metadata, String dataplaneResource,
      DiscoverySubscription.Version version) {
    Connection connection = new Connection(id, metadata, dataplaneResource, version, clock.instant());
    if (byStream.putIfAbsent(streamId, connection) != null) {
      return false;
    }
    boolean[] first = {false};
    streamsByProxy.compute(id, (k, streams) -> {
      List<Long> next = streams == null ? new ArrayList<>() : new ArrayList<>(streams);
      first[0] = next.isEmpty();
      next.add(streamId);
      return next;
    });
    if (first[0]) {
      listeners.forEach(l -> l.connected(connection));
    }
    return true;
  }

  /** Forgets {@code streamId}; tells listeners when it was the proxy's last stream. */
  void unregister(long streamId) {
    Connection connection = byStream.remove(streamId);
    if (connection == null) {
      return;
    }
    boolean[] last = {false};
    streamsByProxy.computeIfPresent(connection.id(), (k, streams) -> {
      List<Long> next = new ArrayList<>(streams);
      next.remove(streamId);
      last[0] = next.isEmpty();
      return next.isEmpty() ? null : next;
    });
    if (last[0]) {
      listeners.forEach(l -> l.disconnected(connection));
    }
  }

  /** The proxy a stream belongs to, once its first request was seen. */
  public Optional<Connection> connection(long streamId) {
    return Optional.ofNullable(byStream.get(streamId));
  }

  /** The connection of proxy {@code id} (its oldest open stream), if it is connected. */
  public Optional<Connection> connection(ProxyId id) {
    List<Long> streams = streamsByProxy.get(id);
    return streams == null || streams.isEmpty() ? Optional.empty() : Optional.ofNullable(byStream.get(streams.get(0)));
  }

  /** The connected proxies of {@code mesh}, one entry per proxy. */
  public List<Connection> inMesh(String mesh) {
    List<Connection> out = new ArrayList<>();
    for (Map.Entry<ProxyId, List<Long>> e : streamsByProxy.entrySet()) {
      if (e.getKey().mesh().equals(mesh)) {
        Connection c = byStream.get(e.getValue().get(0));
        if (c != null) {
          out.add(c);
        }
      }
    }
    return out;
  }

  public boolean isConnected(ProxyId id) {
    return streamsByProxy.containsKey(id);
  }

  /** How many proxies are connected. */
  public int size() {
    return streamsByProxy.size();
  }
}
