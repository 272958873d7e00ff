package org.kumaj.cp.listeners;

import io.grpc.Server;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.netty.handler.ssl.SslContext;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.kumaj.cp.tls.ServerTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control plane's gRPC listeners (data-plane server, inter-CP, KDS), each a grpc-java Netty
 * server with the standard {@code grpc.health.v1.Health} service plus the services features bind to
 * it. {@link #start()} is called once by the launcher; thread-safe afterwards.
 */
@Singleton
public final class GrpcServers {
  private static final Logger LOG = LoggerFactory.getLogger("grpc");
  private final ListenerPlan plan;
  private final ServerTls tls;
  private final List<GrpcServiceBinding> bindings;
  private final List<Server> servers = new ArrayList<>();
  private final HealthStatusManager health = new HealthStatusManager();

  GrpcServers(ListenerPlan plan, ServerTls tls, List<GrpcServiceBinding> bindings) {
    this.plan = plan;
    this.tls = tls;
    this.bindings = bindings;
  }

  /**
   * Binds every gRPC listener of the plan.
   *
   * @throws ListenerStartException naming the listener that could not bind
   */
  public synchronized void start() {
    SslContext ssl = null; // one context, built on first use, serves every TLS listener
    for (Listener listener : plan.grpc()) {
      InetSocketAddress address = listener.host().isEmpty()
          ? new InetSocketAddress(listener.port())
          : new InetSocketAddress(listener.host(), listener.port());
      NettyServerBuilder builder = NettyServerBuilder.forAddress(address)
          .addService(health.getHealthService())
          .permitKeepAliveWithoutCalls(true)
          .permitKeepAliveTime(5, TimeUnit.SECONDS);
      if (listener.protocol() == Protocol.GRPC_TLS) {
        if (ssl == null) {
          ssl = sslContext();
        }
        builder.sslContext(ssl);
      }
      for (GrpcServiceBinding binding : bindings) {
        if (binding.listener().equals(listener.name())) {
          builder.addService(binding.service());
        }
      }
      try {
        servers.add(builder.build().start());
      } catch (IOException e) {
        throw new ListenerStartException(listener, e);
      }
      LOG.info("gRPC server {} listening on {}:{}", listener.name(),
          listener.host().isEmpty() ? "*" : listener.host(), listener.port());
    }
  }

  private SslContext sslContext() {
    try {
      return GrpcSslContexts.configure(tls.serverContext()).build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot use the TLS certificate " + tls.certFile() + ": " + e.getMessage(), e);
    }
  }

  @PreDestroy
  synchronized void stop() {
    health.enterTerminalState();
    for (Server s : servers) {
      s.shutdown();
    }
    for (Server s : servers) {
      try {
        if (!s.awaitTermination(5, TimeUnit.SECONDS)) {
          s.shutdownNow();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        s.shutdownNow();
      }
    }
    servers.clear();
  }
}
