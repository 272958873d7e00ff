package org.kumaj.cp.xds;

import io.envoyproxy.controlplane.cache.v3.SimpleCache;
import io.envoyproxy.controlplane.cache.v3.Snapshot;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.events.EventBus;
import org.kumaj.cp.events.ResourceChangedEvent;
import org.kumaj.cp.xds.generator.ProxyGenerator;
import org.kumaj.model.Resource;
import org.kumaj.model.mesh.Mesh;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns store changes into new snapshots, event-driven (Kuma polls every second; we don't): a
 * change marks its mesh dirty; after a short quiet window ({@code xdsServer.pushDebounceWindow}),
 * and never later than {@code xdsServer.pushMaxDelay} after the first change, the mesh view is
 * rebuilt once and every connected proxy of the mesh gets a regenerated snapshot. Per-type content
 * versions mean a type whose resources did not change is not resent. A proxy that connects gets its
 * snapshot at once. Thread-safe.
 */
@Singleton
@Requires(property = "kumaj.listeners.dp-server.port")
final class SnapshotPusher implements ConnectedProxies.Listener {
  private static final Logger LOG = LoggerFactory.getLogger("xds.push");

  private final SimpleCache<String> cache;
  private final MeshViews views;
  private final ConnectedProxies proxies;
  private final ProxyGenerator generator;
  private final ProxyIdentities identities;
  private final EventBus events;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService workers;
  private final long quietMillis;
  private final long maxDelayMillis;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final Map<String, MeshView> lastViews = new ConcurrentHashMap<>();
  private AutoCloseable subscription;

  /** A mesh waiting for regeneration: when it first became dirty and the scheduled run. */
  private record Pending(long firstDirtyNanos, java.util.concurrent.ScheduledFuture<?> run) {}

  SnapshotPusher(SimpleCache<String> cache, MeshViews views, ConnectedProxies proxies, ProxyGenerator generator,
      ProxyIdentities identities, EventBus events, XdsExecutors executors, KumaConfig config) {
    this.cache = cache;
    this.views = views;
    this.proxies = proxies;
    this.generator = generator;
    this.identities = identities;
    this.events = events;
    this.scheduler = executors.scheduler();
    this.workers = executors.workers();
    this.quietMillis = config.duration("xdsServer.pushDebounceWindow").toMillis();
    this.maxDelayMillis = config.duration("xdsServer.pushMaxDelay").toMillis();
  }

  @PostConstruct
  void start() {
    subscription = events.subscribe(this::changed);
    proxies.addListener(this);
  }

  @PreDestroy
  void stop() throws Exception {
    if (subscription != null) {
      subscription.close();
    }
  }

  private void changed(ResourceChangedEvent event) {
    String mesh = event.type().equals(Mesh.TYPE) ? event.name() : event.mesh();
    if (!mesh.isEmpty()) {
      markDirty(mesh);
    }
  }

  /** Schedules a regeneration of {@code mesh}, coalescing bursts of changes. */
  void markDirty(String mesh) {
    lastViews.remove(mesh);
    pending.compute(mesh, (m, current) -> {
      long now = System.nanoTime();
      long first = current == null ? now : current.firstDirtyNanos();
      if (current != null) {
        current.run().cancel(false);
      }
      long deadline = first + TimeUnit.MILLISECONDS.toNanos(maxDelayMillis);
      long delay = Math.max(0, Math.min(TimeUnit.MILLISECONDS.toNanos(quietMillis), deadline - now));
      return new Pending(first, scheduler.schedule(() -> fire(m), delay, TimeUnit.NANOSECONDS));
    });
  }

  private void fire(String mesh) {
    pending.remove(mesh);
    workers.execute(() -> regenerateMesh(mesh));
  }

  private void regenerateMesh(String mesh) {
    if (proxies.inMesh(mesh).isEmpty()) {
      return;
    }
    Optional<MeshView> view = view(mesh);
    for (ConnectedProxies.Connection connection : proxies.inMesh(mesh)) {
      push(connection, view);
    }
  }

  @Override
  public void connected(ConnectedProxies.Connection connection) {
    workers.execute(() -> push(connection, view(connection.id().mesh())));
  }

  @Override
  public void disconnected(ConnectedProxies.Connection connection) {
    cache.clearSnapshot(connection.id().toString());
  }

  private Optional<MeshView> view(String mesh) {
    MeshView cached = lastViews.get(mesh);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<MeshView> built = views.build(mesh);
    built.ifPresent(v -> lastViews.put(mesh, v));
    return built;
  }

  private void push(ConnectedProxies.Connection connection, Optional<MeshView> view) {
    if (view.isEmpty() || !proxies.isConnected(connection.id())) {
      return;
    }
    try {
      Optional<Resource> dataplane = view.get().dataplanes().stream()
          .filter(d -> d.meta().name().equals(connection.id().name())).findFirst();
      if (dataplane.isEmpty()) {
        return;
      }
      ProxyContext context = new ProxyContext(connection.id(), dataplane.get(), view.get(), connection.metadata(),
          identities.identityFor(connection.id(), dataplane.get(), view.get().mesh()));
      XdsResources resources = generator.generate(context);
      cache.setSnapshot(connection.id().toString(), Snapshot.create(
          resources.clusters(), SnapshotVersions.of(resources.clusters()),
          resources.endpoints(), SnapshotVersions.of(resources.endpoints()),
          resources.listeners(), SnapshotVersions.of(resources.listeners()),
          resources.routes(), SnapshotVersions.of(resources.routes()),
          resources.secrets(), SnapshotVersions.of(resources.secrets())));
    } catch (RuntimeException e) {
      LOG.error("could not generate the configuration of {}", connection.id(), e);
    }
  }
}
