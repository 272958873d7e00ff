package org.kumaj.dpsim;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Many simulated proxies in one JVM. All of them share one Netty event loop group (a few
 * threads), one callback executor and a pool of gRPC channels: by default every proxy gets its
 * own HTTP/2 connection as an Envoy would, or up to {@code proxiesPerConnection} proxies share
 * one. Per proxy the simulator keeps only the stream, the accepted resources and a short event
 * history. Thread-safe; close it to stop every proxy and free the threads.
 */
public final class DpSimulator implements AutoCloseable {
  private final EventLoopGroup eventLoops;
  private final ExecutorService callbacks;
  private final ChannelPool channels;
  private final Set<SimulatedProxy> proxies = ConcurrentHashMap.newKeySet();
  private final Semaphore connecting;

  private DpSimulator(Builder b) {
    this.eventLoops = new MultiThreadIoEventLoopGroup(b.eventLoopThreads,
        daemonThreads("dpsim-io-"), NioIoHandler.newFactory());
    this.callbacks = Executors.newFixedThreadPool(b.callbackThreads, daemonThreads("dpsim-cb-"));
    this.channels = new ChannelPool(eventLoops, callbacks, b.proxiesPerConnection,
        b.maxInboundMessageBytes);
    this.connecting = new Semaphore(b.maxConcurrentConnects);
  }

  /** A simulator with default settings. */
  public static DpSimulator create() {
    return builder().build();
  }

  /** Settings of the shared resources. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Creates a proxy and opens its ADS stream; it subscribes at once. Blocks while
   * {@code maxConcurrentConnects} connections are still being established (TCP + TLS), so that
   * a thousand proxies started in a loop do not time out each other's TLS handshakes.
   */
  public SimulatedProxy connect(XdsTarget target, ProxyOptions options) {
    connecting.acquireUninterruptibly();
    SimulatedProxy proxy;
    try {
      proxy = new SimulatedProxy(channels, target, options);
    } catch (RuntimeException e) {
      connecting.release();
      throw e;
    }
    proxy.connectionAttempted().whenComplete((v, e) -> connecting.release());
    proxies.add(proxy);
    proxy.start();
    return proxy;
  }

  /** The proxies created and not yet closed through {@link #closeProxies}. */
  public List<SimulatedProxy> proxies() {
    return List.copyOf(proxies);
  }

  /** Closes these proxies (cancels their streams). */
  public void closeProxies(Collection<SimulatedProxy> toClose) {
    for (SimulatedProxy p : toClose) {
      p.close();
      proxies.remove(p);
    }
  }

  /** gRPC connections currently open. */
  public int openConnections() {
    return channels.openChannels();
  }

  /**
   * Waits until every proxy satisfies its condition and returns, per proxy in the given order, the
   * {@link System#nanoTime()} of the ACK after which it did.
   *
   * @throws AwaitTimeoutException naming the proxies that did not make it (first 5, with state)
   * @throws ProxyStreamException if a proxy's stream ended first
   */
  public static Map<SimulatedProxy, Long> awaitAll(Collection<SimulatedProxy> proxies,
      Function<SimulatedProxy, Condition> condition, Duration timeout) {
    Map<SimulatedProxy, CompletableFuture<Long>> futures = new LinkedHashMap<>();
    for (SimulatedProxy p : proxies) {
      futures.put(p, p.when(condition.apply(p)));
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<SimulatedProxy, Long> out = new LinkedHashMap<>();
    List<SimulatedProxy> late = new ArrayList<>();
    for (Map.Entry<SimulatedProxy, CompletableFuture<Long>> e : futures.entrySet()) {
      try {
        long left = Math.max(0, deadline - System.nanoTime());
        out.put(e.getKey(), e.getValue().get(left, TimeUnit.NANOSECONDS));
      } catch (TimeoutException ex) {
        late.add(e.getKey());
      } catch (ExecutionException ex) {
        futures.values().forEach(f -> f.cancel(false));
        if (ex.getCause() instanceof ProxyStreamException p) {
          throw new ProxyStreamException(p.getMessage(), p);
        }
        throw new IllegalStateException(ex.getCause());
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", ex);
      }
    }
    if (!late.isEmpty()) {
      futures.values().forEach(f -> f.cancel(false));
      StringBuilder sb = new StringBuilder().append(late.size()).append(" of ")
          .append(proxies.size()).append(" proxies did not reach '")
          .append(condition.apply(late.get(0)).description()).append("' within ").append(timeout);
      for (SimulatedProxy p : late.subList(0, Math.min(5, late.size()))) {
        sb.append("\n  ").append(p.id()).append(": ").append(p.describeState());
      }
      throw new AwaitTimeoutException(sb.toString());
    }
    return out;
  }

  /** Closes every proxy, the channels and the threads. */
  @Override
  public void close() {
    closeProxies(List.copyOf(proxies));
    channels.close();
    // let callbacks in flight finish (they may still write to the event loops), then stop those
    callbacks.shutdown();
    try {
      if (!callbacks.awaitTermination(5, TimeUnit.SECONDS)) {
        callbacks.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      callbacks.shutdownNow();
    }
    eventLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Builder of {@link DpSimulator}; not thread-safe. */
  public static final class Builder {
    private int eventLoopThreads = Math.min(4, Runtime.getRuntime().availableProcessors());
    private int callbackThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
    private int proxiesPerConnection = 1;
    private int maxInboundMessageBytes = 64 * 1024 * 1024;
    private int maxConcurrentConnects = 32;

    private Builder() {}

    /** Netty I/O threads shared by all connections (default: min(4, cores)). */
    public Builder eventLoopThreads(int n) {
      this.eventLoopThreads = positive(n, "eventLoopThreads");
      return this;
    }

    /** Threads that run response handling (default: max(2, cores)). */
    public Builder callbackThreads(int n) {
      this.callbackThreads = positive(n, "callbackThreads");
      return this;
    }

    /** Proxies per HTTP/2 connection (default 1, as with real Envoys). */
    public Builder proxiesPerConnection(int n) {
      this.proxiesPerConnection = positive(n, "proxiesPerConnection");
      return this;
    }

    /** Largest response accepted (default 64 MiB). */
    public Builder maxInboundMessageBytes(int n) {
      this.maxInboundMessageBytes = positive(n, "maxInboundMessageBytes");
      return this;
    }

    /** Connections being established at the same time by {@link #connect} (default 32). */
    public Builder maxConcurrentConnects(int n) {
      this.maxConcurrentConnects = positive(n, "maxConcurrentConnects");
      return this;
    }

    /** The simulator. */
    public DpSimulator build() {
      return new DpSimulator(this);
    }

    private static int positive(int n, String what) {
      if (n < 1) {
        throw new IllegalArgumentException(what + " must be positive");
      }
      return n;
    }
  }
}
