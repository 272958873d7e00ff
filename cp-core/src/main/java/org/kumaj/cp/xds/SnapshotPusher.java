package org.kumaj.cp.xds;

import io.envoyproxy.controlplane.cache.StatusInfo;
import io.envoyproxy.controlplane.cache.v3.SimpleCache;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.kumaj.cp.config.KumaConfig;
import org.kumaj.cp.events.EventBus;
import org.kumaj.cp.events.ResourceChangedEvent;
import org.kumaj.cp.xds.generator.ProxyGenerator;
import org.kumaj.model.Resource;
import org.kumaj.model.ResourceType;
import org.kumaj.model.mesh.Dataplane;
import org.kumaj.model.mesh.Mesh;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns store changes into new snapshots, event-driven (Kuma polls every second; we don't).
 *
 * <ul>
 *   <li>A change of a resource the configuration is made of (anything but the insights the control
 *       plane writes itself) marks its mesh dirty. After a short quiet window
 *       ({@code xdsServer.pushDebounceWindow}), and never later than {@code xdsServer.pushMaxDelay}
 *       after the first change, the mesh view is rebuilt once.
 *   <li>Only the proxies the difference can affect are regenerated: all of them when the Mesh
 *       changed; otherwise the proxies whose own Dataplane changed and those with an outbound to a
 *       service whose endpoints changed (a proxy's configuration is made of its Dataplane, the Mesh
 *       and the endpoints of its outbound services). Regeneration is spread over the xDS worker
 *       threads; one regeneration per mesh runs at a time.
 *   <li>Per-type content versions mean a type whose resources did not change is not resent; a
 *       snapshot made from an older view never replaces one made from a newer view.
 *   <li>A proxy that connects gets its snapshot at once. A proxy with an mTLS identity is
 *       regenerated on its own when its certificate is due for rotation ({@link
 *       ProxyIdentities#nextRotation}: 4/5 of its lifetime, Kuma's {@code ExpiringSoon}), so
 *       rotation needs no store change and no polling.
 * </ul>
 *
 * <p>Thread-safe.
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
  private final PackedResources packed;
  private final EventBus events;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService workers;
  private final int parallelism;
  private final long quietMillis;
  private final long maxDelayMillis;
  private final Clock clock;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final Map<String, MeshState> meshes = new ConcurrentHashMap<>();
  private final Map<ProxyId, ProxyState> states = new ConcurrentHashMap<>();
  private AutoCloseable subscription;

  /** A mesh waiting for regeneration: when it first became dirty and the scheduled run. */
  private record Pending(long firstDirtyNanos, ScheduledFuture<?> run) {}

  /** A mesh view and how many changes of the mesh it includes (higher is newer). */
  private record Versioned(MeshView view, long seq) {}

  /** Per mesh: changes seen, the cached view, the view of the last regeneration, whether one runs. */
  private static final class MeshState {
    final AtomicLong changes = new AtomicLong();
    volatile Versioned cached;
    Versioned regenerated; // guarded by this
    boolean running; // guarded by this
    boolean again; // guarded by this
  }

  /**
   * Per connected proxy, guarded by itself: the seq of the view its configuration was made from (or
   * found equal to; -1 while it has none, or after a failed generation it keeps its last), its
   * rotation, its failure.
   */
  private static final class ProxyState {
    long seq = -1;
    ScheduledFuture<?> rotation;
    String failure;
    boolean gone;
  }

  SnapshotPusher(SimpleCache<String> cache, MeshViews views, ConnectedProxies proxies, ProxyGenerator generator,
      ProxyIdentities identities, PackedResources packed, EventBus events, XdsExecutors executors,
      KumaConfig config, Clock clock) {
    this.cache = cache;
    this.views = views;
    this.proxies = proxies;
    this.generator = generator;
    this.identities = identities;
    this.packed = packed;
    this.events = events;
    this.scheduler = executors.scheduler();
    this.workers = executors.workers();
    this.parallelism = executors.parallelism();
    this.quietMillis = config.duration("xdsServer.pushDebounceWindow").toMillis();
    this.maxDelayMillis = config.duration("xdsServer.pushMaxDelay").toMillis();
    this.clock = clock;
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
    if (!shapesConfiguration(event.type())) {
      return;
    }
    String mesh = event.type().equals(Mesh.TYPE) ? event.name() : event.mesh();
    if (!mesh.isEmpty()) {
      markDirty(mesh);
    }
  }

  /**
   * Whether resources of {@code type} can change a proxy's configuration: everything but the
   * insights (DataplaneInsight, MeshInsight, ServiceInsight, ...), which the control plane itself
   * writes as proxies connect and ACK; reacting to those would regenerate a mesh on every ACK.
   */
  static boolean shapesConfiguration(ResourceType type) {
    return !type.name().endsWith("Insight");
  }

  private MeshState mesh(String mesh) {
    return meshes.computeIfAbsent(mesh, m -> new MeshState());
  }

  /** Schedules a regeneration of {@code mesh}, coalescing bursts of changes. */
  void markDirty(String mesh) {
    MeshState state = mesh(mesh);
    state.changes.incrementAndGet();
    state.cached = null;
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
    MeshState state = mesh(mesh);
    synchronized (state) {
      if (state.running) {
        state.again = true; // the running regeneration runs once more when it is done
        return;
      }
      state.running = true;
    }
    execute(() -> regenerateMesh(mesh, state));
  }

  private void regenerateMesh(String mesh, MeshState state) {
    List<ConnectedProxies.Connection> todo = List.of();
    long start = System.nanoTime();
    try {
      List<ConnectedProxies.Connection> connected = proxies.inMesh(mesh);
      Optional<Versioned> view = connected.isEmpty() ? Optional.empty() : view(mesh);
      long built = System.nanoTime();
      if (view.isPresent()) {
        Versioned previous;
        synchronized (state) {
          previous = state.regenerated;
          state.regenerated = view.get();
        }
        todo = new ArrayList<>();
        List<ConnectedProxies.Connection> current = new ArrayList<>();
        for (ConnectedProxies.Connection c : connected) {
          // a proxy whose configuration was not made from the previous view (it connected since,
          // or its generation failed) cannot be judged by the difference: regenerate it
          (previous != null && pushedSeq(c.id()) == previous.seq() ? current : todo).add(c);
        }
        List<ConnectedProxies.Connection> changed = affected(previous == null ? null : previous.view(),
            view.get().view(), current);
        todo.addAll(changed);
        // the same objects as in current; not List.removeAll, which is O(n*m) with record equals
        Set<ConnectedProxies.Connection> regenerate = Collections.newSetFromMap(new IdentityHashMap<>());
        regenerate.addAll(changed);
        current.forEach(c -> {
          if (!regenerate.contains(c)) {
            unchangedAt(c.id(), previous.seq(), view.get().seq());
          }
        });
        int regenerated = todo.size();
        pushAll(todo, view.get(), () -> {
          if (LOG.isDebugEnabled()) {
            LOG.debug("mesh {}: regenerated {} of {} proxies in {} ms (view {} ms)", mesh, regenerated,
                connected.size(), (System.nanoTime() - start) / 1_000_000, (built - start) / 1_000_000);
          }
          finished(mesh, state);
        });
        return;
      }
    } catch (RuntimeException e) {
      LOG.error("could not regenerate mesh {}", mesh, e);
    }
    finished(mesh, state);
  }

  /** Ends a regeneration of {@code mesh}; starts the next one when changes came in meanwhile. */
  private void finished(String mesh, MeshState state) {
    boolean again;
    synchronized (state) {
      again = state.again;
      state.again = false;
      state.running = again;
    }
    if (again) {
      execute(() -> regenerateMesh(mesh, state));
    }
  }

  /**
   * Pushes {@code todo} in up to {@link #parallelism} slices, the first on this thread; then {@code done}.
   * Even a handful of proxies (the subscribers of one service whose endpoints changed) is spread over
   * the workers: each costs a full generation, and that latency is what the change waits for.
   */
  private void pushAll(List<ConnectedProxies.Connection> todo, Versioned view, Runnable done) {
    int slices = Math.max(1, Math.min(parallelism, todo.size() / 2));
    AtomicInteger left = new AtomicInteger(slices);
    for (int s = slices - 1; s >= 0; s--) {
      List<ConnectedProxies.Connection> slice = new ArrayList<>();
      for (int i = s; i < todo.size(); i += slices) {
        slice.add(todo.get(i));
      }
      Runnable run = () -> {
        try {
          slice.forEach(c -> push(c, view));
        } finally {
          if (left.decrementAndGet() == 0) {
            done.run();
          }
        }
      };
      if (s == 0) {
        run.run();
      } else {
        execute(run);
      }
    }
  }

  /**
   * The connections whose configuration can differ between the two views: all when there is no
   * previous view or the Mesh changed; else those whose Dataplane changed or that have an outbound
   * (or transparent proxying, which reaches every service) to a service whose endpoints changed.
   */
  static List<ConnectedProxies.Connection> affected(MeshView before, MeshView after,
      List<ConnectedProxies.Connection> connected) {
    if (before == null || !before.mesh().equals(after.mesh())) {
      return connected;
    }
    Set<String> services = new HashSet<>(before.endpoints().keySet());
    services.addAll(after.endpoints().keySet());
    services.removeIf(s -> Objects.equals(before.endpoints().get(s), after.endpoints().get(s)));
    List<ConnectedProxies.Connection> out = new ArrayList<>();
    for (ConnectedProxies.Connection c : connected) {
      Optional<Resource> now = after.dataplane(c.id().name());
      if (!now.equals(before.dataplane(c.id().name())) || (!services.isEmpty() && reaches(now, services))) {
        out.add(c);
      }
    }
    return out;
  }

  private static boolean reaches(Optional<Resource> dataplane, Set<String> services) {
    if (dataplane.isEmpty()) {
      return false;
    }
    Dataplane.Networking networking = dataplane.get().spec(Dataplane.class).networking();
    if (networking == null) {
      return false;
    }
    if (networking.transparentProxying() != null) {
      return true;
    }
    if (networking.outbound() != null) {
      for (Dataplane.Outbound o : networking.outbound()) {
        if (o != null && services.contains(o.service())) {
          return true;
        }
      }
    }
    return false;
  }

  /** The seq of the view the proxy's configuration was last made from (or found equal to). */
  private long pushedSeq(ProxyId id) {
    ProxyState state = states.get(id);
    if (state == null) {
      return -1;
    }
    synchronized (state) {
      return state.seq;
    }
  }

  /** The proxy's configuration made from view {@code from} is also that of view {@code to}. */
  private void unchangedAt(ProxyId id, long from, long to) {
    ProxyState state = states.get(id);
    if (state != null) {
      synchronized (state) {
        if (state.seq == from) {
          state.seq = to;
        }
      }
    }
  }

  @Override
  public void connected(ConnectedProxies.Connection connection) {
    states.put(connection.id(), new ProxyState());
    execute(() -> view(connection.id().mesh()).ifPresent(v -> push(connection, v)));
  }

  @Override
  public void disconnected(ConnectedProxies.Connection connection) {
    ProxyId id = connection.id();
    ProxyState state = states.remove(id);
    if (state != null) {
      synchronized (state) {
        state.gone = true;
        if (state.rotation != null) {
          state.rotation.cancel(false);
        }
      }
    }
    identities.forget(id);
    // The stream's watches are cancelled only after the close callbacks ran; clearing now would be
    // refused (and logged) by the cache, so the snapshot is dropped a moment later.
    schedule(() -> collect(id, 3), 1000);
  }

  /** Drops the snapshot of a proxy that stayed disconnected; retries while its watches linger. */
  private void collect(ProxyId id, int attempts) {
    if (proxies.isConnected(id)) {
      return;
    }
    String group = id.toString();
    StatusInfo<String> status = cache.statusInfo(group);
    if (status != null && status.numWatches() > 0 && attempts > 1) {
      schedule(() -> collect(id, attempts - 1), 1000);
      return;
    }
    cache.clearSnapshot(group);
  }

  /**
   * The current view of {@code mesh}: the cached one, or a new one (cached unless the mesh changed
   * while it was built), or empty when the mesh does not exist.
   */
  private Optional<Versioned> view(String mesh) {
    MeshState state = mesh(mesh);
    Versioned cached = state.cached;
    if (cached != null) {
      return Optional.of(cached);
    }
    long seq = state.changes.get();
    Optional<MeshView> built = views.build(mesh);
    if (built.isEmpty()) {
      return Optional.empty();
    }
    Versioned v = new Versioned(built.get(), seq);
    if (state.changes.get() == seq) {
      state.cached = v;
      if (state.changes.get() != seq) {
        state.cached = null; // a change raced the caching; the next caller builds again
      }
    }
    return Optional.of(v);
  }

  private void push(ConnectedProxies.Connection connection, Versioned view) {
    ProxyId id = connection.id();
    ProxyState state = states.get(id);
    if (state == null) {
      return;
    }
    synchronized (state) {
      if (state.gone || view.seq() < state.seq) {
        return; // disconnected, or a newer view was pushed already
      }
      try {
        generateAndSet(connection, view.view());
        state.seq = view.seq();
        state.failure = null;
      } catch (RuntimeException e) {
        // one line per proxy and cause, not one per push while the cause persists
        String cause = e.getClass().getName() + ": " + e.getMessage();
        if (!cause.equals(state.failure)) {
          LOG.error("could not generate the configuration of {}", id, e);
        }
        state.failure = cause;
      }
      scheduleRotation(id, state);
    }
  }

  /** Arranges a regeneration of proxy {@code id} when its identity is next due, if ever. */
  private void scheduleRotation(ProxyId id, ProxyState state) {
    Optional<Instant> due = identities.nextRotation(id);
    if (due.isEmpty()) {
      if (state.rotation != null) {
        state.rotation.cancel(false);
        state.rotation = null;
      }
      return;
    }
    // just after the due time: the identity's check is "now is after the rotation time"
    long delayMillis = Math.max(0, Duration.between(clock.instant(), due.get()).toMillis() + 1);
    if (state.rotation != null && !state.rotation.isDone()) {
      if (Math.abs(state.rotation.getDelay(TimeUnit.MILLISECONDS) - delayMillis) < 10) {
        return;
      }
      state.rotation.cancel(false);
    }
    state.rotation = schedule(() -> execute(() -> rotate(id)), delayMillis);
  }

  private void rotate(ProxyId id) {
    proxies.connection(id).ifPresent(c -> view(id.mesh()).ifPresent(v -> push(c, v)));
  }

  private void generateAndSet(ConnectedProxies.Connection connection, MeshView view) {
    Optional<Resource> dataplane = view.dataplane(connection.id().name());
    if (dataplane.isEmpty()) {
      return;
    }
    ProxyContext context = new ProxyContext(connection.id(), dataplane.get(), view, connection.metadata(),
        identities.identityFor(connection.id(), dataplane.get(), view.mesh()));
    XdsResources resources = generator.generate(context);
    String group = connection.id().toString();
    // pushes of one proxy are serialised (its ProxyState), so the previous snapshot is its own
    cache.setSnapshot(group, SnapshotVersions.snapshot(resources, cache.getSnapshot(group), packed));
  }

  private void execute(Runnable task) {
    try {
      workers.execute(task);
    } catch (RejectedExecutionException stopping) {
      LOG.debug("xDS workers stopped; dropping a task");
    }
  }

  private ScheduledFuture<?> schedule(Runnable task, long delayMillis) {
    try {
      return scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopping) {
      LOG.debug("xDS scheduler stopped; dropping a task");
      return null;
    }
  }
}
