package org.kumaj.dpsim;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One simulated Envoy on one ADS stream. On start it subscribes to listeners and clusters
 * (wildcard), then to the route configurations, load assignments and secrets they reference,
 * sending those subscriptions before it ACKs the listeners/clusters that caused them, as Envoy
 * does. Every response is ACKed unless the {@link NackPolicy} says otherwise or it does not parse.
 *
 * <p>What was accepted is an immutable {@link XdsView}, replaced after every ACK; waits on it are
 * conditions evaluated after each ACK ({@link #when}, {@link #await}), so tests wait with a
 * deadline and never sleep. Thread-safe: responses are handled on the gRPC callback executor,
 * one at a time per proxy.
 */
public final class SimulatedProxy implements AutoCloseable {
  private static final XdsType[] DEPENDENTS = {XdsType.ROUTE, XdsType.ENDPOINT, XdsType.SECRET};

  /** Per-type subscription state. */
  private static final class TypeState {
    /** Subscribed names; empty for a wildcard type. */
    Set<String> names = Set.of();
    boolean subscribed;
    String acceptedVersion = "";
    String lastNonce = "";
    int responses;
  }

  private record Waiter(Condition condition, CompletableFuture<Long> future) {}

  private final ProxyOptions options;
  private final XdsTarget target;
  private final Runnable release;
  private final CompletableFuture<Void> connectionAttempted;
  private final AdsSession session;
  private final Object lock = new Object();
  private final EnumMap<XdsType, TypeState> states = new EnumMap<>(XdsType.class);
  private final List<Waiter> waiters = new ArrayList<>();
  private final ArrayDeque<ResponseEvent> history = new ArrayDeque<>();
  private final long startNanos;
  private volatile XdsView view;
  private volatile ProxyStreamException failure;
  private boolean closed;
  private int responses;
  private int acks;
  private int nacks;

  SimulatedProxy(ChannelPool pool, XdsTarget target, ProxyOptions options) {
    this.options = options;
    this.target = target;
    ChannelPool.Shared shared = pool.acquire(target);
    this.release = () -> pool.release(shared);
    this.connectionAttempted = shared.attempted;
    for (XdsType t : XdsType.values()) {
      states.put(t, new TypeState());
    }
    this.view = XdsView.empty(options.nodeId(), options.staticClusters());
    AdsSession.Listener listener = new StreamListener();
    this.session = options.mode() == AdsMode.DELTA
        ? new DeltaSession(shared.channel, options, listener)
        : new SotwSession(shared.channel, options, listener);
    this.startNanos = System.nanoTime();
  }

  /** Opens the stream and subscribes to clusters, then listeners (wildcard). */
  void start() {
    synchronized (lock) {
      session.start();
      for (XdsType t : new XdsType[] {XdsType.CLUSTER, XdsType.LISTENER}) {
        TypeState st = states.get(t);
        st.subscribed = true;
        session.subscribe(t, Set.of(), Set.of(), Set.of(), "", "");
      }
    }
  }

  /** Completes when the proxy's connection has been established or has failed. */
  CompletableFuture<Void> connectionAttempted() {
    return connectionAttempted;
  }

  /** The node id. */
  public String id() {
    return options.nodeId();
  }

  /** The options the proxy runs with. */
  public ProxyOptions options() {
    return options;
  }

  /** Where the stream goes. */
  public XdsTarget target() {
    return target;
  }

  /** {@link System#nanoTime()} when the proxy was created. */
  public long startNanos() {
    return startNanos;
  }

  /** What the proxy has accepted so far. */
  public XdsView view() {
    return view;
  }

  /** The failure that ended the stream, if it ended. */
  public Optional<ProxyStreamException> failure() {
    return Optional.ofNullable(failure);
  }

  /** Responses received / ACKed / NACKed so far. */
  public int responses() {
    synchronized (lock) {
      return responses;
    }
  }

  /** ACKs sent so far. */
  public int acks() {
    synchronized (lock) {
      return acks;
    }
  }

  /** NACKs sent so far. */
  public int nacks() {
    synchronized (lock) {
      return nacks;
    }
  }

  /** The most recent responses (oldest first), at most {@link ProxyOptions#historyLimit()}. */
  public List<ResponseEvent> events() {
    synchronized (lock) {
      return List.copyOf(history);
    }
  }

  /** The subscribed names of a dependent type (route configurations, load assignments, secrets). */
  public Set<String> subscription(XdsType type) {
    synchronized (lock) {
      return Set.copyOf(states.get(type).names);
    }
  }

  /**
   * Completes with the {@link System#nanoTime()} of the ACK after which {@code condition} held
   * (the last ACK's time if it already holds), or exceptionally with {@link ProxyStreamException}
   * if the stream ends first.
   */
  public CompletableFuture<Long> when(Condition condition) {
    CompletableFuture<Long> future = new CompletableFuture<>();
    synchronized (lock) {
      if (failure != null) {
        future.completeExceptionally(failure);
        return future;
      }
      XdsView current = view;
      if (condition.test(current)) {
        future.complete(current.ackNanos() == 0 ? System.nanoTime() : current.ackNanos());
        return future;
      }
      waiters.add(new Waiter(condition, future));
    }
    return future;
  }

  /**
   * Blocks until {@code condition} holds and returns the {@link System#nanoTime()} of the ACK
   * after which it did.
   *
   * @throws AwaitTimeoutException if it does not hold within {@code timeout}
   * @throws ProxyStreamException if the stream ends first
   */
  public long await(Condition condition, Duration timeout) {
    CompletableFuture<Long> future = when(condition);
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(false);
      throw new AwaitTimeoutException("proxy " + id() + ": '" + condition.description()
          + "' did not hold within " + timeout + "; " + describeState());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ProxyStreamException p) {
        throw new ProxyStreamException(p.getMessage(), p);
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + condition, e);
    }
  }

  /** One line: what the proxy holds, its graph problems (first 5) and its failure. */
  public String describeState() {
    XdsView v = view;
    List<String> problems = v.graphProblems();
    StringBuilder sb = new StringBuilder("holds ").append(v.summary());
    synchronized (lock) {
      sb.append(", responses=").append(responses).append(" acks=").append(acks)
          .append(" nacks=").append(nacks);
    }
    if (!problems.isEmpty()) {
      sb.append(", graph problems: ")
          .append(String.join("; ", problems.subList(0, Math.min(5, problems.size()))));
      if (problems.size() > 5) {
        sb.append("; ... (").append(problems.size()).append(" in all)");
      }
    }
    if (failure != null) {
      sb.append(", stream failed: ").append(failure.getMessage());
    }
    return sb.toString();
  }

  /** Cancels the stream (as a killed Envoy would) and releases the shared channel. */
  @Override
  public void close() {
    List<Waiter> pending;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      session.cancel("proxy closed by the simulator");
      if (failure == null) {
        failure = new ProxyStreamException("proxy " + id() + " was closed", null);
      }
      pending = drainWaiters();
    }
    pending.forEach(w -> w.future.completeExceptionally(failure));
    release.run();
  }

  /** Receives the stream's events on its callback thread. */
  private final class StreamListener implements AdsSession.Listener {
    @Override
    public void onUpdate(AdsSession.Update update) {
      handleUpdate(update);
    }

    @Override
    public void onUnknownType(String typeUrl, String nonce) {
      handleUnknownType(typeUrl, nonce);
    }

    @Override
    public void onStreamError(Throwable error) {
      fail(new ProxyStreamException("proxy " + id() + ": " + StreamErrors.describe(target, error),
          error));
    }

    @Override
    public void onStreamCompleted() {
      fail(new ProxyStreamException("proxy " + id() + ": the control plane at " + target
          + " ended the ADS stream", null));
    }
  }

  private void handleUpdate(AdsSession.Update u) {
    long received = System.nanoTime();
    List<Waiter> satisfied = List.of();
    long ackNanos;
    synchronized (lock) {
      if (closed) {
        return;
      }
      XdsType type = u.type();
      TypeState st = states.get(type);
      st.lastNonce = u.nonce();
      st.responses++;
      responses++;
      Map<String, XdsResource> incoming = new LinkedHashMap<>();
      String error = parse(u, st, incoming);
      String nack = error != null ? error : options.nackPolicy().decide(new XdsResponse(type,
          u.version(), u.nonce(), List.copyOf(incoming.keySet()), u.removed(), st.responses));
      if (nack != null) {
        session.nack(type.typeUrl(), st.names, st.acceptedVersion, u.nonce(), nack);
        nacks++;
        record(new ResponseEvent(type, u.version(), u.nonce(), u.resources().size(),
            u.removed().size(), received, System.nanoTime(), nack));
        return;
      }
      Map<String, XdsResource> next = apply(u, st, incoming);
      st.acceptedVersion = u.version();
      XdsView staged = view.withAck(type, Map.copyOf(next), u.version(), 0L);
      if (type == XdsType.LISTENER || type == XdsType.CLUSTER) {
        staged = updateDependents(staged);
      }
      session.ack(type, st.names, u.version(), u.nonce());
      acks++;
      ackNanos = System.nanoTime();
      view = staged.withAck(type, staged.resources(type), u.version(), ackNanos);
      record(new ResponseEvent(type, u.version(), u.nonce(), u.resources().size(),
          u.removed().size(), received, ackNanos, null));
      if (!waiters.isEmpty()) {
        satisfied = satisfiedWaiters(view);
      }
    }
    for (Waiter w : satisfied) {
      w.future.complete(ackNanos);
    }
  }

  /** Parses the response into {@code out}; returns a NACK message if something does not parse. */
  private String parse(AdsSession.Update u, TypeState st, Map<String, XdsResource> out) {
    for (AdsSession.Incoming in : u.resources()) {
      try {
        Any any = Inspector.unwrap(in.resource());
        Inspector.Inspected inspected = Inspector.inspect(u.type(), any);
        String name = in.name() == null || in.name().isEmpty() ? inspected.name() : in.name();
        if (!u.type().wildcard() && !st.names.contains(name)) {
          continue; // Envoy ignores resources it did not ask for
        }
        out.put(name, new XdsResource(u.type(), name, in.version(), any, options.retainPayloads(),
            inspected.refs()));
      } catch (InvalidProtocolBufferException e) {
        return "cannot parse " + u.type().shortName() + " resource " + in.name() + ": "
            + e.getMessage();
      }
    }
    return null;
  }

  /** The accepted resources of the response's type once it is applied. */
  private Map<String, XdsResource> apply(AdsSession.Update u, TypeState st,
      Map<String, XdsResource> incoming) {
    Map<String, XdsResource> current = view.resources(u.type());
    if (u.stateOfTheWorld()) {
      if (u.type().wildcard()) {
        return incoming;
      }
      // SotW for named types: absent names are not updated, unsubscribed ones are gone
      Map<String, XdsResource> next = new HashMap<>();
      current.forEach((k, v) -> {
        if (st.names.contains(k)) {
          next.put(k, v);
        }
      });
      next.putAll(incoming);
      return next;
    }
    Map<String, XdsResource> next = new HashMap<>(current);
    u.removed().forEach(next::remove);
    next.putAll(incoming);
    return next;
  }

  /**
   * Recomputes what listeners and clusters reference; subscribes to new names and drops
   * unreferenced ones (sending the changes before the ACK of the listeners/clusters).
   */
  private XdsView updateDependents(XdsView staged) {
    XdsView result = staged;
    for (XdsType dep : DEPENDENTS) {
      Set<String> wanted = referenced(staged, dep);
      TypeState st = states.get(dep);
      if (wanted.equals(st.names)) {
        continue;
      }
      Set<String> added = new TreeSet<>(wanted);
      added.removeAll(st.names);
      Set<String> removed = new TreeSet<>(st.names);
      removed.removeAll(wanted);
      st.names = Set.copyOf(wanted);
      // SotW cannot express "no names" (an empty list means wildcard), so an emptied
      // subscription is only dropped locally, as it is by a delta proxy that unsubscribes.
      if (!(wanted.isEmpty() && options.mode() == AdsMode.SOTW)) {
        session.subscribe(dep, st.names, added, removed, st.acceptedVersion, st.lastNonce);
        st.subscribed = true;
      }
      if (!removed.isEmpty()) {
        Map<String, XdsResource> kept = new HashMap<>(result.resources(dep));
        kept.keySet().retainAll(wanted);
        result = result.withResources(dep, Map.copyOf(kept));
      }
    }
    return result;
  }

  private static Set<String> referenced(XdsView v, XdsType dep) {
    Set<String> names = new HashSet<>();
    switch (dep) {
      case ROUTE -> v.resources(XdsType.LISTENER).values()
          .forEach(l -> names.addAll(l.refs().routeConfigs()));
      case ENDPOINT -> v.resources(XdsType.CLUSTER).values().forEach(c -> {
        if (c.refs().edsName() != null) {
          names.add(c.refs().edsName());
        }
      });
      case SECRET -> {
        v.resources(XdsType.LISTENER).values().forEach(l -> names.addAll(l.refs().secrets()));
        v.resources(XdsType.CLUSTER).values().forEach(c -> names.addAll(c.refs().secrets()));
      }
      default -> throw new IllegalArgumentException(dep + " is not a dependent type");
    }
    return names;
  }

  private void handleUnknownType(String typeUrl, String nonce) {
    long received = System.nanoTime();
    synchronized (lock) {
      if (closed) {
        return;
      }
      responses++;
      nacks++;
      String message = "unsupported type " + typeUrl;
      session.nack(typeUrl, Set.of(), "", nonce, message);
      record(new ResponseEvent(null, "", nonce, 0, 0, received, System.nanoTime(), message));
    }
  }

  private void fail(ProxyStreamException e) {
    List<Waiter> pending;
    synchronized (lock) {
      if (closed || failure != null) {
        return;
      }
      failure = e;
      pending = drainWaiters();
    }
    pending.forEach(w -> w.future.completeExceptionally(e));
  }

  private List<Waiter> drainWaiters() {
    List<Waiter> out = new ArrayList<>(waiters);
    waiters.clear();
    return out;
  }

  private List<Waiter> satisfiedWaiters(XdsView v) {
    List<Waiter> done = new ArrayList<>();
    waiters.removeIf(w -> {
      if (w.future.isDone()) {
        return true; // cancelled by a timed-out await
      }
      if (w.condition.test(v)) {
        done.add(w);
        return true;
      }
      return false;
    });
    return done;
  }

  private void record(ResponseEvent e) {
    if (history.size() == options.historyLimit()) {
      history.removeFirst();
    }
    history.addLast(e);
  }

  @Override
  public String toString() {
    return "SimulatedProxy " + id() + " (" + options.mode() + ", " + target + ")";
  }
}
