package org.kumaj.dpsim;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NegotiationType;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * gRPC channels (one HTTP/2 connection each) shared by proxies: a channel per target carries up
 * to {@code proxiesPerConnection} streams, then the next proxy gets a new channel. All channels
 * run on one Netty event loop group and one callback executor. A new channel connects at once
 * ({@link Shared#attempted} tells when that attempt is over). A channel is shut down when its last
 * proxy releases it. Thread-safe.
 */
final class ChannelPool implements AutoCloseable {

  /** A channel and how many proxies were given it / still use it. */
  static final class Shared {
    final XdsTarget target;
    final ManagedChannel channel;
    /** Completes when the first connection attempt has finished (ready or failed). */
    final CompletableFuture<Void> attempted = new CompletableFuture<>();
    int assigned;
    int users;

    Shared(XdsTarget target, ManagedChannel channel) {
      this.target = target;
      this.channel = channel;
    }

    /** Connects now and completes {@link #attempted} once connected or failed. */
    void connect() {
      ConnectivityState state = channel.getState(true);
      if (state == ConnectivityState.READY || state == ConnectivityState.TRANSIENT_FAILURE
          || state == ConnectivityState.SHUTDOWN) {
        attempted.complete(null);
      } else {
        channel.notifyWhenStateChanged(state, this::connect);
      }
    }
  }

  private final EventLoopGroup group;
  private final Executor executor;
  private final int proxiesPerConnection;
  private final int maxInboundMessageBytes;
  private final Map<XdsTarget, Shared> filling = new HashMap<>();
  private final Map<Shared, Boolean> open = new IdentityHashMap<>();
  private final Map<List<X509Certificate>, SslContext> sslContexts = new HashMap<>();

  ChannelPool(EventLoopGroup group, Executor executor, int proxiesPerConnection,
      int maxInboundMessageBytes) {
    this.group = group;
    this.executor = executor;
    this.proxiesPerConnection = proxiesPerConnection;
    this.maxInboundMessageBytes = maxInboundMessageBytes;
  }

  synchronized Shared acquire(XdsTarget target) {
    Shared s = filling.get(target);
    if (s == null || s.assigned >= proxiesPerConnection) {
      s = new Shared(target, build(target));
      filling.put(target, s);
      open.put(s, Boolean.TRUE);
      s.connect();
    }
    s.assigned++;
    s.users++;
    return s;
  }

  synchronized void release(Shared s) {
    if (--s.users > 0) {
      return;
    }
    open.remove(s);
    if (filling.get(s.target) == s) {
      filling.remove(s.target);
    }
    s.channel.shutdown();
    s.attempted.complete(null);
  }

  synchronized int openChannels() {
    return open.size();
  }

  private ManagedChannel build(XdsTarget target) {
    NettyChannelBuilder b = NettyChannelBuilder
        .forAddress(new InetSocketAddress(target.host(), target.port()))
        .eventLoopGroup(group)
        .channelType(NioSocketChannel.class)
        .executor(executor)
        .maxInboundMessageSize(maxInboundMessageBytes)
        .overrideAuthority(target.authority() + ":" + target.port())
        .disableRetry();
    if (target.tls()) {
      b.negotiationType(NegotiationType.TLS).sslContext(sslContext(target.trustedCertificates()));
    } else {
      b.usePlaintext();
    }
    return b.build();
  }

  private SslContext sslContext(List<X509Certificate> trusted) {
    return sslContexts.computeIfAbsent(trusted, t -> {
      try {
        return GrpcSslContexts.forClient()
            .trustManager(t.toArray(new X509Certificate[0]))
            .protocols("TLSv1.3", "TLSv1.2")
            .build();
      } catch (SSLException e) {
        throw new IllegalStateException("cannot build a TLS client context: " + e.getMessage(), e);
      }
    });
  }

  @Override
  public void close() {
    List<Shared> all;
    synchronized (this) {
      all = new ArrayList<>(open.keySet());
      open.clear();
      filling.clear();
    }
    all.forEach(s -> {
      s.channel.shutdownNow();
      s.attempted.complete(null);
    });
    for (Shared s : all) {
      try {
        s.channel.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
